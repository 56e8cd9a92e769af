// The real process outlives one bad event: a promise nobody waited for that rejects is logged, and the bot keeps
// answering (Node would otherwise exit at once, taking every platform down with it).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { tempDir } from './helpers.ts';

const ROOT = new URL('..', import.meta.url).pathname;
let tmp: ReturnType<typeof tempDir>;
afterEach(() => tmp.cleanup());

const until = async (check: () => boolean) => {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
};

it('logs an unhandled rejection and keeps answering', async () => {
  tmp = tempDir();
  const child = spawn(
    process.execPath,
    ['--require', join(ROOT, 'test/fixtures/reject-on-signal.cjs'), '--import', 'tsx', 'src/main.ts', 'chat'],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', DATABASE_PATH: join(tmp.dir, 'coach.db') },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let [stdout, stderr] = ['', ''];
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  child.stdin.write('done redis\n');
  await until(() => stdout.includes('Done: Redis'));
  child.kill('SIGUSR2');
  await until(() => stderr.includes('one bad event'));
  expect(stderr).toMatch(/unhandled rejection/);
  child.stdin.end('progress\n'); // still answering
  expect(await exited).toBe(0);
  expect(stdout).toMatch(/roadmap> progress\n== Your progress/);
}, 30_000);
