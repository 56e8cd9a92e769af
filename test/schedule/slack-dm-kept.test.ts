// A member's Slack DM channel is opened by their first nudge and kept: conversations.open is rate-limited far below a
// morning fan-out, so later nudges post straight to the kept channel. A kept channel refused for good is forgotten.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createSender as createSlackSend } from '../../src/adapters/slack/send.ts';
import { createLog } from '../../src/log.ts';
import { createComposer } from '../../src/schedule/compose.ts';
import { createSender } from '../../src/schedule/sender.ts';
import { tick } from '../../src/schedule/tick.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-api.ts';
import { createTestApp, type TestApp } from '../helpers.ts';

let app: TestApp;
let fake: FakeSlack;
beforeEach(async () => {
  app = createTestApp({ now: '2026-11-26T08:00:00Z' });
  fake = await startFakeSlack();
});
afterEach(async () => {
  expect(fake.violations).toEqual([]);
  await fake.close();
  app.close();
});

const slackUser = (id: string) => ({ platform: 'slack', workspace: 'T1', id, timeZone: 'UTC' });
const sender = () => createSender({
  store: app.store, clock: app.clock, log: createLog('silent'),
  adapters: [{ platform: 'slack', send: createSlackSend({ apiUrl: fake.url, tokenFor: () => 'xoxb-test-token' }) }],
  compose: createComposer({ store: app.store, commands: app.core.commands }), limits: { slack: { perTargetMs: 0 } },
});

/** The 09:00 UTC tick and drain of one day. */
async function morning(day: string) {
  app.clock.set(`${day}T09:00:00Z`);
  await tick({ store: app.store }, app.clock.now().getTime());
  await sender().drain(); // a fresh sender each day, as after a restart: what is kept lives in the database
}

it('opens the DM once over two days of nudges and posts the second straight to the kept channel', async () => {
  await app.say('remind 09:00', slackUser('U1'));
  await morning('2026-11-26');
  await morning('2026-11-27');
  expect(fake.callsTo('conversations.open')).toHaveLength(1);
  expect(fake.callsTo('chat.postMessage').map((c) => c.params.channel)).toEqual(['DU1', 'DU1']);
  expect(app.store.schedules.byId(1)).toMatchObject({ channelId: 'DU1' });
  expect(app.store.deliveries.counts()).toEqual({ sent: 2 });
  // Setting a new time keeps the channel: the member and their DM did not change.
  await app.say('remind 10:00', slackUser('U1'));
  expect(app.store.schedules.byId(1)).toMatchObject({ channelId: 'DU1', localTime: '10:00' });
});

it('forgets a kept channel Slack refuses for good, and opens a fresh one for the next nudge', async () => {
  await app.say('remind 09:00', slackUser('U1'));
  await morning('2026-11-26');
  fake.answer('chat.postMessage', () => ({ ok: false, error: 'channel_not_found' }));
  await morning('2026-11-27');
  expect(app.store.schedules.byId(1)!.channelId).toBeNull();
  fake.answer('chat.postMessage', (c) => ({ channel: c.params.channel, ts: '1.2' }));
  await morning('2026-11-28');
  expect(fake.callsTo('conversations.open')).toHaveLength(2);
  expect(app.store.schedules.byId(1)).toMatchObject({ channelId: 'DU1' });
  expect(app.store.deliveries.counts()).toEqual({ sent: 2, failed: 1 });
});
