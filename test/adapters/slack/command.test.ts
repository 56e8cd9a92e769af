// /roadmap end to end: signed slash command → core → the reply in the ack itself, or by response_url when slow.
import { afterEach, describe, expect, it } from 'vitest';
import { type Bot, startBot } from './harness.ts';
import { slashBody } from './requests.ts';

describe('slack /roadmap', () => {
  let bot: Bot;
  afterEach(async () => {
    await bot.close();
  });

  it('marks a topic done and answers privately in the acknowledgement', async () => {
    bot = await startBot();
    const res = await bot.postForm(slashBody('done express', bot.fake.responseUrl('r1')));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.response_type).toBe('ephemeral');
    expect(JSON.stringify(body.blocks)).toContain('Done');
    expect(typeof body.text).toBe('string');
    expect(bot.fake.responses).toEqual([]); // no second request was needed
    expect(bot.progressOf('U1')).toEqual([{ path: expect.stringContaining('express'), state: 'done' }]);
    expect(bot.fake.violations).toEqual([]);
  });

  it('when the work is slow, acks at once with nothing and delivers the reply through the response_url', async () => {
    bot = await startBot({}, { ackWithinMs: 20, handleDelayMs: 200 });
    const started = Date.now();
    const res = await bot.postForm(slashBody('done express', bot.fake.responseUrl('slow')));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(Date.now() - started).toBeLessThan(180); // the ack did not wait for the work
    const posted = await bot.fake.waitFor(() => bot.fake.responses.find((r) => r.id === 'slow'));
    expect(posted.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(posted.body.blocks)).toContain('Done');
    expect(bot.progressOf('U1')).toEqual([{ path: expect.stringContaining('express'), state: 'done' }]);
  });

  it('takes the name and time zone from users.info once, then from its cache', async () => {
    bot = await startBot();
    expect((await bot.postForm(slashBody('next', bot.fake.responseUrl('a')))).status).toBe(200);
    expect((await bot.postForm(slashBody('progress', bot.fake.responseUrl('b')))).status).toBe(200);
    expect(bot.fake.callsTo('users.info').map((c) => c.params.user)).toEqual(['U1']);
    const member = bot.db.sqlite.prepare('SELECT display_name, time_zone FROM members').get();
    expect(member).toEqual({ display_name: 'Alice', time_zone: 'Europe/Berlin' });
  });

  it('runs the command under the name Slack sent when users.info is down, and asks again next time', async () => {
    bot = await startBot();
    bot.fake.failNext('users.info', 503, 1);
    const started = Date.now();
    const res = await bot.postForm(slashBody('done express', bot.fake.responseUrl('down')));
    expect(res.status).toBe(200);
    const body = JSON.stringify(await res.json());
    expect(Date.now() - started).toBeLessThan(1500); // answered in the ack: the outage cost no retries
    expect(body).toContain('Done');
    // the command's user_name stands in for the profile Slack did not give
    expect(bot.db.sqlite.prepare('SELECT display_name FROM members').get()).toEqual({ display_name: 'alice' });
    expect(bot.fake.callsTo('users.info').filter((c) => c.failedWith === 503)).toHaveLength(1);
    expect((await bot.postForm(slashBody('next', bot.fake.responseUrl('back')))).status).toBe(200);
    expect(bot.fake.callsTo('users.info').filter((c) => !c.failedWith)).toHaveLength(1); // not cached: asked again
    expect(bot.db.sqlite.prepare('SELECT display_name FROM members').get()).toEqual({ display_name: 'Alice' });
  });

  it('escapes what the user typed so it cannot mention, link or format', async () => {
    bot = await startBot();
    const res = await bot.postForm(
      slashBody('topic <!channel> *x* <https://evil.example|click>', bot.fake.responseUrl('e')),
    );
    const all = await res.text();
    expect(all).toContain('&lt;!channel&gt;');
    expect(all).not.toContain('<!channel>');
    expect(all).not.toContain('*x*');
    expect(all).not.toContain('<https://evil.example');
    expect(bot.eventCount()).toBe(0);
  });
});
