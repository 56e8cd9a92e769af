// Slack retries an Events API event it thinks was missed (x-slack-retry-num), and behind a load balancer the retry may
// reach another replica than the first delivery. The event id is taken in the database, so the retry runs only when
// no replica ever took the first delivery. Slash commands and buttons are never retried by Slack: a "retry" of one is
// acknowledged and not run (security.test.ts).
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../../src/adapters/slack/index.ts';
import { firstSeenOver } from '../../../src/first-seen.ts';
import { slackInstallationsOver } from '../../../src/slack-installations.ts';
import { type Bot, startBot } from './harness.ts';
import { createSigner, eventBody, SIGNING_SECRET } from './requests.ts';

let bot: Bot;
let other: SlackAdapter;
let toOther: ReturnType<typeof createSigner>;
beforeEach(async () => {
  bot = await startBot();
  // A second replica: its own adapter, Bolt app and port; only the database is shared.
  other = createSlackAdapter({
    clock: bot.clock,
    log: bot.log,
    installations: slackInstallationsOver(bot.store),
    firstSeen: firstSeenOver(bot.store, bot.clock),
    options: { botToken: 'xoxb-test-token', signingSecret: SIGNING_SECRET, apiUrl: bot.fake.url, port: 0 },
  });
  await other.start(bot.core.handle);
  toOther = createSigner(`http://127.0.0.1:${other.address()!.port}`, bot.clock);
});
afterEach(async () => {
  await other.stop();
  await bot.close();
});

const homeOpened = (eventId: string) =>
  eventBody({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home' }, 'T1', eventId);
const RETRY = { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } };
const published = () => bot.fake.callsTo('views.publish').length;

it('runs an event once when its retry lands on another replica', async () => {
  expect((await bot.postJson(homeOpened('Ev100'))).status).toBe(200);
  await expect.poll(published).toBe(1);
  const retry = await toOther.postJson(homeOpened('Ev100'), RETRY);
  expect(retry.status).toBe(200);
  expect(await retry.text()).toBe('');
  const again = await bot.postJson(homeOpened('Ev100'), { headers: { 'x-slack-retry-num': '2' } });
  expect(again.status).toBe(200);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(published()).toBe(1);
});

it('runs a retry whose first delivery never arrived', async () => {
  const retry = await toOther.postJson(homeOpened('Ev200'), RETRY);
  expect(retry.status).toBe(200);
  await expect.poll(published).toBe(1);
  // And a different event is a different event, on either replica.
  await bot.postJson(homeOpened('Ev201'));
  await expect.poll(published).toBe(2);
});
