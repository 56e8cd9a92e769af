// App Home: opening the tab publishes my next topic and my progress; a button there updates and republishes it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Bot, startBot } from './harness.ts';
import { actionBody, eventBody } from './requests.ts';

describe('slack App Home', () => {
  let bot: Bot;
  beforeEach(async () => {
    bot = await startBot();
  });
  afterEach(async () => {
    await bot.close();
  });

  it('publishes the home view for the member who opened it', async () => {
    const res = await bot.postJson(eventBody({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home' }));
    expect(res.status).toBe(200);
    const call = await bot.fake.waitFor(() => bot.fake.callsTo('views.publish')[0]);
    expect(call.params.user_id).toBe('U1');
    expect(call.token).toBe('xoxb-test-token');
    const view = JSON.parse(String(call.params.view)) as {
      type: string;
      blocks: { type: string; elements?: { action_id: string }[] }[];
    };
    expect(view.type).toBe('home');
    expect(JSON.stringify(view)).toContain('Your progress');
    const ids = view.blocks.flatMap((b) => b.elements ?? []).map((e) => e.action_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(bot.fake.violations).toEqual([]);
  });

  it('does not retry a failed publish: a later retry could land an old view over a newer one', async () => {
    bot.fake.failNext('views.publish', 503);
    await bot.postJson(eventBody({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home' }));
    await bot.fake.waitFor(() => bot.fake.callsTo('views.publish').length === 1);
    await new Promise((r) => setTimeout(r, 2500)); // Bolt's own client retries after 1–2 s
    expect(bot.fake.callsTo('views.publish')).toEqual([expect.objectContaining({ failedWith: 503 })]);
    // opened again (a new event, with an id of its own): published now
    await bot.postJson(eventBody({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home' }, 'T1', 'Ev2'));
    await bot.fake.waitFor(() => bot.fake.callsTo('views.publish').some((c) => !c.failedWith));
  });

  it('runs a Home button and republishes the tab', async () => {
    await bot.postForm(actionBody('done express', '', 'home'));
    await bot.fake.waitFor(() => bot.fake.callsTo('views.publish').length === 1);
    expect(bot.progressOf('U1').map((p) => p.state)).toEqual(['done']);
    expect(bot.fake.responses).toEqual([]);
  });
});
