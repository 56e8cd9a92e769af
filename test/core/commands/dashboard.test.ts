// `dashboard`: a private one-time link, kept only as a hash, over a real database; refused plainly (and nothing
// stored) when the operator has not said where the bot is reached.
import { afterEach, describe, expect, it } from 'vitest';
import type { DashboardBase } from '../../../src/core/commands/dashboard.ts';
import { hashCode } from '../../../src/store/queries/links.ts';
import { createTestApp, rowCounts, type TestApp, textOf } from '../../helpers.ts';

let app: TestApp;
afterEach(() => app.close());

const BASES: DashboardBase = (platform) =>
  platform === 'terminal' ? { url: 'http://127.0.0.1:4123' } : { url: 'https://coach.example.com' };
const SLACK = { id: 'U1', platform: 'slack', workspace: 'T1', displayName: 'Ada L' };
type LinkRow = {
  token_hash: string;
  workspace_id: number;
  member_id: number;
  is_admin: boolean;
  created_at: number;
  expires_at: number;
  used_at: number | null;
};
// SQLite keeps the flag as 0/1, PostgreSQL as a boolean: the same truth either way (anything else stays as it is, and
// fails the comparison).
const flag = (v: unknown) => (v === 1 ? true : v === 0 ? false : v);
const links = async () =>
  (await app.sql.all<LinkRow>('select * from dashboard_links order by created_at, member_id')).map((row) => ({
    ...row,
    is_admin: flag(row.is_admin) as boolean,
  }));
const urlIn = (reply: Awaited<ReturnType<TestApp['say']>>) =>
  reply.blocks.flatMap((b) => (b.type === 'text' ? b.spans : [])).find((s) => typeof s === 'object' && 'url' in s) as
    | { link: string; url: string }
    | undefined;

describe('dashboard', () => {
  it('replies privately with a one-time link under PUBLIC_URL, valid 10 minutes, its token stored only hashed', async () => {
    app = await createTestApp({ dashboardBase: BASES });
    const reply = await app.say('dashboard', { ...SLACK, isAdmin: false });
    expect(reply.visibility).toBe('private');
    const link = urlIn(reply)!;
    expect(link.url).toMatch(/^https:\/\/coach\.example\.com\/dashboard\/login\?token=[A-Za-z0-9_-]{43}$/);
    const token = new URL(link.url).searchParams.get('token')!;
    const [row, ...more] = await links();
    expect(more).toEqual([]);
    expect(row!.token_hash).toBe(hashCode(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row!.expires_at - row!.created_at).toBe(10 * 60_000);
    expect(row!.is_admin).toBe(false);
    expect(row!.used_at).toBeNull();
    expect(textOf(reply)).toContain('works once, within 10 minutes');
  });

  it('asked in a channel, the link still goes to the asker alone, and nothing else is in the reply', async () => {
    app = await createTestApp({ dashboardBase: BASES });
    const reply = await app.core.handle({
      platform: 'slack',
      workspace: { id: 'T1' },
      user: { id: 'U1', displayName: 'Ada L' },
      place: { channelId: 'C1', direct: false },
      text: 'dashboard',
    });
    expect(reply.visibility).toBe('private');
    expect(reply.files).toBeUndefined();
    expect(reply.buttons).toEqual([]);
    const urls = reply.blocks.flatMap((b) => (b.type === 'text' ? b.spans : [])).filter((s) => typeof s === 'object');
    expect(urls).toHaveLength(1);
    expect(app.errors).toEqual([]);
  });

  it('in the terminal, links to this machine and the port the bot listens on; the terminal user is an admin', async () => {
    app = await createTestApp({ dashboardBase: BASES });
    const reply = await app.say('dashboard', { isAdmin: true });
    expect(urlIn(reply)!.url).toMatch(/^http:\/\/127\.0\.0\.1:4123\/dashboard\/login\?token=/);
    expect((await links())[0]!.is_admin).toBe(true);
  });

  it('a new link replaces the member’s unused one; each member’s link names their own workspace and member', async () => {
    app = await createTestApp({ dashboardBase: BASES });
    await app.say('dashboard', SLACK);
    const second = urlIn(await app.say('dashboard', SLACK))!;
    await app.say('dashboard', { ...SLACK, id: 'U2', workspace: 'T2' });
    const rows = await links();
    expect(rows).toHaveLength(2);
    expect(rows[0]!.token_hash).toBe(hashCode(new URL(second.url).searchParams.get('token')!));
    expect(rows[0]!.workspace_id).not.toBe(rows[1]!.workspace_id);
    expect(rows[0]!.member_id).not.toBe(rows[1]!.member_id);
  });

  it('without PUBLIC_URL, says the operator must set it, and stores nothing', async () => {
    app = await createTestApp({
      dashboardBase: (p) => (p === 'terminal' ? { url: 'http://127.0.0.1:1' } : { unset: 'PUBLIC_URL' }),
    });
    await app.say('help', SLACK); // the workspace and member exist before
    const before = await rowCounts(app);
    const reply = await app.say('dashboard', SLACK);
    expect(textOf(reply)).toContain('must set PUBLIC_URL');
    expect(urlIn(reply)).toBeUndefined();
    expect(await rowCounts(app)).toEqual(before);
  });

  it('in a terminal with no HTTP server, says to set PORT; with no base at all (tools, tests), PUBLIC_URL', async () => {
    app = await createTestApp({ dashboardBase: () => ({ unset: 'PORT' }) });
    expect(textOf(await app.say('dashboard'))).toContain('must set PORT');
    await app.close();
    app = await createTestApp();
    expect(textOf(await app.say('dashboard'))).toContain('must set PUBLIC_URL');
    expect(await links()).toEqual([]);
  });
});
