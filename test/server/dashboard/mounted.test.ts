// The dashboard as `start` composes it: on the bot's one HTTP server, its link typed for in the terminal chat pointing
// at this machine's port; and without an HTTP server (no PORT), the terminal says what to set.
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { type App, startApp } from '../../../src/app.ts';
import { loadConfig } from '../../../src/config.ts';
import { createLog } from '../../../src/log.ts';
import { tempDir } from '../../helpers.ts';

let app: App | undefined;
let tmp: ReturnType<typeof tempDir>;
afterEach(async () => {
  await app?.stop();
  app = undefined;
  tmp.cleanup();
});

async function chat(env: Record<string, string>) {
  tmp = tempDir();
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk) => (printed += String(chunk)));
  app = await startApp({
    config: loadConfig({ DATABASE_PATH: join(tmp.dir, 'coach.db'), ...env }),
    log: createLog('silent'),
    terminal: { input, output, interactive: false, user: { id: 'ada', displayName: 'Ada' }, onEnd: () => {} },
  });
  /** Types a line and waits for the printed text to match. */
  const say = async (line: string, until: RegExp) => {
    input.write(`${line}\n`);
    for (let i = 0; i < 200 && !until.test(printed); i++) await new Promise((r) => setTimeout(r, 20));
    return printed;
  };
  return { say };
}

describe('the dashboard on the bot', () => {
  it('the terminal prints a link to 127.0.0.1 and the listening port; it signs in once, then the team page', async () => {
    const { say } = await chat({ PORT: '0', PUBLIC_URL: 'https://coach.example.com' });
    const port = app!.address!.port;
    const printed = await say('dashboard', /token=[\w-]+/);
    const url = printed.match(/http:\/\/127\.0\.0\.1:(\d+)\/dashboard\/login\?token=[\w-]+/)?.[0];
    expect(url, printed).toBeDefined();
    expect(new URL(url!).port).toBe(String(port));
    const first = await fetch(url!, { redirect: 'manual' });
    expect(first.status).toBe(303);
    const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
    const team = await fetch(`http://127.0.0.1:${port}/dashboard`, { headers: { cookie } });
    expect(team.status).toBe(200);
    expect(await team.text()).toContain('Ada');
    expect((await fetch(url!, { redirect: 'manual' })).status).toBe(403);
    expect((await fetch(`http://127.0.0.1:${port}/dashboard`)).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });

  it('with no PORT the terminal runs no HTTP server, and `dashboard` says to set PORT, storing nothing', async () => {
    const { say } = await chat({});
    expect(app!.address).toBeUndefined();
    const printed = await say('dashboard', /PORT/);
    expect(printed).toContain('must set PORT');
    // Read as another process would: the bot's own SQLite file (DATABASE_PATH).
    const file = new BetterSqlite3(join(tmp.dir, 'coach.db'), { readonly: true });
    try {
      expect(file.prepare('select count(*) n from dashboard_links').get()).toEqual({ n: 0 });
    } finally {
      file.close();
    }
  });
});
