// Outbound sends: DMs open a conversation first; channels post directly; a failure is not retried here. After a
// crash, a DM's latest messages say whether a send cut off mid-request arrived (with the optional im:history).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutbound, DELIVERY_EVENT } from '../../../src/adapters/slack/send.ts';
import { reply, text } from '../../../src/core/model/reply.ts';
import { type FakeSlack, MANIFEST_SCOPES, startFakeSlack } from '../../fakes/slack-api.ts';
import { type Bot, startBot } from './harness.ts';

describe('slack send', () => {
  let bot: Bot;
  beforeEach(async () => {
    bot = await startBot();
  });
  afterEach(async () => {
    await bot.close();
  });
  const nudge = reply({
    heading: 'Time to study',
    blocks: [text('Your next topic is waiting.')],
    buttons: [{ label: 'Next', command: 'next' }],
  });

  it('opens a DM for a user target, then posts', async () => {
    await bot.adapter.outbound.send({ kind: 'user', workspaceId: 'T1', id: 'U1' }, nudge);
    expect(bot.fake.callsTo('conversations.open')[0]?.params.users).toBe('U1');
    const post = bot.fake.callsTo('chat.postMessage')[0]!;
    expect(post.params.channel).toBe('DU1');
    expect(post.token).toBe('xoxb-test-token');
    expect(String(post.params.blocks)).toContain('cmd:0');
    expect(post.params.text).toBe('Time to study — Your next topic is waiting.');
    expect(bot.fake.violations).toEqual([]);
  });

  it('posts to a channel and fails at once, without retrying, when Slack refuses', async () => {
    await bot.adapter.outbound.send({ kind: 'channel', workspaceId: 'T1', id: 'C1' }, nudge);
    expect(bot.fake.callsTo('conversations.open')).toEqual([]);
    bot.fake.answer('chat.postMessage', () => ({ ok: false, error: 'channel_not_found' }));
    await expect(bot.adapter.outbound.send({ kind: 'channel', workspaceId: 'T1', id: 'C404' }, nudge)).rejects.toThrow(
      /channel_not_found/,
    );
    expect(bot.fake.callsTo('chat.postMessage').map((c) => c.params.channel)).toEqual(['C1', 'C404']);
  });
});

describe('slack send: finding a message after a crash', () => {
  const nudge = reply({ heading: 'Time to study', blocks: [text('Your next topic is waiting.')] });
  const member = { kind: 'user' as const, workspaceId: 'T1', id: 'DU1' };
  let fake: FakeSlack;
  afterEach(async () => {
    expect(fake.violations).toEqual([]);
    await fake.close();
  });
  const outbound = () => createOutbound({ apiUrl: fake.url, tokenFor: () => 'xoxb-test-token' });

  it('posts the nonce as message metadata, and with im:history counts the latest DMs carrying it', async () => {
    fake = await startFakeSlack({ scopes: [...MANIFEST_SCOPES, 'im:history'] });
    const slack = outbound();
    await slack.send(member, nudge, { nonce: 'n-1' });
    await slack.send(member, nudge, { nonce: 'n-2' });
    await slack.send(member, nudge, { nonce: 'n-1' }); // a resend that went twice
    expect(JSON.parse(String(fake.callsTo('chat.postMessage')[0]!.params.metadata))).toEqual({
      event_type: DELIVERY_EVENT,
      event_payload: { nonce: 'n-1' },
    });
    expect(await slack.findSent(member, 'n-1')).toBe(2);
    expect(await slack.findSent(member, 'n-2')).toBe(1);
    expect(await slack.findSent(member, 'n-3')).toBe(0);
    expect(fake.callsTo('conversations.history').at(-1)!.params).toMatchObject({
      channel: 'DU1',
      include_all_metadata: 'true',
    });
    // A member whose DM is not kept yet: the DM is opened to look in it.
    expect(await slack.findSent({ kind: 'user', workspaceId: 'T1', id: 'U1' }, 'n-1')).toBe(2);
  });

  it('cannot tell without im:history, nor in a channel', async () => {
    fake = await startFakeSlack(); // the manifest's scopes
    const slack = outbound();
    await slack.send(member, nudge, { nonce: 'n-1' });
    expect(await slack.findSent(member, 'n-1')).toBeUndefined();
    expect(await slack.findSent({ kind: 'channel', workspaceId: 'T1', id: 'C1' }, 'n-1')).toBeUndefined();
    expect(fake.callsTo('conversations.history')).toHaveLength(1); // a channel is not even asked
  });
});
