// Outbound sends: DMs open a conversation first; channels post directly; a failure is not retried here.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reply, text } from '../../../src/core/reply.ts';
import { startBot, type Bot } from './harness.ts';

describe('slack send', () => {
  let bot: Bot;
  beforeEach(async () => { bot = await startBot(); });
  afterEach(async () => { await bot.close(); });
  const nudge = reply({ heading: 'Time to study', blocks: [text('Your next topic is waiting.')], buttons: [{ label: 'Next', command: 'next' }] });

  it('opens a DM for a user target, then posts', async () => {
    await bot.adapter.send({ kind: 'user', workspaceId: 'T1', id: 'U1' }, nudge);
    expect(bot.fake.callsTo('conversations.open')[0]?.params.users).toBe('U1');
    const post = bot.fake.callsTo('chat.postMessage')[0]!;
    expect(post.params.channel).toBe('DU1');
    expect(post.token).toBe('xoxb-test-token');
    expect(String(post.params.blocks)).toContain('cmd:0');
    expect(post.params.text).toBe('Time to study — Your next topic is waiting.');
    expect(bot.fake.violations).toEqual([]);
  });

  it('posts to a channel and fails at once, without retrying, when Slack refuses', async () => {
    await bot.adapter.send({ kind: 'channel', workspaceId: 'T1', id: 'C1' }, nudge);
    expect(bot.fake.callsTo('conversations.open')).toEqual([]);
    bot.fake.answer('chat.postMessage', () => ({ ok: false, error: 'channel_not_found' }));
    await expect(bot.adapter.send({ kind: 'channel', workspaceId: 'T1', id: 'C404' }, nudge)).rejects.toThrow(/channel_not_found/);
    expect(bot.fake.callsTo('chat.postMessage').map((c) => c.params.channel)).toEqual(['C1', 'C404']);
  });
});
