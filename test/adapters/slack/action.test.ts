// Buttons: a click runs its command text through the core and replaces the message; a double click applies once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Bot, startBot } from './harness.ts';
import { actionBody, slashBody } from './requests.ts';

type Posted = { blocks: { type: string; elements?: { action_id: string; value: string; text: { text: string } }[] }[] };

describe('slack buttons', () => {
  let bot: Bot;
  beforeEach(async () => {
    bot = await startBot();
  });
  afterEach(async () => {
    await bot.close();
  });

  it('renders buttons with their command as value, and a click replaces the message', async () => {
    const first = (await (
      await bot.postForm(slashBody('topic express', bot.fake.responseUrl('first')))
    ).json()) as Posted;
    const buttons = first.blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
    expect(buttons.map((b) => b.action_id)).toEqual(buttons.map((_, i) => `cmd:${i}`));
    const done = buttons.find((b) => b.text.text === 'Done')!;
    expect(done.value).toMatch(/^done .*express/);

    const res = await bot.postForm(actionBody(done.value, bot.fake.responseUrl('click')));
    expect(res.status).toBe(200);
    const replaced = await bot.fake.waitFor(() => bot.fake.responses.find((r) => r.id === 'click'));
    expect(replaced.body.replace_original).toBe(true);
    expect(bot.progressOf('U1')).toEqual([{ path: done.value.slice('done '.length), state: 'done' }]);
    expect(bot.fake.violations).toEqual([]);
  });

  it('applies a double click once', async () => {
    const body = actionBody('done express', bot.fake.responseUrl('twice'));
    const [a, b] = await Promise.all([bot.postForm(body), bot.postForm(body)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await bot.fake.waitFor(() => bot.fake.responses.filter((r) => r.id === 'twice').length === 2);
    expect(bot.progressOf('U1').map((p) => p.state)).toEqual(['done']);
    expect(bot.eventCount()).toBe(1);
  });
});
