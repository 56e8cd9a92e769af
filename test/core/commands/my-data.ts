// The data `export` and `forget` work on: two members with one of everything, and every row about a member.
import { expect } from 'vitest';
import type { TestApp } from '../../helpers.ts';

export const ADA = { id: 'ada', displayName: 'Ada' };
export const GRACE = { id: 'grace', displayName: 'Grace' };
export const memberId = (app: TestApp, userId: string) =>
  (
    app.sqlite.prepare('select member_id id from identities where platform_user_id = ?').get(userId) as {
      id: number;
    }
  ).id;

/** Ada and Grace each with progress, events, a note, a track,
 *  settings, a second identity, link codes and a schedule. */
export async function seedBoth(app: TestApp) {
  for (const user of [ADA, GRACE]) {
    for (const text of [
      'track go',
      'done gin',
      'start redis',
      'note redis cache aside',
      'privacy anonymous',
      'timezone Europe/Berlin',
    ]) {
      await app.say(text, user);
    }
    await app.say('help', { ...user, workspace: 'other' }); // an identity in a second workspace…
    const sqlite = app.sqlite;
    const [home, away] = sqlite
      .prepare('select id, member_id from identities where platform_user_id = ? order by id')
      .all(user.id) as { id: number; member_id: number }[];
    // …linked to the same member
    sqlite.prepare('update identities set member_id = ? where id = ?').run(home!.member_id, away!.id);
    sqlite.prepare('delete from members where id = ?').run(away!.member_id);
    await app.q.links.issueCode(home!.id, app.clock.now().getTime(), 600_000);
    await app.q.links.recordFailure(away!.id, app.clock.now().getTime());
    const schedule = sqlite
      .prepare(`insert into schedules (kind, workspace_id, member_id, identity_id, local_time, time_zone, days,
        created_at)
      values ('nudge', 1, ?, ?, '09:00', 'UTC', 127, 0)`)
      .run(home!.member_id, home!.id);
    sqlite
      .prepare(`insert into deliveries (key, schedule_id, platform, target, payload, status, nonce, next_attempt_at,
        due_at, created_at)
      values (?, ?, 'terminal', 'x', '{}', 'pending', 'n', 0, 0, 0)`)
      .run(`k-${user.id}`, schedule.lastInsertRowid);
  }
}

/** Rows in any table that point at the member, directly or through one of their identities (read from foreign keys). */
export function rowsAbout(app: TestApp, member: number, identityIds: number[]): Record<string, number> {
  const sqlite = app.sqlite;
  const tables = (
    sqlite
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like " +
          "'__drizzle%'",
      )
      .all() as { name: string }[]
  ).map((t) => t.name);
  const found: Record<string, number> = {};
  for (const table of tables) {
    const columns = sqlite.pragma(`table_info("${table}")`) as { name: string }[];
    const fks = sqlite.pragma(`foreign_key_list("${table}")`) as { table: string; from: string }[];
    // A future table keyed to a member must declare the foreign key, or neither forget nor this check would see it.
    for (const c of columns.filter((c) => /(^|_)(member|identity)_id$/.test(c.name))) {
      expect(
        fks.some((fk) => fk.from === c.name),
        `${table}.${c.name} declares its foreign key`,
      ).toBe(true);
    }
    let n = 0;
    for (const fk of fks) {
      if (fk.table === 'members')
        n += (sqlite.prepare(`select count(*) n from "${table}" where "${fk.from}" = ?`).get(member) as { n: number })
          .n;
      if (fk.table === 'identities')
        n += (
          sqlite
            .prepare(`select count(*) n from "${table}" where "${fk.from}" in (select value from json_each(?))`)
            .get(JSON.stringify(identityIds)) as { n: number }
        ).n;
    }
    if (table === 'members')
      n += (sqlite.prepare('select count(*) n from members where id = ?').get(member) as { n: number }).n;
    if (n) found[table] = n;
  }
  return found;
}
