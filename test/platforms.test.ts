// The platform list: every platform's variables in the one configuration, and a platform's library loaded only once
// it is configured (the real process, with nothing configured, loads neither Bolt nor discord.js), both from the
// sources (tsx) and from the production bundle that the Docker image runs (dist/, built by test/build-bundle.ts).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, platformsOf } from '../src/config.ts';
import { PLATFORMS } from '../src/platforms.ts';
import { tempDir } from './helpers.ts';

const ROOT = new URL('..', import.meta.url).pathname;
let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.cleanup());

const ENTRIES = {
  sources: ['--import', 'tsx', 'src/main.ts'],
  bundle: ['dist/main.js'],
};

/** The entry (sources or bundle) with `args` and the reporter preloaded; resolves with its output once it exits. */
function run(
  entry: string[],
  args: string[],
  env: Record<string, string>,
  input = '',
): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--require', join(ROOT, 'test/fixtures/report-platform-libraries.cjs'), ...entry, ...args],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let [stdout, stderr] = ['', ''];
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.end(input);
    child.on('error', reject).on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

it('lists each platform once, with its variables in the one configuration', () => {
  expect(PLATFORMS.map((p) => p.name)).toEqual(['slack', 'discord']);
  const config = loadConfig({ DISCORD_TOKEN: 'x'.repeat(40), DISCORD_APPLICATION_ID: '123456789012345678' });
  expect(platformsOf(config)).toEqual({ slack: false, discord: true });
  expect(config.DISCORD_APPLICATION_ID).toBe('123456789012345678');
});

// Each test starts the real process a few times: up to ten seconds each through tsx on a loaded machine.
describe.each(Object.entries(ENTRIES))('from the %s', { timeout: 60_000 }, (_name, entry) => {
  it('loads no platform library when no platform is configured, nor node-postgres on SQLite: the chat starts', async () => {
    const chat = await run(entry, ['chat'], { DATABASE_PATH: join(tmp.dir, `chat-${_name}.db`) }, 'help\n');
    expect(chat.code, chat.stderr).toBe(0);
    expect(chat.stdout).toContain('Roadmap Coach');
    expect(chat.stderr).toContain('platform library modules loaded: 0');
    expect(chat.stderr).toContain('postgres library modules loaded: 0');
  });

  it("loads a platform's library once that platform is configured, and its subcommands' only when they run", async () => {
    const slack = await run(entry, ['chat'], {
      DATABASE_PATH: join(tmp.dir, `slack-${_name}.db`),
      PORT: '0',
      SLACK_BOT_TOKEN: 'xoxb-1-2-test',
      SLACK_SIGNING_SECRET: 's'.repeat(32),
      SLACK_API_URL: 'http://127.0.0.1:9/api/', // nothing listens there: the start fails once Bolt is loaded
    });
    expect(slack.code).toBe(1);
    expect(slack.stderr).toMatch(/platform library modules loaded: [1-9]/);
    const register = await run(entry, ['discord-register'], { DATABASE_PATH: join(tmp.dir, `reg-${_name}.db`) });
    expect(register.code).toBe(1); // no token: refused before discord.js is needed
    expect(register.stderr).toContain('platform library modules loaded: 0');
    expect((await run(entry, ['discord-register', '--help'], {})).stdout).toContain('--guild <id>');
  });

  it('loads node-postgres once DATABASE_URL names a server', async () => {
    const postgres = await run(entry, ['migrate'], { DATABASE_URL: 'postgres://bot@127.0.0.1:9/coach' }); // nobody there
    expect(postgres.code).toBe(1);
    expect(postgres.stderr).toMatch(/postgres library modules loaded: [1-9]/);
  });
});
