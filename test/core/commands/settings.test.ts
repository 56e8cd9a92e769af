// `settings`: the workspace's roadmap, time zone, leaderboard switch and who may post boards; admins only, validated.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, rowCounts, type TestApp, textOf } from '../../helpers.ts';

let app: TestApp;
beforeEach(async () => (app = await createTestApp()));
afterEach(() => app.close());

const ADMIN = { id: 'root', isAdmin: true, workspace: 'acme' };
const MEMBER = { id: 'ann', isAdmin: false, workspace: 'acme' };
const say = async (text: string, who: object) => textOf(await app.say(text, who));

describe('settings', () => {
  it('shows and changes the roadmap, time zone and leaderboard switch for admins', async () => {
    expect(await say('settings', ADMIN)).toMatch(/Roadmap: backend\nTime zone: UTC\nLeaderboard: on/);
    expect(await say('settings timezone berlin', ADMIN)).toContain('Time zone: Europe/Berlin');
    expect(await say('settings leaderboard off', ADMIN)).toContain('Leaderboard: off');
    expect(await say('settings roadmap backend', ADMIN)).toContain('Saved.');
    expect(
      await app.sql.get(
        "select time_zone, case when leaderboard_enabled then 1 else 0 end as leaderboard_enabled from workspaces where external_id = 'acme'",
      ),
    ).toEqual({ time_zone: 'Europe/Berlin', leaderboard_enabled: 0 });
  });

  it("counts the boards' active days again in the workspace's new zone", async () => {
    // 23:30 and 00:30 UTC: two days in UTC, one (Tuesday, after midnight) in Berlin.
    app.clock.set('2026-11-09T23:30:00Z');
    await app.say('done redis', MEMBER);
    app.clock.set('2026-11-10T00:30:00Z');
    await app.say('done mysql', MEMBER);
    app.clock.set('2026-11-10T09:00:00Z');
    expect(await say('leaderboard week', MEMBER)).toContain('You: 2 points, 2 active days, ranked 1st.');
    await app.say('settings timezone Europe/Berlin', ADMIN);
    expect(await app.sql.get("select days_zone from workspaces where external_id = 'acme'")).toEqual({
      days_zone: 'Europe/Berlin',
    });
    expect(await say('leaderboard week', MEMBER)).toContain('You: 2 points, 1 active day, ranked 1st.');
  });

  it('tells a non-admin plainly, and changes nothing', async () => {
    await app.say('next', MEMBER);
    const before = await rowCounts(app);
    for (const text of ['settings', 'settings timezone Asia/Tokyo', 'settings leaderboard off']) {
      expect(await say(text, MEMBER)).toContain('Workspace settings is for workspace admins.');
    }
    expect(await rowCounts(app)).toEqual(before);
    expect(await say('settings', ADMIN)).toContain('Time zone: UTC');
  });

  it('refuses bad values with what to type instead', async () => {
    expect(await say('settings timezone Europe/Berln', ADMIN)).toContain('Did you mean `Europe/Berlin`?');
    expect(await say('settings roadmap frontend', ADMIN)).toContain('Roadmaps: backend.');
    expect(await say('settings leaderboard maybe', ADMIN)).toContain('`on` or `off`');
    expect(await say('settings colour blue', ADMIN)).toContain('There is no setting called');
  });
});
