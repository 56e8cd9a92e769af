// OAuth installs: /slack/install → Slack → redirect stores the installation sealed; uninstall removes it.
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INSTALLED_TOKEN } from '../../fakes/slack-api.ts';
import { type Bot, startBot } from './harness.ts';
import { eventBody, slashBody } from './requests.ts';

describe('slack OAuth installs', () => {
  let bot: Bot;
  beforeEach(async () => {
    bot = await startBot({
      clientId: '111.222',
      clientSecret: 'client-secret',
      stateSecret: 'state-secret-long-enough',
      encryptionKey: randomBytes(32).toString('base64'),
    });
  });
  afterEach(async () => {
    await bot.close();
  });

  async function install(): Promise<Response> {
    const start = await fetch(`${bot.base}/slack/install`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.origin).toBe(bot.fake.origin);
    expect(authorize.searchParams.get('scope')).toBe('commands,chat:write,users:read,im:write,files:write');
    const cookie = start.headers.get('set-cookie')!.split(';')[0]!;
    const state = authorize.searchParams.get('state')!;
    return fetch(`${bot.base}/slack/oauth_redirect?code=code-1&state=${encodeURIComponent(state)}`, {
      headers: { cookie },
      redirect: 'manual',
    });
  }

  it('stores the installation with its token sealed, and serves that workspace', async () => {
    expect((await install()).status).toBe(200);
    expect(bot.fake.callsTo('oauth.v2.access')[0]?.params).toMatchObject({ code: 'code-1', client_id: '111.222' });
    const row = bot.db.sqlite.prepare('SELECT * FROM slack_installations').get() as Record<string, unknown>;
    expect(row).toMatchObject({ id: 'T9', team_id: 'T9', bot_user_id: 'UBOT9' });
    expect(JSON.stringify(row)).not.toContain(INSTALLED_TOKEN);
    expect(JSON.stringify(row)).not.toContain('secret');

    const body = slashBody('done express', bot.fake.responseUrl('t9')).replace('team_id=T1', 'team_id=T9');
    const res = await bot.postForm(body);
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain('Done');
    expect(bot.fake.callsTo('users.info')[0]?.token).toBe(INSTALLED_TOKEN);
    expect(bot.fake.violations).toEqual([]);
  });

  it('refuses /roadmap from a workspace that has not installed the app, and runs nothing for it', async () => {
    await install(); // T9 has; T1 has not
    const res = await bot.postForm(slashBody('done express', bot.fake.responseUrl('t1')));
    expect(res.status).toBe(401);
    expect(bot.fake.callsTo('users.info')).toEqual([]);
    expect(bot.db.sqlite.prepare('SELECT count(*) AS n FROM members').get()).toEqual({ n: 0 });
    expect(bot.fake.responses).toEqual([]);
  });

  it('refuses a redirect without the browser state cookie', async () => {
    const res = await fetch(`${bot.base}/slack/oauth_redirect?code=code-1&state=forged`, { redirect: 'manual' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(bot.fake.callsTo('oauth.v2.access')).toEqual([]);
    expect(bot.db.sqlite.prepare('SELECT count(*) AS n FROM slack_installations').get()).toEqual({ n: 0 });
  });

  it.each([
    ['app_uninstalled', {}],
    ['tokens_revoked', { tokens: { bot: ['UBOT9'] } }],
  ])('removes the installation on %s', async (type, extra) => {
    await install();
    const res = await bot.postJson(eventBody({ type, ...extra }, 'T9'));
    expect(res.status).toBe(200);
    await bot.fake.waitFor(
      () => (bot.db.sqlite.prepare('SELECT count(*) AS n FROM slack_installations').get() as { n: number }).n === 0,
    );
  });
});
