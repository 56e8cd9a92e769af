// Every start-up mistake a new user can make, on the real process: exit 1 with one line naming the setting or
// argument and one saying what to do — never a stack trace.
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers.ts';

const ROOT = new URL('..', import.meta.url).pathname;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** node --import tsx src/main.ts <args>, as the Docker image runs it. stdin: 'empty' is a pipe closed at once. */
function main(
  args: string[],
  env: Record<string, string>,
  opts: { stdin?: 'empty' | 'null'; uid?: number } = {},
): Promise<Run> {
  const started = Date.now();
  const node = opts.uid === undefined ? process.execPath : nodeAnyoneCanRun();
  return new Promise((resolve, reject) => {
    const child = spawn(node, ['--import', 'tsx', 'src/main.ts', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: [opts.stdin === 'null' ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.uid } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d)); // piped: stdio[1] and [2] are 'pipe'
    child.stderr!.on('data', (d) => (stderr += d));
    child.stdin?.end();
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

/**
 * The running Node binary, copied where another user can execute it: a Node installed under root's home (a
 * version manager, or .ci/use-node.sh's cache in ~/.cache) sits behind a 0700 folder that "nobody" cannot enter.
 */
function nodeAnyoneCanRun(): string {
  const copy = join(tmp.dir, 'node');
  copyFileSync(process.execPath, copy);
  chmodSync(copy, 0o755);
  return copy;
}

/** A clear refusal: status 1, the setting named, and nothing that looks like a stack or a raw driver error. */
function expectClearRefusal(run: Run, ...phrases: (string | RegExp)[]): void {
  expect(run.code, run.stderr).toBe(1);
  for (const phrase of phrases) expect(run.stderr).toMatch(phrase);
  expect(run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(run.stderr).not.toMatch(/\b(SqliteError|TypeError|Error):/);
  expect(run.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
}

let tmp: ReturnType<typeof tempDir>;
let busy: Server;
let busyPort: number;
beforeAll(async () => {
  tmp = tempDir();
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '0.0.0.0', resolve));
  busyPort = (busy.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise((resolve) => busy.close(resolve));
  tmp.cleanup();
});

describe('start-up mistakes', { timeout: 30_000 }, () => {
  it('a database folder this user cannot write (a Docker volume that belongs to root)', async () => {
    const locked = join(tmp.dir, 'locked');
    mkdirSync(locked);
    chmodSync(tmp.dir, 0o755);
    // As root nothing is locked, so the bot runs as "nobody" there, against a folder that belongs to root.
    const asRoot = process.getuid?.() === 0;
    if (!asRoot) chmodSync(locked, 0o555);
    const run = await main(
      ['start'],
      { DATABASE_PATH: join(locked, 'data', 'coach.db') },
      { stdin: 'empty', ...(asRoot ? { uid: 65534 } : {}) },
    );
    expectClearRefusal(
      run,
      /^DATABASE_PATH=.*locked\/data\/coach\.db: this user .*cannot write there/m,
      /Make that folder writable/,
    );
  });

  it('DATABASE_PATH under a regular file', async () => {
    const file = join(tmp.dir, 'plain-file');
    writeFileSync(file, 'x');
    const run = await main(['start'], { DATABASE_PATH: join(file, 'coach.db') }, { stdin: 'empty' });
    expectClearRefusal(
      run,
      /^DATABASE_PATH=.*plain-file\/coach\.db: .*plain-file is a file/m,
      /Choose another path for DATABASE_PATH/,
    );
  });

  it('DATABASE_PATH pointing at a file that is not a SQLite database', async () => {
    const file = join(tmp.dir, 'notes.txt');
    writeFileSync(file, 'my shopping list\n'.repeat(200));
    const run = await main(['start'], { DATABASE_PATH: file }, { stdin: 'empty' });
    expectClearRefusal(run, /^DATABASE_PATH=.*notes\.txt: the file is not a SQLite database\./m);
  });

  it('CONTENT_DIR missing', async () => {
    const run = await main(
      ['start'],
      { DATABASE_PATH: join(tmp.dir, 'content-case.db'), CONTENT_DIR: join(tmp.dir, 'no-such-content') },
      { stdin: 'empty' },
    );
    expectClearRefusal(
      run,
      /^CONTENT_DIR=.*no-such-content: there is no such folder/m,
      /Point CONTENT_DIR at the folder/,
    );
  });

  it('PORT already in use', async () => {
    const run = await main(
      ['start'],
      { DATABASE_PATH: join(tmp.dir, 'port-case.db'), PORT: String(busyPort) },
      { stdin: 'empty' },
    );
    expectClearRefusal(
      run,
      new RegExp(`^PORT=${busyPort}: another program is already listening on that port\\.`, 'm'),
      /set PORT to a free port/,
    );
  });

  it('no platform configured and no terminal on stdin (Docker with the tokens forgotten)', async () => {
    const run = await main(['start'], { DATABASE_PATH: join(tmp.dir, 'no-platform.db') }, { stdin: 'null' });
    expectClearRefusal(run, /^No platform is configured/m, /SLACK_BOT_TOKEN/, /DISCORD_TOKEN/);
  });

  it('Slack Socket Mode on a deployment of several replicas, before anything connects', async () => {
    const run = await main(['start'], {
      DATABASE_URL: 'postgres://bot@127.0.0.1:1/coach', // never reached: the configuration is refused first
      REPLICAS: '3',
      SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
      SLACK_APP_TOKEN: 'xapp-1-A1-1-abc',
    });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(
      /^ {2}- SLACK_APP_TOKEN: Socket Mode cannot run with REPLICAS=3; unset it and use HTTP mode/m,
    );
    expect(run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });

  it('chat with Slack configured but unreachable fails fast, naming the method and the address', async () => {
    const closed = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as { port: number };
        s.close(() => resolve(port));
      });
    });
    const run = await main(
      ['chat'],
      {
        DATABASE_PATH: join(tmp.dir, 'slack-down.db'),
        SLACK_BOT_TOKEN: 'xoxb-1-2-test',
        SLACK_SIGNING_SECRET: 's'.repeat(32),
        SLACK_API_URL: `http://127.0.0.1:${closed}/api/`,
        PORT: '0',
      },
      { stdin: 'empty' },
    );
    expectClearRefusal(
      run,
      new RegExp(`auth\\.test at http://127\\.0\\.0\\.1:${closed}/api/auth\\.test \\(ECONNREFUSED\\)`),
    );
    expect(run.ms).toBeLessThan(15_000);
  });

  describe('backup', () => {
    let db: string;
    beforeAll(async () => {
      db = join(tmp.dir, 'backup-source.db');
      expect((await main(['migrate'], { DATABASE_PATH: db })).code).toBe(0);
    });

    it('to a file that exists', async () => {
      const run = await main(['backup', db], { DATABASE_PATH: db });
      expectClearRefusal(run, /^backup .*backup-source\.db: that file exists already\./m);
    });

    it('into a folder that does not exist', async () => {
      const run = await main(['backup', join(tmp.dir, 'missing-folder', 'copy.db')], { DATABASE_PATH: db });
      expectClearRefusal(run, /^backup .*copy\.db: the folder .*missing-folder does not exist\./m);
    });

    it('with no database yet', async () => {
      const run = await main(['backup', join(tmp.dir, 'copy.db')], {
        DATABASE_PATH: join(tmp.dir, 'never-started.db'),
      });
      expectClearRefusal(run, /^DATABASE_PATH=.*never-started\.db: there is no database there yet/m);
    });

    it('works, and says where the copy went', async () => {
      const run = await main(['backup', join(tmp.dir, 'good-copy.db')], { DATABASE_PATH: db });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^Backed up .* to .*good-copy\.db \(\d+ pages\)\./);
    });
  });
});
