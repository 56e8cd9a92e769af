// The command line on PostgreSQL, on the real process: `migrate` applies migrations/postgres (twice is fine), an
// unreachable server is one clear line naming host and port, and `backup` points to pg_dump. Never a stack trace.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { POSTGRES_ENGINES } from './store/engines.ts';

const ROOT = new URL('..', import.meta.url).pathname;

function main(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const UNREACHABLE = 'postgres://bot:s3cret@127.0.0.1:1/coach';

describe('the command line on PostgreSQL', () => {
  it('migrate: an unreachable server is one line naming host and port, exit 1, no password, no stack', async () => {
    const run = await main(['migrate'], { DATABASE_URL: UNREACHABLE });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toBe(
      'DATABASE_URL: cannot reach PostgreSQL at 127.0.0.1:1 (ECONNREFUSED).\n' +
        '  Start the server, or correct the host and port in DATABASE_URL.\n',
    );
  });

  it('backup: says to use pg_dump', async () => {
    const run = await main(['backup', 'coach.dump'], { DATABASE_URL: UNREACHABLE });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(
      /^backup: the database is PostgreSQL \(DATABASE_URL, PostgreSQL 127\.0\.0\.1:1\/coach\)/,
    );
    expect(run.stderr).toMatch(/Use pg_dump: pg_dump --format=custom/);
    expect(run.stderr).not.toMatch(/s3cret|^\s+at /m);
  });

  it.each(POSTGRES_ENGINES.filter((e) => e.name === 'postgres').map((e) => [e.name, e] as const))(
    'migrate on the %s server: applies every migration, and again changes nothing',
    async (_name, engine) => {
      const opened = await engine.open({ migrate: false });
      try {
        for (let i = 0; i < 2; i++) {
          const run = await main(['migrate'], { DATABASE_URL: opened.url! });
          expect(run.code, run.stderr).toBe(0);
          const url = new URL(opened.url!);
          expect(run.stdout).toBe(
            `Database PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname} is up to date.\n`,
          );
        }
        expect(await opened.db.ready()).toBe(true);
      } finally {
        await opened.dispose();
      }
    },
  );
});
