// `leaderboard post` and `team post`: a board shown to the whole channel, with the digest's privacy, by admins (or
// every member where allowed), at most once per ten minutes per channel, the spacing kept in the database.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.ts';
import { createCore } from '../../../src/core/index.ts';
import type { Invocation } from '../../../src/core/model/invocation.ts';
import { createLog } from '../../../src/log.ts';
import { createStore } from '../../../src/store/index.ts';
import { createTestApp, type TestApp, textOf } from '../../helpers.ts';

let app: TestApp;
beforeEach(async () => (app = await createTestApp()));
afterEach(() => app.close());

const CHANNEL = { channelId: 'C1', direct: false };
function inChannel(
  text: string,
  who: string,
  opts: { isAdmin?: boolean; place?: Invocation['place']; core?: typeof app.core } = {},
) {
  return (opts.core ?? app.core).handle({
    platform: 'slack',
    workspace: { id: 'T1' },
    user: { id: who.toLowerCase(), displayName: who, isAdmin: opts.isAdmin ?? false },
    place: opts.place ?? CHANNEL,
    text,
  });
}

async function seed() {
  for (const [who, privacy] of [
    ['Ada', 'show'],
    ['Grace', 'anonymous'],
    ['Linus', 'hide'],
  ] as const) {
    await inChannel('done redis', who);
    await inChannel(`privacy ${privacy}`, who);
  }
}

describe('posting a board in a channel', () => {
  it("an admin posts this week's board for everyone, with the digest's privacy", async () => {
    await seed();
    // hidden himself: still left out
    const posted = await inChannel('leaderboard week post', 'Linus', { isAdmin: true });
    expect(posted.visibility).toBe('channel');
    expect(posted.buttons).toEqual([]);
    const text = textOf(posted);
    expect(text).toContain('Ada');
    expect(text).toContain('a teammate');
    expect(text).not.toContain('Linus');
    expect(text).not.toMatch(/^You/m);
    expect(text).not.toContain('hidden');

    const team = await inChannel('team post', 'Ada', { isAdmin: true, place: { channelId: 'C2', direct: false } });
    expect(team.visibility).toBe('channel');
    expect(textOf(team)).not.toContain('Linus');
    expect(textOf(team)).not.toMatch(/^You/m);
    expect(team.buttons).toEqual([]);
  });

  it('is for admins unless the workspace lets every member post', async () => {
    await seed();
    const refused = await inChannel('leaderboard post', 'Ada');
    expect(refused.visibility).toBe('private');
    expect(textOf(refused)).toContain('settings posts everyone');
    expect(textOf(await inChannel('settings posts everyone', 'Boss', { isAdmin: true }))).toContain(
      'Who may post boards in a channel: every member',
    );
    expect((await inChannel('leaderboard post', 'Ada')).visibility).toBe('channel');
  });

  it('goes at most once per ten minutes per channel, counted in the database, not in memory', async () => {
    await seed();
    expect((await inChannel('leaderboard post', 'Ada', { isAdmin: true })).visibility).toBe('channel');
    app.clock.advance(9 * 60_000);
    // A second process on the same database: the spacing holds across processes, replicas and restarts.
    const db = await app.database.replica();
    const other = createCore({
      store: createStore(db),
      clock: fixedClock(app.clock.now()),
      log: createLog('silent'),
      defaultRoadmap: 'backend',
    });
    const early = await inChannel('team post', 'Ada', { isAdmin: true, core: other });
    expect(early.visibility).toBe('private');
    expect(textOf(early)).toContain('the next one can go in 1 minute');
    expect(
      (await inChannel('team post', 'Ada', { isAdmin: true, place: { channelId: 'C2', direct: false } })).visibility,
    ).toBe('channel'); // another channel
    await db.close();
    app.clock.advance(60_000);
    expect((await inChannel('team post', 'Ada', { isAdmin: true })).visibility).toBe('channel');
  });

  it(
    'is refused, with a hint, in the terminal and in ' + 'direct messages; with boards off, the leaderboard is',
    async () => {
      expect(textOf(await app.say('leaderboard post'))).toContain('The terminal has no channel to post in');
      expect(textOf(await inChannel('team post', 'Ada', { isAdmin: true, place: { direct: true } }))).toContain(
        'Direct messages have no channel',
      );
      await inChannel('settings leaderboard off', 'Ada', { isAdmin: true });
      const off = await inChannel('leaderboard post', 'Ada', { isAdmin: true });
      expect(off.visibility).toBe('private');
      expect(textOf(off)).toContain('Leaderboards are off');
      expect(await app.sql.get('select count(*) n from channel_posts')).toEqual({ n: 0 });
    },
  );
});
