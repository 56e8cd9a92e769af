// Workspace settings from Discord: members with Manage Server are admins; others are told so.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { slashCommand } from '../../fakes/discord.ts';
import { callbackFor, type Harness, rows, startDiscord } from './harness.ts';

const MANAGE_GUILD = 1n << 5n;
let h: Harness;
beforeEach(async () => {
  h = await startDiscord();
});
afterEach(async () => {
  await h.close();
});

function settings(text: string, manageGuild: boolean) {
  const i = slashCommand('settings', { setting: text.split(' ')[0]!, value: text.split(' ').slice(1).join(' ') });
  const permissions = manageGuild
    ? BigInt(i.member.permissions) | MANAGE_GUILD
    : BigInt(i.member.permissions) & ~MANAGE_GUILD;
  return { ...i, member: { ...i.member, permissions: String(permissions) } };
}

describe('discord admins', () => {
  it('refuses a member without Manage Server and lets one with it change the settings', async () => {
    const refused = settings('leaderboard off', false);
    h.fake.gateway.interaction(refused);
    expect(JSON.stringify((await callbackFor(h, refused.id)).body)).toContain('for workspace admins');
    const allowed = settings('leaderboard off', true);
    h.fake.gateway.interaction(allowed);
    expect(JSON.stringify((await callbackFor(h, allowed.id)).body)).toContain('Saved.');
    expect(rows(h, "select leaderboard_enabled from workspaces where platform = 'discord'")).toEqual([
      { leaderboard_enabled: 0 },
    ]);
    expect(h.fake.rest.violations).toEqual([]);
  });
});
