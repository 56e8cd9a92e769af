// Workspace settings from Slack: admins and owners (from users.info) may change them; others are told so.
import { afterEach, describe, expect, it } from 'vitest';
import { PROFILE_TTL_MS } from '../../../src/adapters/slack/profiles.ts';
import { type Bot, startBot } from './harness.ts';
import { slashBody } from './requests.ts';

let bot: Bot;
afterEach(async () => {
  await bot.close();
});

describe('slack admins', () => {
  it('refuses a member and lets a workspace admin change the settings', async () => {
    bot = await startBot();
    const refused = await bot.postForm(slashBody('settings leaderboard off', bot.fake.responseUrl('a'), 'U1'));
    expect(await refused.text()).toContain('for workspace admins');
    bot.fake.answer('users.info', (c) => ({
      user: { id: c.params.user, name: 'root', tz: 'UTC', is_admin: true, profile: { display_name: 'Root' } },
    }));
    const allowed = await bot.postForm(slashBody('settings leaderboard off', bot.fake.responseUrl('b'), 'U2'));
    expect(await allowed.text()).toContain('Saved.');
    expect(bot.db.sqlite.prepare("select leaderboard_enabled from workspaces where platform = 'slack'").get()).toEqual({
      leaderboard_enabled: 0,
    });
  });

  it('takes a demotion within a minute, and never takes an admin for one while Slack does not answer', async () => {
    bot = await startBot();
    let admin = true;
    bot.fake.answer('users.info', (c) => ({
      user: { id: c.params.user, name: 'root', tz: 'UTC', is_admin: admin, profile: { display_name: 'Root' } },
    }));
    const settings = async (id: string) =>
      await (await bot.postForm(slashBody('settings leaderboard off', bot.fake.responseUrl(id), 'U2'))).text();
    expect(await settings('a')).toContain('Saved.');
    admin = false; // demoted in Slack
    bot.clock.set(new Date(bot.clock.now().getTime() + 59_000));
    expect(await settings('b')).toContain('Saved.'); // the profile is at most a minute old
    bot.clock.set(new Date(bot.clock.now().getTime() + PROFILE_TTL_MS));
    expect(await settings('c')).toContain('for workspace admins');
    admin = true; // promoted again: within a minute too
    bot.clock.advance(PROFILE_TTL_MS + 1);
    expect(await settings('d')).toContain('Saved.');
    // Slack is down when the minute is up: the member keeps their name, not the admin status.
    bot.clock.advance(PROFILE_TTL_MS + 1);
    bot.fake.failNext('users.info', 503, 1);
    expect(await settings('e')).toContain('for workspace admins');
    expect(bot.db.sqlite.prepare('select display_name from members').all()).toEqual([{ display_name: 'Root' }]);
  });
});
