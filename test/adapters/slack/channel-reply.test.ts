// A reply for the whole channel (`leaderboard post`) is visible in Slack: in_channel in the ack, and a new in_channel
// message (not a replaced ephemeral one) when it comes from a button.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Bot, startBot } from './harness.ts';
import { actionBody, slashBody } from './requests.ts';

let bot: Bot;
beforeEach(async () => {
  bot = await startBot();
  await bot.core.handle({
    platform: 'slack',
    workspace: { id: 'T1' },
    user: { id: 'UADMIN', displayName: 'Boss', isAdmin: true },
    place: { channelId: 'C1', direct: false },
    text: 'settings posts everyone',
  });
});
afterEach(async () => {
  expect(bot.fake.violations).toEqual([]);
  await bot.close();
});

it('a slash command posts the board in_channel', async () => {
  const body = (await (
    await bot.postForm(slashBody('leaderboard post', bot.fake.responseUrl('post')))
  ).json()) as Record<string, unknown>;
  expect(body.response_type).toBe('in_channel');
  expect(JSON.stringify(body.blocks)).toContain('Leaderboard');
});

it('a button posts a new in_channel message instead of replacing the private one', async () => {
  await bot.postForm(actionBody('team post', bot.fake.responseUrl('click')));
  const posted = await bot.fake.waitFor(() => bot.fake.responses.find((r) => r.id === 'click'));
  expect(posted.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
  expect(JSON.stringify(posted.body.blocks)).toContain('Team');
});
