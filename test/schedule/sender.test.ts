// The sender against the fake Discord REST: what a nudge looks like, nonces, 429 storms and 5xx (nothing lost or
// doubled), permanent failures that pause a member's nudges after three in a row, and a stop mid fan-out.

import { afterEach, beforeEach, expect, it } from 'vitest';
import { onSqlite } from '../store/open-test-database.ts';
import { startScheduling, userId } from './setup.ts';

let s: Awaited<ReturnType<typeof startScheduling>>;
beforeEach(async () => {
  s = await startScheduling();
});
afterEach(async () => {
  expect(s.fake.violations).toEqual([]);
  await s.close();
});
const at = (iso: string) => Date.parse(iso);

/** Drains, moving the clock on by the backoff, until nothing is left to send (bounded). */
async function settle() {
  for (let i = 0; i < 20 && (await s.app.q.deliveries.depth()) > 0; i++) {
    await s.sender.drain();
    s.app.clock.advance(10 * 60_000);
  }
}

it(
  'sends a nudge by DM with the next topic, streak and ' + 'command buttons, carrying a nonce Discord enforces',
  async () => {
    // the roadmap opens with a pick-one section: before a track, the nudge offers them
    await s.remind(1, 'track nodejs');
    await s.remind(1);
    s.app.clock.set('2026-11-26T09:00:00Z');
    await s.app.core.outbound.queueDue(s.app.clock.now().getTime());
    expect(await s.sender.drain()).toBe(1);
    const post = s.fake.requests.find((r) => r.path === `/channels/9${userId(1)}/messages`)!;
    expect(post.body.enforce_nonce).toBe(true);
    expect(post.body.nonce).toMatch(/^[0-9a-f]{24}$/); // Discord allows up to 25 characters
    expect(post.body.embeds[0].title).toMatch(/^Time to study: /);
    expect(JSON.stringify(post.body.embeds[0])).toContain('Streak');
    const ids = post.body.components.flatMap((row: { components: { custom_id: string }[] }) =>
      row.components.map((c) => c.custom_id),
    );
    expect(ids).toHaveLength(4);
    expect(ids[0]).toMatch(/^1200000000000000001:done /);
    expect(ids[1]).toMatch(/:start /);
    expect(ids[2]).toMatch(/:skip /);
    expect(ids[3]).toBe('1200000000000000001:snooze 1d');
    expect(await s.statuses()).toEqual({ sent: 1 });
    expect(s.outcomes).toEqual(['sent']);
    expect(await s.app.q.deliveries.depth()).toBe(0);
  },
);

it('loses and doubles nothing through a 429 storm and a run of 5xx answers', async () => {
  for (let i = 1; i <= 30; i++) await s.remind(i);
  s.app.clock.set('2026-11-26T09:00:00Z');
  for (let i = 0; i < 15; i++) s.fake.rateLimitNext(/^POST \/channels\/\d+\/messages$/, 0.05);
  for (let i = 0; i < 20; i++) s.fake.failNext(/^POST \/channels\/\d+\/messages$/, 502, 0, 'Bad Gateway');
  for (let i = 0; i < 5; i++) s.fake.failNext(/^POST \/users\/@me\/channels$/, 500, 0, 'Internal Server Error');
  await s.app.core.outbound.queueDue(s.app.clock.now().getTime());
  await settle();
  const delivered = s.delivered();
  expect(delivered.size).toBe(30);
  expect([...delivered.values()].every((n) => n === 1)).toBe(true);
  expect(await s.statuses()).toEqual({ sent: 30 });
  expect(s.outcomes.filter((o) => o === 'retried').length).toBeGreaterThan(0);
  // Each 429 was waited out for its retry_after before the same request went again.
  const limited = s.fake.requests.filter((r) => r.status === 429);
  expect(limited).toHaveLength(15);
});

it('marks closed DMs failed with the reason, and pauses the nudge after three in a row', async () => {
  await s.remind(7);
  for (const [i, day] of ['2026-11-26', '2026-11-27', '2026-11-28'].entries()) {
    s.fake.failNext(/^POST \/channels\/\d+\/messages$/, 403, 50007, 'Cannot send messages to this user');
    s.app.clock.set(`${day}T09:00:00Z`);
    await s.app.core.outbound.queueDue(at(`${day}T09:00:00Z`));
    await s.sender.drain();
    expect((await s.app.q.schedules.byId(1))!.consecutiveFailures).toBe(i + 1);
  }
  expect(await s.statuses()).toEqual({ failed: 3 });
  expect(await s.app.q.deliveries.byKey('1:2026-11-26')).toMatchObject({
    lastError: 'the member does not accept direct messages from this bot',
  });
  expect(s.outcomes).toEqual(['failed_discord_50007', 'failed_discord_50007', 'failed_discord_50007']);
  expect((await s.app.q.schedules.byId(1))!.nextDueAt).toBeNull();
  await s.app.core.outbound.queueDue(at('2026-11-29T09:00:00Z'));
  expect(await s.app.q.deliveries.depth()).toBe(0); // paused: nothing more is queued
  const next = await s.app.say('next', {
    platform: 'discord',
    workspace: '1200000000000000001',
    id: userId(7),
    displayName: 'm7',
  });
  expect(JSON.stringify(next.blocks)).toContain('Your daily nudges are paused');
});

it('does not send a nudge turned off after it was queued', async () => {
  await s.remind(3);
  s.app.clock.set('2026-11-26T09:00:00Z');
  await s.app.core.outbound.queueDue(at('2026-11-26T09:00:00Z'));
  await s.remind(3, 'remind off');
  await s.sender.drain();
  expect(await s.statuses()).toEqual({ skipped: 1 });
  expect(s.delivered().size).toBe(0);
});

it(
  'resends a delivery cut off mid-request with its nonce, ' + 'flagged only once it is older than Discord deduplicates',
  async () => {
    for (let i = 1; i <= 2; i++) await s.remind(i);
    s.app.clock.set('2026-11-26T09:00:00Z');
    await s.app.core.outbound.queueDue(s.app.clock.now().getTime());
    // A process that then died had started both requests: at 09:00:00 and at 09:00:30.
    await s.app.q.outboxOwners.beat('dead', Date.now() - 60_000);
    const claimed = await s.app.q.deliveries.claim({
      platform: 'discord',
      owner: 'dead',
      now: at('2026-11-26T09:00:00Z'),
      limit: 2,
    });
    for (const [i, d] of claimed.entries())
      await s.app.q.deliveries.sending(d.id, 'dead', at('2026-11-26T09:00:00Z') + i * 30_000);
    s.app.clock.set('2026-11-26T09:01:05Z');
    await s.sender.drain();
    const sentNonces = s.fake.requests.filter((r) => r.path.endsWith('/messages')).map((r) => r.body.nonce);
    expect(sentNonces.sort()).toEqual(claimed.map((d) => d.nonce).sort()); // the same nonces again
    // 65 s on
    expect(await s.app.q.deliveries.byKey('1:2026-11-26')).toMatchObject({ status: 'sent', possibleDuplicate: true });
    // 35 s on
    expect(await s.app.q.deliveries.byKey('2:2026-11-26')).toMatchObject({ status: 'sent', possibleDuplicate: false });
    expect(s.outcomes.filter((o) => o === 'possible_duplicate')).toHaveLength(1);
  },
);

// SQLite only: it reads SQLite's own connection (see onSqlite).
it.skipIf(!onSqlite())(
  'claims a row only when it can be sent: never more than the requests allowed in flight',
  async () => {
    for (let i = 1; i <= 30; i++) await s.remind(i);
    s.app.clock.set('2026-11-26T09:00:00Z');
    await s.app.core.outbound.queueDue(s.app.clock.now().getTime());
    const held: number[] = [];
    const owned = s.app.sqlite.prepare('select count(*) from deliveries where owner is not null').pluck();
    s.fake.onRequest((r) => {
      if (r.path.endsWith('/messages')) held.push(owned.get() as number);
    });
    await s.sender.drain(); // this sender allows 20 in flight
    expect(held).toHaveLength(30);
    expect(Math.max(...held)).toBeLessThanOrEqual(20);
    expect(await s.statuses()).toEqual({ sent: 30 });
  },
);
