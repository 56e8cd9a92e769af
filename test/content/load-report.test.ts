// What an operator is told about a content load: the start-up log and `load-content` (the real process) say which
// roadmaps a rejected file leaves as they were, which it leaves unloaded, and which retired topics came back.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { syncContent } from '../../src/content/sync.ts';
import { createLog } from '../../src/log.ts';
import { createStore } from '../../src/store/index.ts';
import { CONTENT_DIR, tempDir } from '../helpers.ts';
import { openMigratedSqlite } from '../store/open-test-database.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const OURS = readFileSync(join(CONTENT_DIR, 'backend.md'), 'utf8');
const LATIN1 = Buffer.from('# Cafe\n\n## Basics\n\n- **Café**: one Latin-1 byte\n', 'latin1');

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

/** Starts and stops the whole bot once (no platform, no chat) and returns its error log lines. */
async function startOnce(env: Record<string, string>): Promise<string[]> {
  const lines: string[] = [];
  const app = await startApp({
    config: loadConfig(env),
    log: createLog('error', (line) => lines.push(JSON.parse(line).msg)),
  });
  await app.stop();
  return lines;
}

function loadContent(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'load-content'], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('content load reports', () => {
  it('logs "not loaded" for a new file that fails, and "previous version stays" only when there is one', async () => {
    const env = { DATABASE_PATH: join(tmp.dir, 'coach.db'), CONTENT_DIR: tmp.dir };
    writeFileSync(join(tmp.dir, 'backend.md'), OURS);
    writeFileSync(join(tmp.dir, 'cafe.md'), LATIN1);
    const cafe = join(tmp.dir, 'cafe.md');
    expect(await startOnce(env)).toEqual([
      `content file rejected, roadmap "cafe" is not loaded (no earlier version of it was): ${cafe}:5: the file is ` +
        'not UTF-8 text (another encoding, such as Latin-1?); save it as UTF-8',
    ]);

    writeFileSync(join(tmp.dir, 'backend.md'), `${OURS}\n##### too deep\n`);
    const [line, ...rest] = await startOnce(env);
    expect(line).toMatch(
      /^content file rejected, its previous version stays loaded: .*backend\.md:\d+: headings go three levels deep/,
    );
    expect(rest).toEqual([expect.stringContaining('roadmap "cafe" is not loaded')]);
  }, 30_000);

  it('`load-content` reports a retired topic that is back as restored, not updated, and counts "1 topic"', async () => {
    const env = { DATABASE_PATH: join(tmp.dir, 'coach.db'), CONTENT_DIR: tmp.dir };
    const withoutRedis = OURS.replace(/^- \*\*Redis\*\*.*\n( {2}- .*\n)+/m, '');
    writeFileSync(join(tmp.dir, 'backend.md'), OURS);
    const db = await openMigratedSqlite(env.DATABASE_PATH);
    await syncContent(tmp.dir, createStore(db), 1);
    writeFileSync(join(tmp.dir, 'backend.md'), withoutRedis);
    expect((await syncContent(tmp.dir, createStore(db), 2)).loaded).toMatchObject([{ retired: 1 }]);
    db.sqlite.close();
    writeFileSync(join(tmp.dir, 'backend.md'), OURS);
    writeFileSync(join(tmp.dir, 'one.md'), '# One\n\n## Only\n\n- **Lonely**: the one topic\n');
    const restored = await loadContent(env);
    expect(restored.stdout).toBe(
      'backend: 39 topics (0 added, 38 updated, 1 restored, 0 retired)\none: 1 topic (1 added, 0 updated, 0 ' +
        'restored, 0 retired)\n',
    );
    expect(restored.code).toBe(0);
  }, 30_000);
});
