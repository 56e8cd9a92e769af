// Two replicas on one database, each with its own gateway connection on the same shard: Discord (the fake) delivers
// every interaction to both. The interaction id is taken in the store, so exactly one of them answers and runs it.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Adapter } from '../../../src/adapters/adapter.ts';
import { createDiscordAdapter } from '../../../src/adapters/discord/index.ts';
import type { Invocation } from '../../../src/core/model/invocation.ts';
import { firstSeenOver } from '../../../src/first-seen.ts';
import { createLog } from '../../../src/log.ts';
import { APP_ID, buttonClick } from '../../fakes/discord.ts';
import { callbackFor, type Harness, rows, startDiscord } from './harness.ts';

const EXPRESS = 'backend/choose-your-backend-language/nodejs/expressjs';
let h: Harness;
let second: Adapter;
const handledBySecond: Invocation[] = [];
beforeEach(async () => {
  h = await startDiscord();
  // Another process's adapter: nothing shared with the first but the database (its own FirstSeen, its own client).
  second = createDiscordAdapter({
    token: 'fake-bot-token',
    applicationId: APP_ID,
    apiUrl: h.fake.rest.apiUrl,
    log: createLog('silent'),
    commands: h.app.core.commands,
    suggestTopics: h.app.core.suggestTopics,
    firstSeen: firstSeenOver(h.app.store, h.app.clock),
  });
  await second.start(async (invocation) => {
    handledBySecond.push(invocation);
    return h.app.core.handle(invocation);
  });
});
afterEach(async () => {
  await second.stop();
  await h.close();
  handledBySecond.length = 0;
});

it('runs an interaction delivered to two replicas once, and answers it once', async () => {
  const click = buttonClick(`done ${EXPRESS}`);
  h.fake.gateway.interaction(click); // to both connections
  await callbackFor(h, click.id);
  await new Promise((resolve) => setTimeout(resolve, 300)); // time for a second answer, were there one
  expect(h.fake.requestsTo(new RegExp(`^/interactions/${click.id}/`))).toHaveLength(1);
  expect(h.handled.length + handledBySecond.length).toBe(1);
  expect(rows(h, 'select to_state from progress_events')).toEqual([{ to_state: 'done' }]);
});
