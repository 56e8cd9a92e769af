// A reply for the whole channel (`leaderboard post`) is visible on Discord on every path: answered at once without
// the ephemeral flag, and, when the core is slow, through a visible follow-up after the private deferral.
import { afterEach, expect, it } from 'vitest';
import { APP_ID, buttonClick, GUILD, slashCommand } from '../../fakes/discord.ts';
import { callbackFor, type Harness, startDiscord } from './harness.ts';

let h: Harness;
afterEach(async () => {
  expect(h.fake.rest.violations).toEqual([]);
  await h.close();
});

async function membersMayPost() {
  await h.app.say('done redis', { platform: 'discord', workspace: GUILD.id, id: 'someone' });
  await h.app.say('settings posts everyone', { platform: 'discord', workspace: GUILD.id, id: 'admin', isAdmin: true });
}

it('answers a quick channel reply without the ephemeral flag', async () => {
  h = await startDiscord();
  await membersMayPost();
  const i = slashCommand('leaderboard', { period: 'week', post: 'post' });
  h.fake.gateway.interaction(i);
  const cb = await callbackFor(h, i.id);
  expect(cb.body.type).toBe(4);
  expect(cb.body.data.flags).toBeUndefined();
  expect(cb.body.data.embeds[0].title).toMatch(/^Leaderboard — /);
});

it(
  'a slow channel reply still ends up visible: the private ' + 'deferral is closed, the board is a visible follow-up',
  async () => {
    h = await startDiscord({ slowMs: 300, deferAfterMs: 100 });
    await membersMayPost();
    const i = slashCommand('leaderboard', { period: 'week', post: 'post' });
    h.fake.gateway.interaction(i);
    expect((await callbackFor(h, i.id)).body).toEqual({ type: 5, data: { flags: 64 } });
    const followUp = await h.fake.nextRequest(new RegExp(`^/webhooks/${APP_ID}/${i.token}$`));
    expect(followUp.method).toBe('POST');
    expect(followUp.body.flags ?? 0).toBe(0); // not ephemeral: everyone in the channel sees it
    expect(followUp.body.embeds[0].title).toMatch(/^Leaderboard — /);
    expect(followUp.body.allowed_mentions).toEqual({ parse: [] });
    const closed = await h.fake.nextRequest(new RegExp(`^/webhooks/${APP_ID}/${i.token}/messages/@original$`));
    expect(closed.at).toBeLessThanOrEqual(followUp.at); // the private note first, then the visible board
    expect(closed.body.embeds[0].description).toContain('Posted in the channel');
  },
);

it(
  'a channel reply from a button on a private message is a ' + 'new, visible message, not an update of the private one',
  async () => {
    h = await startDiscord();
    await membersMayPost();
    const click = buttonClick('team post');
    h.fake.gateway.interaction(click);
    const cb = await callbackFor(h, click.id);
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags).toBeUndefined();
    expect(cb.body.data.embeds[0].title).toMatch(/^Team — /);
  },
);
