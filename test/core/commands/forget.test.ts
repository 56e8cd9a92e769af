// `forget`: deleting every row about me in one go, after asking first.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../helpers.ts';
import { ADA, GRACE, memberId, rowsAbout, seedBoth } from './my-data.ts';

let app: TestApp;
beforeEach(async () => (app = await createTestApp()));
afterEach(() => app.close());

describe('forget', () => {
  it('asks first, with a button, and deletes nothing until confirmed', async () => {
    await seedBoth(app);
    const before = await rowsAbout(app, await memberId(app, 'ada'), [1]);
    const reply = await app.say('forget', ADA);
    expect(reply.buttons[0]).toEqual({ label: 'Yes, delete everything', command: 'forget confirm', style: 'danger' });
    expect(textOf(await app.say('forget please', ADA))).toContain('type `forget confirm`');
    expect(await rowsAbout(app, await memberId(app, 'ada'), [1])).toEqual(before);
  });

  it("deletes every row about me in every table, keeps everyone else's, and boards stop showing me", async () => {
    await seedBoth(app);
    // Both have a review card on gin; Ada has answered hers once (the answer's log hangs off the card, not the member).
    await app.sql.run('update review_cards set due_at = 0');
    expect((await app.say('review gin good', ADA)).heading).toBe('Recalled: Gin');
    expect(await app.sql.get('select count(*) n from review_logs')).toEqual({ n: 1 });
    await app.say('privacy show', ADA);
    await app.say('privacy show', GRACE);
    expect(textOf(await app.say('leaderboard', GRACE))).toContain('Ada');
    const ada = await memberId(app, 'ada');
    const adaIdentities = (
      (await app.sql.all('select id from identities where member_id = @member', { member: ada })) as { id: number }[]
    ).map((r) => r.id);
    const grace = await memberId(app, 'grace');
    const graceIdentities = (
      (await app.sql.all('select id from identities where member_id = @member', { member: grace })) as { id: number }[]
    ).map((r) => r.id);
    const graceBefore = await rowsAbout(app, grace, graceIdentities);
    expect(Object.keys(await rowsAbout(app, ada, adaIdentities)).sort()).toEqual([
      'identities',
      'link_attempts',
      'link_codes',
      'member_days',
      'member_stats',
      'members',
      'notes',
      'progress',
      'progress_events',
      'review_cards',
      'schedules',
      'track_choices',
      'workspace_member_days',
      'workspace_member_stats',
      'workspace_period_points',
    ]); // and a delivery, through Ada's schedule

    const reply = await app.say('forget confirm', ADA);
    expect(reply.heading).toBe('Everything about you is deleted');
    expect(await rowsAbout(app, ada, adaIdentities)).toEqual({});
    expect(await app.sql.get("select count(*) n from deliveries where key = 'k-ada'")).toEqual({ n: 0 });
    expect(await app.sql.get('select count(*) n from review_logs')).toEqual({ n: 0 });
    expect(await app.sql.get('select count(*) n from review_cards')).toEqual({ n: 1 }); // Grace's
    expect(await rowsAbout(app, grace, graceIdentities)).toEqual(graceBefore);

    for (const view of ['leaderboard', 'leaderboard all', 'team']) {
      const text = textOf(await app.say(view, GRACE));
      expect(text).not.toContain('Ada');
      expect(text).toContain('Grace');
    }
  });
});
