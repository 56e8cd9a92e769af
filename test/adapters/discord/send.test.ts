// Outbound send: DMs open a channel then post; closed DMs are a permanent failure; a 429 is waited out and retried.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PermanentSendError } from '../../../src/adapters/adapter.ts';
import { reply, text } from '../../../src/core/model/reply.ts';
import { ADA, GUILD } from '../../fakes/discord.ts';
import { type Harness, startDiscord } from './harness.ts';

const nudge = reply({
  heading: 'Time to study',
  blocks: [text('Your next topic is waiting.')],
  buttons: [{ label: 'Next topic', command: 'next', style: 'primary' }],
  visibility: 'channel',
});

let h: Harness;
beforeAll(async () => {
  h = await startDiscord();
});
afterAll(async () => {
  expect(h.fake.rest.violations).toEqual([]);
  await h.close();
});

it('sends to a member by opening a DM channel, buttons naming the guild', async () => {
  await h.adapter.outbound!.send({ kind: 'user', workspaceId: GUILD.id, id: ADA.id }, nudge);
  const [open] = h.fake.requestsTo(/^\/users\/@me\/channels$/, 'POST');
  expect(open!.body).toEqual({ recipient_id: ADA.id });
  const [post] = h.fake.requestsTo(new RegExp(`^/channels/9${ADA.id}/messages$`), 'POST');
  expect(post!.headers.authorization).toBe('Bot fake-bot-token');
  expect(post!.body.embeds[0].title).toBe('Time to study');
  expect(post!.body.components[0].components[0].custom_id).toBe(`${GUILD.id}:next`);
  expect(post!.body.allowed_mentions).toEqual({ parse: [] });
  expect(post!.body.flags).toBeUndefined();
});

it('reports a member whose DMs are closed (50007) as a permanent failure', async () => {
  h.fake.rest.failNext(/^POST \/channels\/\d+\/messages$/, 403, 50007, 'Cannot send messages to this user');
  const sent = h.adapter.outbound!.send({ kind: 'user', workspaceId: GUILD.id, id: '1400000000000000002' }, nudge);
  await expect(sent).rejects.toBeInstanceOf(PermanentSendError);
  await expect(sent).rejects.toMatchObject({ code: 50007, reason: expect.stringContaining('direct messages') });
  expect(h.fake.requestsTo(/^\/channels\/91400000000000000002\/messages$/)).toHaveLength(1); // not retried
});

it('waits out a 429 and retries the same message after retry_after', async () => {
  h.fake.rest.rateLimitNext(new RegExp(`^POST /channels/${GUILD.channelId}/messages$`), 0.3);
  await h.adapter.outbound!.send({ kind: 'channel', workspaceId: GUILD.id, id: GUILD.channelId }, nudge);
  const tries = h.fake.requestsTo(new RegExp(`^/channels/${GUILD.channelId}/messages$`), 'POST');
  expect(tries.map((r) => r.status)).toEqual([429, 200]);
  expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(300);
  expect(tries[1]!.body).toEqual(tries[0]!.body);
  expect(tries[1]!.body.components[0].components[0].custom_id).toBe('next'); // in a guild the command alone
});
