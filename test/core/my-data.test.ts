// `export` and `forget`: all of my data as a JSON file, and deleting every row about me in one go.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, textOf, type TestApp } from '../helpers.ts';

let app: TestApp;
beforeEach(() => (app = createTestApp()));
afterEach(() => app.close());

const ADA = { id: 'ada', displayName: 'Ada' };
const GRACE = { id: 'grace', displayName: 'Grace' };
const memberId = (userId: string) =>
  (app.db.$client.prepare('select member_id id from identities where platform_user_id = ?').get(userId) as { id: number }).id;

/** Ada and Grace each with progress, events, a note, a track, settings, a second identity, link codes and a schedule. */
async function seedBoth() {
  for (const user of [ADA, GRACE]) {
    for (const text of ['track go', 'done gin', 'start redis', 'note redis cache aside', 'privacy anonymous', 'timezone Europe/Berlin']) {
      await app.say(text, user);
    }
    await app.say('help', { ...user, workspace: 'other' }); // an identity in a second workspace…
    const sqlite = app.db.$client;
    const [home, away] = sqlite.prepare('select id, member_id from identities where platform_user_id = ? order by id').all(user.id) as { id: number; member_id: number }[];
    sqlite.prepare('update identities set member_id = ? where id = ?').run(home!.member_id, away!.id); // …linked to the same member
    sqlite.prepare('delete from members where id = ?').run(away!.member_id);
    app.store.links.issueCode(home!.id, app.clock.now().getTime(), 600_000);
    app.store.links.recordFailure(away!.id, app.clock.now().getTime());
    const schedule = sqlite.prepare(`insert into schedules (kind, workspace_id, member_id, identity_id, local_time, time_zone, days, created_at)
      values ('nudge', 1, ?, ?, '09:00', 'UTC', 127, 0)`).run(home!.member_id, home!.id);
    sqlite.prepare(`insert into deliveries (key, schedule_id, platform, target, payload, status, nonce, next_attempt_at, due_at, created_at)
      values (?, ?, 'terminal', 'x', '{}', 'pending', 'n', 0, 0, 0)`).run(`k-${user.id}`, schedule.lastInsertRowid);
  }
}

/** Rows in any table that point at the member, directly or through one of their identities (read from foreign keys). */
function rowsAbout(member: number, identityIds: number[]): Record<string, number> {
  const sqlite = app.db.$client;
  const tables = (sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'").all() as { name: string }[]).map((t) => t.name);
  const found: Record<string, number> = {};
  for (const table of tables) {
    const columns = sqlite.pragma(`table_info("${table}")`) as { name: string }[];
    const fks = sqlite.pragma(`foreign_key_list("${table}")`) as { table: string; from: string }[];
    // A future table keyed to a member must declare the foreign key, or neither forget nor this check would see it.
    for (const c of columns.filter((c) => /(^|_)(member|identity)_id$/.test(c.name))) {
      expect(fks.some((fk) => fk.from === c.name), `${table}.${c.name} declares its foreign key`).toBe(true);
    }
    let n = 0;
    for (const fk of fks) {
      if (fk.table === 'members') n += (sqlite.prepare(`select count(*) n from "${table}" where "${fk.from}" = ?`).get(member) as { n: number }).n;
      if (fk.table === 'identities') n += (sqlite.prepare(`select count(*) n from "${table}" where "${fk.from}" in (select value from json_each(?))`).get(JSON.stringify(identityIds)) as { n: number }).n;
    }
    if (table === 'members') n += (sqlite.prepare('select count(*) n from members where id = ?').get(member) as { n: number }).n;
    if (n) found[table] = n;
  }
  return found;
}

describe('export', () => {
  it('attaches my profile, settings, identities, progress, events, notes and reminder as JSON', async () => {
    await seedBoth();
    await app.say('remind 07:45 Europe/Berlin mon-fri', ADA);
    const reply = await app.say('export', ADA);
    expect(reply.files).toHaveLength(1);
    const file = reply.files![0]!;
    expect(file).toMatchObject({ name: 'roadmap-coach-my-data.json', mime: 'application/json' });
    const data = JSON.parse(file.content);
    expect(data.profile).toMatchObject({ displayName: 'Ada' });
    expect(data.settings).toEqual({ privacy: 'anonymous', streakMode: 'daily', timeZone: 'Europe/Berlin' });
    expect(data.identities.map((i: { workspace: string }) => i.workspace)).toEqual(['local', 'other']);
    expect(data.trackChoices).toEqual([expect.objectContaining({ track: 'go' })]);
    expect(data.progress.map((p: { title: string; state: string }) => `${p.title}:${p.state}`).sort()).toEqual(['Gin:done', 'Redis:learning']);
    expect(data.events).toHaveLength(2);
    expect(data.notes).toEqual([expect.objectContaining({ text: 'cache aside', topic: expect.stringMatching(/\/redis$/) })]);
    expect(data.reminders).toEqual([expect.objectContaining({ localTime: '07:45', timeZone: 'Europe/Berlin', days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'] })]); // names, not a bit set
    expect(file.content).not.toContain('Grace');
  });
});

describe('forget', () => {
  it('asks first, with a button, and deletes nothing until confirmed', async () => {
    await seedBoth();
    const before = rowsAbout(memberId('ada'), [1]);
    const reply = await app.say('forget', ADA);
    expect(reply.buttons[0]).toEqual({ label: 'Yes, delete everything', command: 'forget confirm', style: 'danger' });
    expect(textOf(await app.say('forget please', ADA))).toContain('type `forget confirm`');
    expect(rowsAbout(memberId('ada'), [1])).toEqual(before);
  });

  it('deletes every row about me in every table, keeps everyone else\'s, and boards stop showing me', async () => {
    await seedBoth();
    await app.say('privacy show', ADA);
    await app.say('privacy show', GRACE);
    expect(textOf(await app.say('leaderboard', GRACE))).toContain('Ada');
    const ada = memberId('ada');
    const adaIdentities = (app.db.$client.prepare('select id from identities where member_id = ?').all(ada) as { id: number }[]).map((r) => r.id);
    const grace = memberId('grace');
    const graceIdentities = (app.db.$client.prepare('select id from identities where member_id = ?').all(grace) as { id: number }[]).map((r) => r.id);
    const graceBefore = rowsAbout(grace, graceIdentities);
    expect(Object.keys(rowsAbout(ada, adaIdentities)).sort()).toEqual(
      ['identities', 'link_attempts', 'link_codes', 'member_stats', 'members', 'notes', 'progress', 'progress_events', 'schedules', 'track_choices'],
    ); // and a delivery, through Ada's schedule

    const reply = await app.say('forget confirm', ADA);
    expect(reply.heading).toBe('Everything about you is deleted');
    expect(rowsAbout(ada, adaIdentities)).toEqual({});
    expect(app.db.$client.prepare("select count(*) n from deliveries where key = 'k-ada'").get()).toEqual({ n: 0 });
    expect(rowsAbout(grace, graceIdentities)).toEqual(graceBefore);

    for (const view of ['leaderboard', 'leaderboard all', 'team']) {
      const text = textOf(await app.say(view, GRACE));
      expect(text).not.toContain('Ada');
      expect(text).toContain('Grace');
    }
  });
});
