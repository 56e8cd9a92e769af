// SIGTERM on the real process: it finishes what it was given, closes cleanly and exits 0; the work is kept.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from './helpers.ts';

const ROOT = new URL('..', import.meta.url).pathname;
let tmp: ReturnType<typeof tempDir>;
afterEach(() => tmp.cleanup());

describe('graceful shutdown', () => {
  it('on SIGTERM stops taking commands, closes the database and exits 0, keeping what was done', async () => {
    tmp = tempDir();
    const db = join(tmp.dir, 'coach.db');
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['src/main.ts', 'chat'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_PATH: db, PORT: '0', LOG_LEVEL: 'info' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    for (let i = 0; i < 300 && !stderr.includes('http server listening'); i++)
      await new Promise((r) => setTimeout(r, 20));
    child.stdin.write('done redis\n'); // stdin stays open: only the signal ends this process
    for (let i = 0; i < 300 && !stdout.includes('Done: Redis'); i++) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toContain('"msg":"stopping"');
    expect(stderr).toContain('"msg":"stopped"');
    const copy = new Database(db, { readonly: true });
    expect(copy.prepare("select count(*) n from progress where state = 'done'").get()).toEqual({ n: 1 });
    copy.close();
  }, 30_000);
});
