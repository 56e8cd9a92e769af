// Request signing: bad signatures and timestamps over 5 minutes off (either way) get 401; retries are acked only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Bot, startBot } from './harness.ts';
import { slashBody } from './requests.ts';

describe('slack request guard', () => {
  let bot: Bot;
  beforeEach(async () => {
    bot = await startBot();
  });
  afterEach(async () => {
    await bot.close();
  });
  const now = () => Math.floor(bot.clock.now().getTime() / 1000);
  const settle = () => new Promise((r) => setTimeout(r, 150));

  it.each([
    ['a bad signature', () => ({ signature: `v0=${'0'.repeat(64)}` })],
    ['a stale timestamp', () => ({ timestamp: now() - 301 })],
    ['a future timestamp', () => ({ timestamp: now() + 301 })],
    ['no signature', () => ({ signature: '' })],
  ])('refuses %s with 401 and writes nothing', async (_name, opts) => {
    const res = await bot.postForm(slashBody('done express', bot.fake.responseUrl('x')), opts());
    expect(res.status).toBe(401);
    await settle();
    expect(bot.progressOf('U1')).toEqual([]);
    expect(bot.fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
    expect(bot.fake.responses).toEqual([]);
  });

  it('accepts a timestamp within the window', async () => {
    const res = await bot.postForm(slashBody('done express', bot.fake.responseUrl('ok')), { timestamp: now() - 290 });
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain('Done');
    expect(bot.eventCount()).toBe(1);
  });

  it('refuses a body over 1 MiB with 413, unread and unrun, and keeps serving', async () => {
    const huge = `${slashBody('done express', bot.fake.responseUrl('big'))}&pad=${'x'.repeat(2 * 1024 * 1024)}`;
    const res = await bot.postForm(huge);
    expect(res.status).toBe(413);
    await settle();
    expect(bot.eventCount()).toBe(0);
    expect((await bot.postForm(slashBody('done express', bot.fake.responseUrl('after')))).status).toBe(200);
    expect(bot.eventCount()).toBe(1);
  });

  it('acknowledges a retry without running it again', async () => {
    const body = slashBody('done express', bot.fake.responseUrl('r'));
    expect((await bot.postForm(body)).status).toBe(200);
    expect(bot.eventCount()).toBe(1);
    const retry = await bot.postForm(body, {
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(retry.status).toBe(200);
    expect(await retry.text()).toBe('');
    await settle();
    expect(bot.fake.responses).toHaveLength(0);
    expect(bot.eventCount()).toBe(1);
  });
});
