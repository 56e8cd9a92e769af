// `npm run build` (scripts/build.ts): the bundle folder holds only what the last build wrote.
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { buildBundle, ROOT } from '../scripts/build.ts';

const OUTDIR = `.build-test-${process.pid}`; // one folder below the root, as dist/; its own, as files run in parallel

afterEach(() => rmSync(join(ROOT, OUTDIR), { recursive: true, force: true }));

it('leaves no chunk of an earlier build behind', async () => {
  await buildBundle({ outdir: OUTDIR });
  const stale = join(ROOT, OUTDIR, 'chunk-STALE0.js'); // what a build of older sources left
  writeFileSync(stale, 'export {};\n');
  await buildBundle({ outdir: OUTDIR });
  expect(existsSync(stale)).toBe(false);
  expect(readdirSync(join(ROOT, OUTDIR))).toContain('main.js');
}, 60_000);

it('refuses to empty anything but a folder of its own below the root', async () => {
  for (const outdir of ['', '.', '..', 'src/..', '/tmp'])
    await expect(buildBundle({ outdir })).rejects.toThrow('one folder below the root');
  expect(existsSync(join(ROOT, 'package.json'))).toBe(true);
});
