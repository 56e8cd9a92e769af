// Slack has no idempotency key: a delivery cut off mid-send by a crash is looked for in the member's DM when the app
// may read it (im:history), else sent again flagged as a possible duplicate — and never dropped, however often it
// was cut off. Refusals that retrying cannot fix fail at once with the reason.

import { afterEach, beforeEach, expect, it } from 'vitest';
import { createOutbound } from '../../src/adapters/slack/send.ts';
import { reply, text } from '../../src/core/model/reply.ts';
import { createLog } from '../../src/log.ts';
import { createSender } from '../../src/schedule/sender.ts';
import { type FakeSlack, startFakeSlack } from '../fakes/slack-api.ts';
import { createTestApp, type TestApp } from '../helpers.ts';
import { onSqlite } from '../store/open-test-database.ts';

let app: TestApp;
let fake: FakeSlack;
const outcomes: string[] = [];
const NINE = Date.parse('2026-11-26T09:00:00Z');
beforeEach(async () => {
  app = await createTestApp({ now: '2026-11-26T08:00:00Z' });
  outcomes.length = 0;
});
afterEach(async () => {
  expect(fake.violations).toEqual([]);
  await fake.close();
  await app.close();
});

function sender() {
  const outbound = createOutbound({ apiUrl: fake.url, tokenFor: () => 'xoxb-test-token' });
  return createSender({
    store: app.store,
    clock: app.clock,
    log: createLog('silent'),
    adapters: [{ platform: 'slack', outbound: { ...outbound, limits: { ...outbound.limits, perTargetMs: 0 } } }],
    outbound: app.core.outbound,
    count: (_p, o) => void outcomes.push(o),
  });
}
const slackUser = (id: string) => ({ platform: 'slack', workspace: 'T1', id, timeZone: 'UTC' });
const row = async (member: number) => (await app.q.deliveries.byKey(`${member}:2026-11-26`))!;

/** Four members' nudges are due. A process claimed two and started U2's request, then died; the next took U1's and
 *  U2's back, claimed three, started U1's and U2's requests, and died too. U3's only waited for its turn. */
async function crashedTwiceMidFanOut() {
  for (const u of ['U1', 'U2', 'U3', 'U4']) await app.say('remind 09:00', slackUser(u));
  app.clock.set(new Date(NINE));
  await app.core.outbound.queueDue(NINE);
  const run = async (owner: string, claims: number, start: number[], at: number) => {
    await app.q.outboxOwners.beat(owner, Date.now() - 60_000); // its heartbeat: a minute old, so it is dead
    const claimed = await app.q.deliveries.claim({
      platform: 'slack',
      workspace: 'T1',
      owner,
      now: NINE,
      limit: claims,
    });
    for (const d of claimed)
      if (start.includes(d.scheduleId!)) expect(await app.q.deliveries.sending(d.id, owner, at)).toBe(true);
  };
  await run('first', 2, [2], NINE + 1000);
  await app.q.outboxOwners.recoverDead('second', Date.now() - 15_000);
  await run('second', 3, [1, 2], NINE + 20_000);
  app.clock.set(new Date(NINE + 30_000));
}

it(
  'without im:history, resends what was cut off ' + 'mid-request flagged, however often, and the rest plainly',
  async () => {
    fake = await startFakeSlack(); // the manifest's scopes: no im:history
    await crashedTwiceMidFanOut();
    await sender().drain();
    expect(
      fake
        .callsTo('chat.postMessage')
        .map((c) => c.params.channel)
        .sort(),
    ).toEqual(['DU1', 'DU2', 'DU3', 'DU4']);
    expect(
      fake
        .callsTo('conversations.history')
        .map((c) => c.params.channel)
        .sort(),
    ).toEqual(['DU1', 'DU2']); // it asked
    expect(await row(1)).toMatchObject({ status: 'sent', possibleDuplicate: true, interruptedAt: NINE + 20_000 });
    // the first cut-off counts
    expect(await row(2)).toMatchObject({ status: 'sent', possibleDuplicate: true, interruptedAt: NINE + 1000 });
    expect(await row(3)).toMatchObject({ status: 'sent', possibleDuplicate: false, interruptedAt: null }); // it only waited
    expect(await row(4)).toMatchObject({ status: 'sent', possibleDuplicate: false, interruptedAt: null });
    expect(outcomes.sort()).toEqual(['possible_duplicate', 'possible_duplicate', 'sent', 'sent', 'sent', 'sent']);
  },
);

it('with im:history, records what arrived without sending it again, and resends what did not, unflagged', async () => {
  fake = await startFakeSlack({ scopes: ['chat:write', 'im:write', 'im:history'] });
  await crashedTwiceMidFanOut();
  // U1's cut-off request had reached Slack (its nonce rides in the message metadata); U2's had not.
  await createOutbound({ apiUrl: fake.url, tokenFor: () => 'xoxb-test-token' }).send(
    { kind: 'user', workspaceId: 'T1', id: 'DU1' },
    reply({ blocks: [text('Time to study')] }),
    { nonce: (await row(1)).nonce as string },
  );
  await sender().drain();
  expect(
    fake
      .callsTo('chat.postMessage')
      .map((c) => c.params.channel)
      .sort(),
  ).toEqual(['DU1', 'DU2', 'DU3', 'DU4']); // DU1: the first run's
  expect(await row(1)).toMatchObject({ status: 'sent', possibleDuplicate: false, attempts: 1 }); // no second request
  expect(await row(2)).toMatchObject({ status: 'sent', possibleDuplicate: false });
  expect(outcomes.sort()).toEqual(['found_after_crash', 'sent', 'sent', 'sent', 'sent']);
});

it('reports, rather than resends, a delivery cut off mid-request that is now over two hours late', async () => {
  fake = await startFakeSlack();
  await crashedTwiceMidFanOut();
  app.clock.set(new Date(NINE + 2 * 60 * 60_000 + 1));
  await sender().drain();
  expect(await row(1)).toMatchObject({
    status: 'skipped',
    lastError: expect.stringMatching(/^missed: cut off mid-send by a crash and now over 2 hours late/),
  });
  expect(
    fake
      .callsTo('chat.postMessage')
      .map((c) => c.params.channel)
      .sort(),
  ).toEqual(['DU3', 'DU4']); // late, but never started
});

it('fails a DM Slack will never take, with the reason, and retries a transient error later', async () => {
  fake = await startFakeSlack();
  await app.say('remind 09:00', slackUser('U1'));
  await app.say('remind 09:00', slackUser('U2'));
  app.clock.set(new Date(NINE));
  await app.core.outbound.queueDue(NINE);
  let calls = 0;
  fake.answer('chat.postMessage', (c) => {
    calls++;
    if (c.params.channel === 'DU1') return { ok: false, error: 'user_not_found' };
    return calls <= 2 ? { ok: false, error: 'internal_error' } : { channel: c.params.channel, ts: '1.2' };
  });
  const s = sender();
  await s.drain();
  expect(await app.q.deliveries.byKey('1:2026-11-26')).toMatchObject({
    status: 'failed',
    lastError: 'the member is no longer in the workspace',
  });
  expect(await app.q.deliveries.byKey('2:2026-11-26')).toMatchObject({ status: 'pending', attempts: 1 });
  app.clock.advance(30_000); // the first backoff step
  await s.drain();
  expect(await app.q.deliveries.byKey('2:2026-11-26')).toMatchObject({
    status: 'sent',
    attempts: 2,
    possibleDuplicate: false,
  });
  expect(outcomes.sort()).toEqual(['failed_user_not_found', 'retried', 'sent']);
});

it('loses and doubles nothing through Slack 429s and an outage, and waits out each Retry-After', async () => {
  fake = await startFakeSlack();
  for (let i = 1; i <= 12; i++) await app.say('remind 09:00', slackUser(`U${i}`));
  app.clock.set(new Date(NINE));
  await app.core.outbound.queueDue(NINE);
  // Rate limited: try again in 2 s. Each is waited out before the workspace's next request (one at a time there).
  fake.failNext('chat.postMessage', 429, 4, 2);
  fake.failNext('chat.postMessage', 503, 3); // then an outage
  fake.failNext('conversations.open', 500, 2);
  const s = sender();
  await s.drain();
  const limited = (await app.sql.get(
    "select count(*) n from deliveries where status = 'pending' and last_error = 'rate limited'",
  )) as { n: number };
  expect(limited.n).toBeGreaterThan(0);
  const waiting = (await app.sql.get(
    "select min(next_attempt_at) at from deliveries where last_error = 'rate limited'",
  )) as { at: number };
  expect(waiting.at).toBeGreaterThanOrEqual(NINE + 2_000); // not before Slack said
  for (let i = 0; i < 20 && (await app.q.deliveries.depth()) > 0; i++) {
    app.clock.advance(10 * 60_000);
    await s.drain();
  }
  const posts = fake.callsTo('chat.postMessage');
  expect(posts.filter((c) => c.failedWith).map((c) => c.failedWith)).toEqual([429, 429, 429, 429, 503, 503, 503]);
  const accepted = posts
    .filter((c) => !c.failedWith)
    .map((c) => c.params.channel)
    .sort();
  expect(accepted).toEqual(Array.from({ length: 12 }, (_, i) => `DU${i + 1}`).sort()); // each member once
  expect(fake.callsTo('conversations.open').filter((c) => c.failedWith === 500)).toHaveLength(2);
  expect(await app.sql.all('select status, count(*) n from deliveries group by status')).toEqual([
    { status: 'sent', n: 12 },
  ]);
  expect(outcomes.filter((o) => o === 'sent')).toHaveLength(12);
  expect(outcomes.filter((o) => o === 'retried').length).toBeGreaterThanOrEqual(4 + 3 + 2);
  expect(fake.violations).toEqual([]);
});

// SQLite only: it reads SQLite's own connection (see onSqlite).
it.skipIf(!onSqlite())(
  'has one request at a time in flight per workspace, and holds no claim on a row that only waits',
  async () => {
    fake = await startFakeSlack({ delayMs: () => 10 });
    for (let i = 1; i <= 8; i++) await app.say('remind 09:00', slackUser(`U${i}`));
    app.clock.set(new Date(NINE));
    await app.core.outbound.queueDue(NINE);
    const owned = app.sqlite.prepare('select count(*) from deliveries where owner is not null').pluck();
    const held: number[] = [];
    fake.answer('chat.postMessage', (c) => {
      held.push(owned.get() as number);
      return { channel: c.params.channel, ts: '1.2' };
    });
    await sender().drain();
    expect(held).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(await app.q.deliveries.counts()).toEqual({ sent: 8 });
  },
);
