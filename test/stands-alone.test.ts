// A clone of the repository must run on its own: no source, test, bench or script file may point outside it (as the
// test fakes once read the specs from a sibling folder, which only the maintainers' machines have beside the clone).
import { type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const SCANNED = ['src', 'test', 'bench', 'scripts', '.ci', 'deploy'];
const TOP_LEVEL = [
  'package.json',
  'tsconfig.json',
  'vitest.config.ts',
  'drizzle.sqlite.config.ts',
  'Dockerfile',
  'biome.json',
];
const SELF = resolve(new URL(import.meta.url).pathname);
const TEXT = /\.(ts|js|mjs|cjs|json|ya?ml|sh|md)$|^run$|^Dockerfile$/;

/** A relative path written in a file: a run of ../ followed by a name. */
const RELATIVE = /(?<![\w/.])((?:\.\.\/)+(?:\.\.(?=['"`\s)])|[\w@.-][^\s'"`)$]*)?)/g;

/** Every relative path written in `source` that leads outside `root` when read from the file's own folder. */
function outsideReferences(file: string, source: string, root = ROOT): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(RELATIVE)) {
    const target = resolve(dirname(file), match[1]!);
    if (target !== root && !target.startsWith(root + sep)) found.push(match[1]!);
  }
  // The sibling folder the maintainers hand files over in, however it is spelled.
  for (const match of source.matchAll(/\.\.[/\\]+(?:\.\.[/\\]+)*shared\b/g))
    if (!found.some((f) => f.includes(match[0]))) found.push(match[0]);
  return found;
}

function files(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return []; // a folder this checkout does not have
  }
  return entries.flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'fixtures' ? [] : files(path);
    return TEXT.test(e.name) ? [path] : [];
  });
}

describe('the repository stands alone', () => {
  it('no source, test, bench, script or config file refers to a path outside the repository', () => {
    const scanned = [
      ...SCANNED.flatMap((d) => files(join(ROOT, d))),
      ...TOP_LEVEL.map((f) => join(ROOT, f)).filter((f) => statSync(f, { throwIfNoEntry: false })?.isFile()),
    ].filter((f) => f !== SELF); // this file spells out, as examples, what it forbids
    expect(scanned.length).toBeGreaterThan(50);
    const offences = scanned.flatMap((file) =>
      outsideReferences(file, readFileSync(file, 'utf8')).map((ref) => `${relative(ROOT, file)}: ${ref}`),
    );
    expect(offences).toEqual([]);
  });

  it('the check catches the ways a file can point outside', () => {
    const file = join(ROOT, 'test', 'fakes', 'example.ts');
    // The sibling folder the fakes once read, spelled in pieces so this file itself names no path outside.
    const sibling = ['..', 'shared'].join('/');
    const spec = `../../${sibling}/specs/slack/web-api.json`;
    expect(outsideReferences(file, `new URL('${spec}', import.meta.url)`)).toContain(spec);
    expect(outsideReferences(file, `readFileSync(join(ROOT, '${sibling}/seed/backend-roadmap.md'))`)).not.toEqual([]);
    expect(outsideReferences(join(ROOT, '.ci', 'run'), 'cp ../../elsewhere/file .')).toEqual(['../../elsewhere/file']);
    expect(outsideReferences(join(ROOT, 'package.json'), '"test": "vitest run --dir ../"')).toEqual(['../']);
    // Inside the repository is fine, however deep the file sits.
    expect(outsideReferences(file, "new URL('../../vendor/discord-api-spec/openapi.json', import.meta.url)")).toEqual(
      [],
    );
    expect(outsideReferences(join(ROOT, '.ci', 'run'), 'cd "$(dirname "$0")/.."')).toEqual([]);
  });
});
