// Slack has no idempotency key: a delivery found mid-send after a crash goes again once, flagged as a possible
// duplicate, and never a third time. Refusals that retrying cannot fix fail at once with the reason.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createOutbound } from '../../src/adapters/slack/send.ts';
import { createLog } from '../../src/log.ts';
import { createComposer } from '../../src/schedule/compose.ts';
import { createSender } from '../../src/schedule/sender.ts';
import { tick } from '../../src/schedule/tick.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-api.ts';
import { createTestApp, type TestApp } from '../helpers.ts';

let app: TestApp;
let fake: FakeSlack;
const outcomes: string[] = [];
const NINE = Date.parse('2026-11-26T09:00:00Z');
beforeEach(async () => {
  app = createTestApp({ now: '2026-11-26T08:00:00Z' });
  fake = await startFakeSlack();
  outcomes.length = 0;
});
afterEach(async () => { await fake.close(); app.close(); });

function sender(leaseMs = 60_000) {
  const { send } = createOutbound({ apiUrl: fake.url, tokenFor: () => 'xoxb-test-token' });
  return createSender({
    store: app.store, clock: app.clock, log: createLog('silent'), leaseMs, adapters: [{ platform: 'slack', send }],
    compose: createComposer({ store: app.store, commands: app.core.commands }), count: (_p, o) => void outcomes.push(o),
    limits: { slack: { perTargetMs: 0 } },
  });
}
const slackUser = (id: string) => ({ platform: 'slack', workspace: 'T1', id, timeZone: 'UTC' });

it('resends an interrupted Slack delivery once as a possible duplicate, and not after a second interruption', async () => {
  await app.say('remind 09:00', slackUser('U1'));
  await app.say('remind 09:00', slackUser('U2'));
  app.clock.set(new Date(NINE));
  await tick({ store: app.store }, NINE);
  // A process claims both and dies before sending: the rows stay 'sending' until their lease runs out.
  expect(app.store.deliveries.claim(['slack'], NINE, 60_000, 10)).toHaveLength(2);
  app.db.$client.prepare("update deliveries set possible_duplicate = 1 where key = '2:2026-11-26'").run(); // U2's was already resent once
  app.clock.set(new Date(NINE + 61_000));
  await sender().drain();
  expect(fake.callsTo('chat.postMessage').map((c) => c.params.channel)).toEqual(['DU1']);
  expect(app.store.deliveries.byKey('1:2026-11-26')).toMatchObject({ status: 'sent', possible_duplicate: 1 });
  expect(app.store.deliveries.byKey('2:2026-11-26')).toMatchObject({ status: 'failed' });
  expect(outcomes.sort()).toEqual(['failed_interrupted', 'possible_duplicate', 'sent']);
});

it('fails a DM Slack will never take, with the reason, and retries a transient error later', async () => {
  await app.say('remind 09:00', slackUser('U1'));
  await app.say('remind 09:00', slackUser('U2'));
  app.clock.set(new Date(NINE));
  await tick({ store: app.store }, NINE);
  let calls = 0;
  fake.answer('chat.postMessage', (c) => {
    calls++;
    if (c.params.channel === 'DU1') return { ok: false, error: 'user_not_found' };
    return calls <= 2 ? { ok: false, error: 'internal_error' } : { channel: c.params.channel, ts: '1.2' };
  });
  const s = sender();
  await s.drain();
  expect(app.store.deliveries.byKey('1:2026-11-26')).toMatchObject({ status: 'failed', last_error: 'the member is no longer in the workspace' });
  expect(app.store.deliveries.byKey('2:2026-11-26')).toMatchObject({ status: 'pending', attempts: 1 });
  app.clock.advance(30_000); // the first backoff step
  await s.drain();
  expect(app.store.deliveries.byKey('2:2026-11-26')).toMatchObject({ status: 'sent', attempts: 2, possible_duplicate: 0 });
  expect(outcomes.sort()).toEqual(['failed_user_not_found', 'retried', 'sent']);
});

it('loses and doubles nothing through Slack 429s and an outage, and waits out each Retry-After', async () => {
  for (let i = 1; i <= 12; i++) await app.say('remind 09:00', slackUser(`U${i}`));
  app.clock.set(new Date(NINE));
  await tick({ store: app.store }, NINE);
  fake.failNext('chat.postMessage', 429, 4, 7); // rate limited: try again in 7 s
  fake.failNext('chat.postMessage', 503, 3); // then an outage
  fake.failNext('conversations.open', 500, 2);
  const s = sender();
  await s.drain();
  const limited = app.db.$client.prepare("select count(*) n from deliveries where status = 'pending' and last_error = 'rate limited'").get() as { n: number };
  expect(limited.n).toBeGreaterThan(0);
  const waiting = app.db.$client.prepare("select min(next_attempt_at) at from deliveries where last_error = 'rate limited'").get() as { at: number };
  expect(waiting.at).toBeGreaterThanOrEqual(NINE + 7_000); // not before Slack said
  for (let i = 0; i < 20 && app.store.deliveries.depth() > 0; i++) {
    app.clock.advance(10 * 60_000);
    await s.drain();
  }
  const posts = fake.callsTo('chat.postMessage');
  expect(posts.filter((c) => c.failedWith).map((c) => c.failedWith)).toEqual([429, 429, 429, 429, 503, 503, 503]);
  const accepted = posts.filter((c) => !c.failedWith).map((c) => c.params.channel).sort();
  expect(accepted).toEqual(Array.from({ length: 12 }, (_, i) => `DU${i + 1}`).sort()); // each member once
  expect(fake.callsTo('conversations.open').filter((c) => c.failedWith === 500)).toHaveLength(2);
  expect(app.db.$client.prepare("select status, count(*) n from deliveries group by status").all()).toEqual([{ status: 'sent', n: 12 }]);
  expect(outcomes.filter((o) => o === 'sent')).toHaveLength(12);
  expect(outcomes.filter((o) => o === 'retried').length).toBeGreaterThanOrEqual(4 + 3 + 2);
  expect(fake.violations).toEqual([]);
});
