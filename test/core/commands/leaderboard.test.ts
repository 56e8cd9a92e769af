// `leaderboard`: points by period in the workspace's zone, active days breaking ties, shared ranks, privacy.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Span } from '../../../src/core/model/reply.ts';
import { createTestApp, type TestApp, textOf } from '../../helpers.ts';

let app: TestApp;
beforeEach(async () => (app = await createTestApp({ now: '2026-11-23T08:00:00Z' })));
afterEach(() => app.close());

const as = (name: string, workspace = 'local') => ({ id: name.toLowerCase(), displayName: name, workspace });
/** Runs a command as `name` at an instant. */
async function at(iso: string, name: string, text: string) {
  app.clock.set(iso);
  return app.say(text, as(name));
}
const board = async (text = 'leaderboard', name = 'Ada') => textOf(await app.say(text, as(name)));
/** Changes the workspace's settings directly (the admins' `settings` command is another issue's). */
async function workspace(settings: { timeZone?: string; leaderboardEnabled?: boolean }) {
  await app.say('help', as('Ada')); // the workspace exists from first contact
  await app.q.workspaces.update((await app.q.workspaces.find('terminal', 'local'))!.id, settings);
}
const zone = (timeZone: string) => workspace({ timeZone });

describe('leaderboard', () => {
  it('ranks by points, breaks ties by active days, and shares a rank between equals (1, 2, 2, 4)', async () => {
    await at('2026-11-23T09:00:00Z', 'Ken', 'done express');
    await at('2026-11-24T09:00:00Z', 'Ken', 'done redis');
    for (const name of ['Ada', 'Grace']) {
      await at('2026-11-24T10:00:00Z', name, 'done express');
      await at('2026-11-24T11:00:00Z', name, 'done redis');
    }
    await at('2026-11-25T09:00:00Z', 'Linus', 'done redis');
    app.clock.set('2026-11-26T09:00:00Z');
    const reply = await app.say('leaderboard', as('Grace'));
    expect(reply.heading).toBe('Leaderboard — Week of Mon 23 Nov, UTC');
    const first = reply.blocks[0]!;
    const items = first.type === 'list' ? first.items : [];
    expect(items).toEqual([
      ['1. ', { user: 'Ken', name: true }, ' — 2 points, 2 active days'],
      ['2. ', { user: 'Ada', name: true }, ' — 2 points, 1 active day'],
      ['2. ', { user: 'Grace', name: true }, ' — 2 points, 1 active day'],
      ['4. ', { user: 'Linus', name: true }, ' — 1 point, 1 active day'],
    ]);
    expect(textOf(reply)).toContain('You: 2 points, 1 active day, ranked 2nd.');
  });

  it('counts a topic once however often it is toggled, and reset takes the point back', async () => {
    await at('2026-11-23T09:00:00Z', 'Ada', 'done express');
    await at('2026-11-23T10:00:00Z', 'Ada', 'start express');
    await at('2026-11-23T11:00:00Z', 'Ada', 'done express');
    await at('2026-11-23T12:00:00Z', 'Ada', 'done redis');
    expect(await board()).toContain('1. Ada — 2 points, 1 active day');
    await at('2026-11-24T09:00:00Z', 'Ada', 'reset redis');
    expect(await board()).toContain('1. Ada — 1 point, 2 active days');
    await at('2026-11-24T10:00:00Z', 'Ada', 'reset express');
    expect(await board()).toContain('Nobody has finished a topic in this period yet');
  });

  it('cuts periods at midnight in the workspace zone: 23:30 on Sunday in Berlin is that week', async () => {
    await zone('Europe/Berlin');
    await at('2026-11-29T22:30:00Z', 'Ada', 'done express'); // Sun 29 Nov, 23:30 in Berlin
    app.clock.set('2026-11-29T22:45:00Z');
    const sunday = await board();
    expect(sunday).toContain('Leaderboard — Week of Mon 23 Nov, Europe/Berlin');
    expect(sunday).toContain('1. Ada — 1 point');
    app.clock.set('2026-11-29T23:30:00Z'); // Mon 00:30 in Berlin, still Sunday in UTC: a new week here
    const monday = await board();
    expect(monday).toContain('Week of Mon 30 Nov, Europe/Berlin');
    expect(monday).toContain('Nobody has finished a topic in this period yet');
    expect(await board('leaderboard month')).toContain('1. Ada — 1 point'); // still November in Berlin
    await zone('UTC');
    app.clock.set('2026-11-29T22:45:00Z');
    expect(await board()).toContain('Week of Mon 23 Nov, UTC');
  });

  it('keeps the DST Sunday whole: Berlin days across the October change, and the March one', async () => {
    await zone('Europe/Berlin');
    await at('2026-10-24T22:30:00Z', 'Ada', 'done express'); // Sun 25 Oct 00:30 CEST
    await at('2026-10-25T22:30:00Z', 'Ada', 'done redis'); // Sun 25 Oct 23:30 CET: same day, same week
    await at('2026-10-25T23:30:00Z', 'Grace', 'done redis'); // Mon 26 Oct 00:30 CET: the next week
    app.clock.set('2026-10-25T22:40:00Z');
    const october = await board();
    expect(october).toContain('Week of Mon 19 Oct, Europe/Berlin');
    expect(october).toContain('1. Ada — 2 points, 1 active day');
    expect(october).not.toContain('Grace');
    await at('2026-03-28T23:30:00Z', 'Ada', 'done mysql'); // Sun 29 Mar 00:30 CET
    await at('2026-03-29T21:30:00Z', 'Ada', 'done mongodb'); // Sun 29 Mar 23:30 CEST
    app.clock.set('2026-03-29T21:45:00Z');
    const march = await board();
    expect(march).toContain('Week of Mon 23 Mar, Europe/Berlin');
    expect(march).toContain('1. Ada — 2 points, 1 active day');
  });

  it('shows anonymous members as "a teammate", leaves hidden ones out but tells them their rank', async () => {
    await at('2026-11-23T09:00:00Z', 'Ada', 'done express');
    await at('2026-11-23T09:00:00Z', 'Ada', 'done redis');
    await at('2026-11-23T09:00:00Z', 'Grace', 'done express');
    await at('2026-11-23T09:00:00Z', 'Linus', 'done express');
    await app.say('privacy anonymous', as('Grace'));
    await app.say('privacy hide', as('Ada'));
    const seen = await board('leaderboard', 'Linus');
    expect(seen).not.toContain('Ada');
    expect(seen).not.toContain('Grace');
    expect(seen).toContain('1. a teammate — 1 point');
    expect(seen).toContain('1. Linus — 1 point');
    expect(await board('leaderboard', 'Ada')).toContain(
      'You: 2 points, 1 active day, would rank 1st (you are hidden from boards',
    );
    expect(await board('leaderboard', 'Grace')).toContain('ranked 1st (shown to others as "a teammate")');
  });

  it('is scoped to the workspace the command came from', async () => {
    await at('2026-11-23T09:00:00Z', 'Ada', 'done express');
    app.clock.set('2026-11-23T10:00:00Z');
    await app.say('done redis', as('Bob', 'other'));
    expect(await board()).not.toContain('Bob');
    expect(textOf(await app.say('leaderboard', as('Bob', 'other')))).not.toContain('Ada');
  });

  it('puts names in user spans so a posted board pings nobody', async () => {
    app.clock.set('2026-11-23T09:00:00Z');
    await app.say('done express', { id: 'u1', displayName: '<!channel> @everyone' });
    const reply = await app.say('leaderboard', as('Ada'));
    const spans = reply.blocks.flatMap((b) =>
      b.type === 'list' ? b.items.flat() : b.type === 'text' ? b.spans : [],
    ) as Span[];
    expect(spans).toContainEqual({ user: '<!channel> @everyone', name: true });
    expect(spans.filter((s) => typeof s === 'string').join('')).not.toContain('everyone');
  });

  it('refuses an unknown period and says when the admins turned boards off', async () => {
    expect(await board('leaderboard year')).toContain(
      'Choose `leaderboard week`, `leaderboard lastweek`, `leaderboard month` or `leaderboard all`',
    );
    await workspace({ leaderboardEnabled: false });
    expect(await board()).toContain('admins turned leaderboards off');
  });

  it('counts all time, and tells me when I have no points yet', async () => {
    await at('2026-01-05T09:00:00Z', 'Ada', 'done express');
    await at('2026-11-23T09:00:00Z', 'Ada', 'done redis');
    expect(await board('leaderboard all')).toContain('1. Ada — 2 points, 2 active days');
    expect(await board('leaderboard all', 'Grace')).toContain('You: no points in this period yet');
  });

  it.each(['leaderboard week', 'leaderboard all'])(
    '%s: ranks me below the top ten by points, then by days among my equals',
    async (command) => {
      for (let i = 1; i <= 12; i++) {
        const name = `P${String(i).padStart(2, '0')}`;
        await at('2026-11-23T09:00:00Z', name, 'done express');
        await at(i <= 4 ? '2026-11-24T09:00:00Z' : '2026-11-23T10:00:00Z', name, 'done redis'); // P01–P04: two days
        await at(i <= 4 ? '2026-11-24T10:00:00Z' : '2026-11-23T11:00:00Z', name, 'done mysql');
      }
      await at('2026-11-23T09:00:00Z', 'Quinn', 'done express');
      await at('2026-11-24T09:00:00Z', 'Quinn', 'done redis'); // 2 points over 2 days: ahead of me
      for (const name of ['Ada', 'Rosa']) {
        await at('2026-11-23T09:00:00Z', name, 'done express');
        await at('2026-11-23T10:00:00Z', name, 'done redis'); // 2 points on 1 day: level
      }
      await at('2026-11-23T09:00:00Z', 'Sam', 'done express');
      app.clock.set('2026-11-26T09:00:00Z');
      const reply = await app.say(command, as('Ada'));
      const first = reply.blocks[0]!;
      const lines = (first.type === 'list' ? first.items : []).map((item) =>
        item.map((s) => (typeof s === 'string' ? s : 'user' in s ? s.user : '')).join(''),
      );
      expect(lines.slice(0, 4)).toEqual([
        '1. P01 — 3 points, 2 active days',
        '1. P02 — 3 points, 2 active days',
        '1. P03 — 3 points, 2 active days',
        '1. P04 — 3 points, 2 active days',
      ]);
      expect(lines.slice(4)).toEqual(
        ['P05', 'P06', 'P07', 'P08', 'P09', 'P10', 'P11', 'P12'].map((n) => `5. ${n} — 3 points, 1 active day`),
      );
      const text = textOf(reply);
      expect(text).toContain('…and 4 more teammates with points.');
      // 12 with more points, and Quinn with more days
      expect(text).toContain('You: 2 points, 1 active day, ranked 14th.');
      expect(textOf(await app.say(command, as('Rosa')))).toContain('ranked 14th');
      expect(textOf(await app.say(command, as('Quinn')))).toContain('You: 2 points, 2 active days, ranked 13th.');
      expect(textOf(await app.say(command, as('Sam')))).toContain('You: 1 point, 1 active day, ranked 16th.');
    },
  );
});
