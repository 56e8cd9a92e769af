// A member's Slack DM channel is opened ahead of their first nudge (or by it) and kept: conversations.open is
// rate-limited far below a morning fan-out, so nudges post straight to the kept channel. A kept channel refused for
// good is forgotten.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createOutbound } from '../../src/adapters/slack/send.ts';
import { createLog } from '../../src/log.ts';
import { createSender } from '../../src/schedule/sender.ts';
import { type FakeSlack, startFakeSlack } from '../fakes/slack-api.ts';
import { createTestApp, type TestApp } from '../helpers.ts';

let app: TestApp;
let fake: FakeSlack;
beforeEach(async () => {
  app = await createTestApp({ now: '2026-11-26T08:00:00Z' });
  fake = await startFakeSlack();
});
afterEach(async () => {
  expect(fake.violations).toEqual([]);
  await fake.close();
  await app.close();
});

const slackUser = (id: string) => ({ platform: 'slack', workspace: 'T1', id, timeZone: 'UTC' });
const sender = () => {
  const outbound = createOutbound({ apiUrl: fake.url, tokenFor: () => 'xoxb-test-token' });
  return createSender({
    store: app.store,
    clock: app.clock,
    log: createLog('silent'),
    adapters: [{ platform: 'slack', outbound: { ...outbound, limits: { ...outbound.limits, perTargetMs: 0 } } }],
    outbound: app.core.outbound,
  });
};

/** The 09:00 UTC tick and drain of one day. */
async function morning(day: string) {
  app.clock.set(`${day}T09:00:00Z`);
  await app.core.outbound.queueDue(app.clock.now().getTime());
  await sender().drain(); // a fresh sender each day, as after a restart: what is kept lives in the database
}

it('opens the DM once over two days of nudges and posts the second straight to the kept channel', async () => {
  await app.say('remind 09:00', slackUser('U1'));
  await morning('2026-11-26');
  await morning('2026-11-27');
  expect(fake.callsTo('conversations.open')).toHaveLength(1);
  expect(fake.callsTo('chat.postMessage').map((c) => c.params.channel)).toEqual(['DU1', 'DU1']);
  expect(await app.q.schedules.byId(1)).toMatchObject({ channelId: 'DU1' });
  expect(await app.q.deliveries.counts()).toEqual({ sent: 2 });
  // Setting a new time keeps the channel: the member and their DM did not change.
  await app.say('remind 10:00', slackUser('U1'));
  expect(await app.q.schedules.byId(1)).toMatchObject({ channelId: 'DU1', localTime: '10:00' });
});

it('forgets a kept channel Slack refuses for good, and opens a fresh one for the next nudge', async () => {
  await app.say('remind 09:00', slackUser('U1'));
  await morning('2026-11-26');
  fake.answer('chat.postMessage', () => ({ ok: false, error: 'channel_not_found' }));
  await morning('2026-11-27');
  expect((await app.q.schedules.byId(1))!.channelId).toBeNull();
  fake.answer('chat.postMessage', (c) => ({ channel: c.params.channel, ts: '1.2' }));
  await morning('2026-11-28');
  expect(fake.callsTo('conversations.open')).toHaveLength(2);
  expect(await app.q.schedules.byId(1)).toMatchObject({ channelId: 'DU1' });
  expect(await app.q.deliveries.counts()).toEqual({ sent: 2, failed: 1 });
});

it('opens DM channels ahead, soonest nudge first, so the morning fan-out opens none', async () => {
  await app.say('remind 10:00', slackUser('U1'));
  await app.say('remind 09:00', slackUser('U2'));
  await app.say('remind 08:30', slackUser('U3'));
  await app.say('remind off', slackUser('U4')); // no nudge: nothing to open
  const s = sender();
  expect(await s.openAhead(2)).toBe(2);
  expect(fake.callsTo('conversations.open').map((c) => c.params.users)).toEqual(['U3', 'U2']);
  expect(await s.openAhead(2)).toBe(1);
  expect(await s.openAhead(2)).toBe(0); // all open: no call at all
  expect(fake.callsTo('conversations.open')).toHaveLength(3);
  app.clock.set('2026-11-26T10:00:00Z');
  await app.core.outbound.queueDue(app.clock.now().getTime());
  await s.drain();
  expect(
    fake
      .callsTo('chat.postMessage')
      .map((c) => c.params.channel)
      .sort(),
  ).toEqual(['DU1', 'DU2', 'DU3']);
  expect(fake.callsTo('conversations.open')).toHaveLength(3); // the fan-out opened nothing
});

it('leaves a DM it cannot open to the first nudge for an hour, and stops a pass at a 429', async () => {
  await app.say('remind 09:00', slackUser('U1'));
  await app.say('remind 09:30', slackUser('U2'));
  fake.answer('conversations.open', (c) =>
    c.params.users === 'U1'
      ? { ok: false, error: 'user_not_found' }
      : { channel: { id: `D${String(c.params.users)}` } },
  );
  const s = sender();
  expect(await s.openAhead()).toBe(1);
  expect((await app.q.schedules.byId(1))!.channelId).toBeNull();
  expect(await app.q.schedules.byId(2)).toMatchObject({ channelId: 'DU2' });
  expect(await s.openAhead()).toBe(0);
  expect(fake.callsTo('conversations.open')).toHaveLength(2); // U1 was not asked again
  app.clock.advance(61 * 60_000);
  fake.failNext('conversations.open', 429, 1, 30);
  expect(await s.openAhead()).toBe(0); // an hour on, U1 is tried again: rate limited, so the pass ends
  expect(fake.callsTo('conversations.open').at(-1)).toMatchObject({ failedWith: 429, params: { users: 'U1' } });
});
