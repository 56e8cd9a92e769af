// The data `export` and `forget` work on: two members with one of everything, and every row about a member.
import { expect } from 'vitest';
import { columnNames, foreignKeys, integersOf, tableNames } from '../../../src/store/sql/fragments.ts';
import type { TestApp } from '../../helpers.ts';

export const ADA = { id: 'ada', displayName: 'Ada' };
export const GRACE = { id: 'grace', displayName: 'Grace' };
export const memberId = async (app: TestApp, userId: string) =>
  (await app.sql.value<number>('select member_id from identities where platform_user_id = @userId', { userId }))!;

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
    const [home, away] = (await app.sql.all(
      'select id, member_id from identities where platform_user_id = @userId order by id',
      { userId: user.id },
    )) as { id: number; member_id: number }[];
    // …linked to the same member
    await app.sql.run('update identities set member_id = @member where id = @id', {
      member: home!.member_id,
      id: away!.id,
    });
    await app.sql.run('delete from members where id = @id', { id: away!.member_id });
    await app.q.links.issueCode(home!.id, app.clock.now().getTime(), 600_000);
    await app.q.links.recordFailure(away!.id, app.clock.now().getTime());
    const schedule = await app.sql.value<number>(
      `insert into schedules (kind, workspace_id, member_id, identity_id, local_time, time_zone, days, created_at)
      values ('nudge', 1, @member, @identity, '09:00', 'UTC', 127, 0) returning id`,
      { member: home!.member_id, identity: home!.id },
    );
    await app.sql.run(
      `insert into deliveries (key, schedule_id, platform, target, payload, status, nonce, next_attempt_at, due_at,
        created_at)
      values (@key, @schedule, 'terminal', 'x', '{}', 'pending', 'n', 0, 0, 0)`,
      { key: `k-${user.id}`, schedule },
    );
  }
}

/** Rows in any table that point at the member, directly or through one of their identities (read from foreign keys). */
export function rowsAbout(app: TestApp, member: number, identityIds: number[]): Promise<Record<string, number>> {
  return app.database.transaction(async (r) => {
    const tables = (await r.all<{ name: string }>(tableNames(r.dialect)))
      .map((t) => t.name)
      .filter((name) => !name.startsWith('__drizzle'));
    const keys = await r.all<{ table: string; from: string; parent: string }>(foreignKeys(r.dialect));
    const count = async (sql: string, params: Record<string, unknown>) => (await r.get<{ n: number }>(sql, params))!.n;
    const found: Record<string, number> = {};
    for (const table of tables) {
      const columns = await r.all<{ name: string }>(columnNames(r.dialect), { table });
      const fks = keys.filter((fk) => fk.table === table);
      // A future table keyed to a member must declare the foreign key, or neither forget nor this check would see it.
      for (const c of columns.filter((c) => /(^|_)(member|identity)_id$/.test(c.name))) {
        expect(
          fks.some((fk) => fk.from === c.name),
          `${table}.${c.name} declares its foreign key`,
        ).toBe(true);
      }
      let n = 0;
      for (const fk of fks) {
        if (fk.parent === 'members')
          n += await count(`select count(*) as "n" from "${table}" where "${fk.from}" = @member`, { member });
        if (fk.parent === 'identities')
          n += await count(
            `select count(*) as "n" from "${table}" where "${fk.from}" in (${integersOf(r.dialect, '@ids')})`,
            {
              ids: JSON.stringify(identityIds),
            },
          );
      }
      if (table === 'members') n += await count('select count(*) as "n" from members where id = @member', { member });
      if (n) found[table] = n;
    }
    return found;
  });
}
