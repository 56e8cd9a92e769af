// The terminal chat as a user runs it: the real entry point in a child process, commands piped through stdin.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers.ts';

const ROOT = new URL('../../..', import.meta.url).pathname;
const TSX = join(ROOT, 'node_modules/.bin/tsx');

function chat(input: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['src/main.ts'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
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

  it('answers each line, accepts /roadmap or not, keeps progress in the SQLite file, and exits at the end of input', async () => {
    const env = { DATABASE_PATH: join(tmp.dir, 'data', 'coach.db') };
    const first = await chat('/roadmap next\ntrack node\nnext\ndone express\nprogress\n', env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('== Choose Your Backend Language ==');
    expect(first.stdout).toContain('== Next: Express.js ==');
    expect(first.stdout).toContain('== ✓ Done: Express.js ==');
    expect(first.stdout).toMatch(/Overall: 1 of 31 topics done \(3%\)/);

    const second = await chat('next\n1\ntopic express\n', env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('== Next: Async Programming ==');
    expect(second.stdout).toContain('== Started Async Programming =='); // "1" pressed the first button: Start
    expect(second.stdout).toContain('Your progress: done');
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
    writeFileSync(join(content, 'backend.md'), readFileSync(join(ROOT, 'content/backend.md'), 'utf8') + '\n##### too deep\n');
    const run = await chat('topic redis\n', { ...env, CONTENT_DIR: content });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/content file rejected.*backend\.md:\d+: headings go three levels deep/);
    expect(run.stdout).toContain('== Redis ==');
  }, 30_000);

  it('names every bad environment variable at once and exits non-zero', async () => {
    const run = await chat('', { LOG_LEVEL: 'loud', DEFAULT_ROADMAP: 'Not A Name' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('LOG_LEVEL');
    expect(run.stderr).toContain('DEFAULT_ROADMAP');
  }, 30_000);
});
