// The terminal chat as a user runs it: the real entry point in a child process, commands piped through stdin.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers.ts';

const ROOT = new URL('../../..', import.meta.url).pathname;
const TSX = join(ROOT, 'node_modules/.bin/tsx');

function spawnChat(env: Record<string, string>) {
  return spawn(TSX, ['src/main.ts'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
}

function chat(
  input: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawnChat(env);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('terminal chat (piped)', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it('answers each line, accepts /roadmap or not, keeps progress in the SQLite file, and exits at the end of ' +
    'input', async () => {
    const env = { DATABASE_PATH: join(tmp.dir, 'data', 'coach.db') };
    const first = await chat('/roadmap next\ntrack node\nnext\ndone express\nprogress\n', env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('== Choose Your Backend Language ==');
    expect(first.stdout).toContain('== Next: Express.js ==');
    expect(first.stdout).toContain('== ✓ Done: Express.js ==');
    expect(first.stdout).toMatch(/Overall: 1 of 31 topics done \(3%\)/);

    const second = await chat('next\n\n1\n9\ntopic express\n', env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('== Next: Async Programming ==');
    expect(second.stdout).toContain('== Started Async Programming =='); // "1" pressed the first button: Start
    expect(second.stdout).toContain('Your progress: done');
    // A transcript: each command after the prompt, then its answer; the empty line is neither echoed nor answered.
    expect(second.stdout.match(/^roadmap> .*$/gm)).toEqual([
      'roadmap> next',
      'roadmap> 1',
      'roadmap> 9',
      'roadmap> topic express',
    ]);
    expect(second.stdout).toMatch(/\n\nroadmap> 9\nThere is no button 9 on screen: the buttons are 1–\d\./);
    expect(second.stdout).toMatch(/^roadmap> next\n== Next: Async Programming ==\n/);
    expect(second.stdout).toContain('\n\nroadmap> 1\n== Started Async Programming ==\n');
    expect(second.stdout).toContain('\n\nroadmap> topic express\n== Express.js ==\n');
  }, 30_000);

  it('writes `export` to a private file beside the database and prints its path', async () => {
    const env = { DATABASE_PATH: join(tmp.dir, 'data', 'coach.db') };
    const run = await chat('done redis\nexport\n', env);
    expect(run.code).toBe(0);
    const path = /Saved roadmap-coach-my-data\.json to (\S+)/.exec(run.stdout)?.[1];
    expect(path).toContain(join(tmp.dir, 'data', 'exports'));
    const { readFileSync, statSync } = await import('node:fs');
    expect(statSync(path!).mode & 0o777).toBe(0o600);
    expect(readFileSync(path!, 'utf8')).toContain('"done"');
  }, 30_000);

  it('refuses a malformed content file by file and line, and keeps serving the last good version', async () => {
    const env = { DATABASE_PATH: join(tmp.dir, 'coach.db') };
    await chat('next\n', env);
    const { writeFileSync, mkdirSync, readFileSync } = await import('node:fs');
    const content = join(tmp.dir, 'content');
    mkdirSync(content);
    writeFileSync(
      join(content, 'backend.md'),
      `${readFileSync(join(ROOT, 'content/backend.md'), 'utf8')}\n##### too deep\n`,
    );
    const run = await chat('topic redis\n', { ...env, CONTENT_DIR: content });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/content file rejected.*backend\.md:\d+: headings go three levels deep/);
    expect(run.stdout).toContain('== Redis ==');
  }, 30_000);

  it('every answer reaches a slow reader before the process exits', async () => {
    const child = spawnChat({ DATABASE_PATH: join(tmp.dir, 'coach.db'), LOG_LEVEL: 'debug' });
    child.stdin.end('progress\n'.repeat(300)); // about 250 kB of answers: far more than a pipe holds
    // The reader does not read until the process has exited, or has handled no command for a second (it waits for
    // the reader): whatever arrives after that is all there is.
    let lastHandled = 0;
    child.stderr.on('data', (d: Buffer) => {
      if (d.includes('command handled')) lastHandled = Date.now();
    });
    child.stdout.pause();
    let exited = false;
    child.once('exit', () => (exited = true));
    const closed = new Promise((resolve) => child.on('close', resolve));
    while (!exited && !(lastHandled && Date.now() - lastHandled > 1000)) await new Promise((r) => setTimeout(r, 50));
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d)).resume();
    const code = await closed;
    expect(stdout.match(/^== Your progress/gm)?.length).toBe(300);
    expect(code).toBe(0);
  }, 60_000);

  it('a reader that closes early (`| head -5`) ends the chat quietly, with exit status 0', async () => {
    const child = spawnChat({ DATABASE_PATH: join(tmp.dir, 'coach.db') });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.end('progress\n'.repeat(300));
    child.stdout.once('data', () => child.stdout.destroy()); // the reader goes away after its first read
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 60_000);

  it('names every bad environment variable at once and exits non-zero', async () => {
    const run = await chat('', { LOG_LEVEL: 'loud', DEFAULT_ROADMAP: 'Not A Name' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('LOG_LEVEL');
    expect(run.stderr).toContain('DEFAULT_ROADMAP');
  }, 30_000);
});
