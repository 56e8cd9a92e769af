// The core and the content loader must stay free of platforms, adapters and cron: read their sources and check.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../src', import.meta.url).pathname;
const FORBIDDEN = [/['"]@slack\//, /['"]discord\.js['"]/, /['"]@discordjs\//, /['"]node-cron['"]/, /adapters\//, /['"]drizzle-orm/, /['"]better-sqlite3['"]/];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('module boundaries', () => {
  it.each(['core', 'content'])('src/%s imports no platform, adapter, cron, or database driver', (folder) => {
    const files = sources(join(SRC, folder));
    expect(files.length).toBeGreaterThan(1);
    const offences = files.flatMap((file) =>
      readFileSync(file, 'utf8').split('\n')
        .filter((line) => /^\s*(import|export)\b.*\bfrom\b|import\(/.test(line))
        .filter((line) => FORBIDDEN.some((re) => re.test(line)))
        .map((line) => `${relative(SRC, file)}: ${line.trim()}`),
    );
    expect(offences).toEqual([]);
  });
});
