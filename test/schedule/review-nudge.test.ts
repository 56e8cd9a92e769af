// A due review rides on the daily nudge to Slack and Discord: the same message (one post, no extra rate-limit cost)
// carries the recall question and a Reveal button whose value / custom_id is the `review reveal <topic>` command,
// rendered by each platform's own renderer and posted through its real client against the local fakes.
import { REST } from 'discord.js';
import { afterEach, expect, it } from 'vitest';
import { createOutbound } from '../../src/adapters/slack/send.ts';
import { createLog } from '../../src/log.ts';
import { createSender } from '../../src/schedule/sender.ts';
import { createDiscordRestFake } from '../fakes/discord-rest.ts';
import { startFakeSlack } from '../fakes/slack-api.ts';
import { createTestApp, type TestApp } from '../helpers.ts';
import { discordSending, GUILD, userId } from './setup.ts';

const REVEAL = 'review reveal backend/databases-storage/nosql-databases/redis';
const QUESTION = 'Why is Redis fast, and what do you risk by keeping data only in memory?';
const DUE_DAY = '2026-11-29T09:00:00Z'; // redis, done on the 26th, is due from the 29th

let app: TestApp;
const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await app.close();
});

/** A member sets a nudge and finishes redis on the 26th; the tick on the 29th queues their nudge. */
async function reviewDueFor(user: { platform: string; workspace: string; id: string }) {
  app = await createTestApp({ now: '2026-11-26T08:00:00Z' });
  for (const text of ['remind 09:00 UTC', 'track nodejs', 'done redis']) await app.say(text, user);
  app.clock.set(DUE_DAY);
  await app.core.outbound.queueDue(app.clock.now().getTime());
}

it('posts the review in the Slack nudge: the question in a section, Reveal as a command button', async () => {
  await reviewDueFor({ platform: 'slack', workspace: 'T1', id: 'U1' });
  const fake = await startFakeSlack();
  closers.push(() => fake.close());
  const outbound = createOutbound({ apiUrl: fake.url, tokenFor: () => 'xoxb-test-token' });
  const sender = createSender({
    store: app.store,
    clock: app.clock,
    log: createLog('silent'),
    adapters: [{ platform: 'slack', outbound }],
    outbound: app.core.outbound,
  });
  expect(await sender.drain()).toBe(1);
  const posts = fake.callsTo('chat.postMessage');
  expect(posts).toHaveLength(1); // one message: the reviews ride on the nudge
  const blocks = JSON.parse(String(posts[0]!.params.blocks)) as {
    type: string;
    text?: { text: string };
    elements?: { type: string; value?: string; text: { text: string }; style?: string }[];
  }[];
  expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'Time to recall: Redis' } });
  expect(blocks.some((b) => b.type === 'section' && b.text?.text.includes(QUESTION))).toBe(true);
  const buttons = blocks.flatMap((b) => (b.type === 'actions' ? b.elements! : []));
  expect(buttons[0]).toMatchObject({
    type: 'button',
    value: REVEAL,
    text: { text: 'Reveal: Redis' },
    style: 'primary',
  });
  expect(buttons.map((b) => b.value)).toContain('snooze 1d');
  expect(fake.violations).toEqual([]);
});

it('posts the review in the Discord nudge: the question in the embed, Reveal as a command custom_id', async () => {
  await reviewDueFor({ platform: 'discord', workspace: GUILD, id: userId(1) });
  const fake = await createDiscordRestFake({ gatewayUrl: () => 'ws://127.0.0.1:1' });
  closers.push(() => fake.close());
  const log = createLog('silent');
  const rest = new REST({ api: fake.apiUrl, globalRequestsPerSecond: 10_000, retries: 1 }).setToken('fake-bot-token');
  const sender = createSender({
    store: app.store,
    clock: app.clock,
    log,
    adapters: [discordSending(rest, log)],
    outbound: app.core.outbound,
  });
  expect(await sender.drain()).toBe(1);
  const posts = fake.requests.filter((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path));
  expect(posts).toHaveLength(1);
  const { embeds, components } = posts[0]!.body;
  expect(embeds[0].title).toBe('Time to recall: Redis');
  expect(JSON.stringify(embeds[0])).toContain(QUESTION);
  const ids = components.flatMap((row: { components: { custom_id: string }[] }) =>
    row.components.map((c) => c.custom_id),
  );
  expect(ids[0]).toBe(`${GUILD}:${REVEAL}`);
  expect(ids).toContain(`${GUILD}:snooze 1d`);
  expect(fake.violations).toEqual([]);
});
