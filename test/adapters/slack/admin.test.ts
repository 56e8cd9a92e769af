// Workspace settings from Slack: admins and owners (from users.info) may change them; others are told so.
import { afterEach, describe, expect, it } from 'vitest';
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
});
