// `link`: joining accounts across platforms over a real SQLite file: codes, merging, brute-force limits.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plain } from '../../../src/core/model/reply.ts';
import { hashCode } from '../../../src/store/queries/links.ts';
import { createTestApp, type TestApp, textOf } from '../../helpers.ts';

let app: TestApp;
beforeEach(async () => (app = await createTestApp()));
afterEach(() => app.close());

const TERMINAL = { id: 'ada', platform: 'terminal', workspace: 'local' };
const DISCORD = { id: '1400000000000000001', platform: 'discord', workspace: 'guild-1', displayName: 'Ada L' };
const say = async (text: string, who: object) => textOf(await app.say(text, who));

async function codeFor(who: object): Promise<string> {
  const reply = await app.say('link', who);
  const line = reply.blocks
    .flatMap((b) => (b.type === 'text' ? [plain(b.spans)] : []))
    .find((t) => t.startsWith('/roadmap link '));
  return line!.slice('/roadmap link '.length);
}
const members = async () => (await app.sql.get('select count(*) n from members')) as { n: number };
const stateOf = async (memberOf: object & { id: string }, path: string) =>
  (
    (await app.sql.get(
      `select p.state from progress p join identities i on i.member_id = p.member_id join topics t on t.id = p.topic_id
      where i.platform_user_id = @user and t.path like @path`,
      { user: memberOf.id, path: `%${path}` },
    )) as { state: string } | undefined
  )?.state;

describe('link', () => {
  it('issues an 8-character code from an unambiguous alphabet, kept only as a hash', async () => {
    const code = await codeFor(TERMINAL);
    expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
    const rows = (await app.sql.all('select * from link_codes')) as {
      code_hash: string;
      expires_at: number;
      created_at: number;
    }[];
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(code);
    expect(rows[0]!.code_hash).toBe(hashCode(code));
    expect(rows[0]!.expires_at - rows[0]!.created_at).toBe(10 * 60_000);
  });

  it('joins two platforms into one member, merging progress to the most advanced state', async () => {
    await app.say('track go', TERMINAL);
    await app.say('done redis', TERMINAL); // done on one side…
    await app.say('start redis', DISCORD); // …learning on the other: done wins
    await app.say('skip mysql', TERMINAL);
    await app.say('done mysql', DISCORD); // skipped vs done: done wins
    await app.say('start gin', DISCORD); // only on the other side: kept
    expect((await members()).n).toBe(2);

    const code = await codeFor(TERMINAL);
    expect(await say(`link ${code.toLowerCase().slice(0, 4)}-${code.slice(4)}`, DISCORD)).toContain('Accounts linked');
    expect((await members()).n).toBe(1);
    for (const who of [TERMINAL, DISCORD]) {
      expect(await stateOf(who, '/redis')).toBe('done');
      expect(await stateOf(who, '/mysql')).toBe('done');
      expect(await stateOf(who, '/gin')).toBe('learning');
      expect(await say('track', who)).toContain('you follow Go'); // the issuer's choice
    }
    const events = await app.sql.get('select count(distinct member_id) m, count(*) n from progress_events');
    expect(events).toEqual({ m: 1, n: 5 }); // every event kept, all on the one member
    expect(await say('progress', DISCORD)).toContain('Overall: 2 of');
  });

  it('refuses a reused or expired code without saying whether it existed', async () => {
    const code = await codeFor(TERMINAL);
    await app.say(`link ${code}`, DISCORD);
    const other = { ...DISCORD, id: '1400000000000000002' };
    const reused = await say(`link ${code}`, other);
    const late = await codeFor({ ...TERMINAL, id: 'bob' });
    app.clock.advance(10 * 60_000 + 1);
    const expired = await say(`link ${late}`, other);
    const never = await say('link ZZZZZZZZ', other);
    expect(reused).toContain('That code is wrong or has expired.');
    expect(expired.split('.')[0]).toBe(reused.split('.')[0]);
    expect(never.split('.')[0]).toBe(reused.split('.')[0]);
  });

  it('stops guessing after 5 failed attempts per hour, even with a right code', async () => {
    for (let i = 0; i < 5; i++) expect(await say(`link WRONG${i}AA`, DISCORD)).toContain('wrong or has expired');
    const code = await codeFor(TERMINAL);
    expect(await say(`link ${code}`, DISCORD)).toContain('Too many wrong codes');
    expect((await members()).n).toBe(2);
    app.clock.advance(60 * 60_000 + 1);
    expect(await say(`link ${await codeFor(TERMINAL)}`, DISCORD)).toContain('Accounts linked');
  });

  it('a linked member appears on the board of each workspace they belong to, with their whole progress', async () => {
    await app.say('done redis', TERMINAL);
    await app.say('done mysql', DISCORD);
    await app.say('done gin', { id: 'grace', platform: 'discord', workspace: 'guild-1', displayName: 'Grace' });
    await app.say(`link ${await codeFor(TERMINAL)}`, DISCORD);
    for (const who of [TERMINAL, DISCORD]) {
      const board = await say('leaderboard', who);
      expect(board).toMatch(/1\. Ada(?: L)? — 2 points/);
    }
    expect(await say('leaderboard', TERMINAL)).not.toContain('Grace'); // another workspace's member stays there
    expect(await say('leaderboard', DISCORD)).toContain('Grace — 1 point');
  });

  it("keeps the issuer's reminder when both had one, and moves the other's when only it had one", async () => {
    const schedules = async () =>
      await app.sql.all(`select s.local_time, i.platform_user_id who from schedules s
      join identities i on i.id = s.identity_id order by s.id`);
    await app.say('remind 08:00 Europe/Berlin daily', TERMINAL);
    await app.say('remind 19:30 Asia/Tokyo mon-fri', DISCORD);
    await app.say(`link ${await codeFor(TERMINAL)}`, DISCORD);
    expect(await schedules()).toEqual([{ local_time: '08:00', who: 'ada' }]);

    const bob = { id: 'bob', platform: 'terminal', workspace: 'local' };
    const bobOnDiscord = { ...DISCORD, id: '1400000000000000009' };
    await app.say('remind 07:15 UTC daily', bobOnDiscord);
    await app.say(`link ${await codeFor(bob)}`, bobOnDiscord);
    expect(await schedules()).toEqual([
      { local_time: '08:00', who: 'ada' },
      { local_time: '07:15', who: bobOnDiscord.id },
    ]);
    expect(await say('remind', bob)).toContain('07:15');
    // the reminder DMs this account: it goes along
    expect(await say('unlink', bobOnDiscord)).toContain('Account unlinked');
    expect(await say('remind', bobOnDiscord)).toContain('07:15');
    expect(await say('remind', bob)).not.toContain('07:15');
  });
});
