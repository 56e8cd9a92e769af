// A member's own data: everything about them as one object (export), and deleting all of it (forget).
import type Database from 'better-sqlite3';
import type { Db } from './db.ts';

type Rows = Record<string, unknown>[];

export interface MemberData {
  profile: Record<string, unknown>;
  identities: Rows;
  trackChoices: Rows;
  progress: Rows;
  events: Rows;
  notes: Rows;
  reminders: Rows;
}

export function createMemberDataStore(db: Db) {
  const sqlite = db.$client;
  const all = (sql: string, memberId: number) => sqlite.prepare(sql).all({ memberId }) as Rows;
  return {
    exportOf(memberId: number): MemberData {
      const profile = sqlite
        .prepare(`select display_name displayName, time_zone timeZone, privacy, streak_mode streakMode,
        created_at createdAt from members where id = @memberId`)
        .get({ memberId }) as Record<string, unknown>;
      return {
        profile,
        identities: all(
          `select w.platform, w.external_id workspace, w.name workspaceName, i.platform_user_id userId,
          i.display_name displayName, i.created_at createdAt from identities i
            join workspaces w on w.id = i.workspace_id
          where i.member_id = @memberId order by i.id`,
          memberId,
        ),
        trackChoices: all(
          `select roadmap_id roadmap, section_slug section, group_slug track, chosen_at chosenAt
          from track_choices where member_id = @memberId`,
          memberId,
        ),
        progress: all(
          `select t.path topic, t.title, p.state, p.updated_at updatedAt from progress p
            join topics t on t.id = p.topic_id
          where p.member_id = @memberId order by t.position`,
          memberId,
        ),
        events: all(
          `select t.path topic, e.from_state fromState, e.to_state toState, e.at from progress_events e
          join topics t on t.id = e.topic_id where e.member_id = @memberId order by e.at, e.id`,
          memberId,
        ),
        notes: all(
          `select t.path topic, n.text, n.created_at createdAt from notes n join topics t on t.id = n.topic_id
          where n.member_id = @memberId order by n.created_at desc, n.id desc`,
          memberId,
        ),
        reminders: all(
          `select local_time localTime, time_zone timeZone, days, paused_until pausedUntil, paused_reason pausedReason,
          next_due_at nextDueAt, created_at createdAt from schedules where member_id = @memberId and kind = 'nudge'`,
          memberId,
        ),
      };
    },

    /**
     * Deletes the member and every row that points at them, directly or through another row (identities → link
     * codes). The tables are read from the schema's foreign keys, so a table added later is purged without anyone
     * remembering to list it here; with foreign keys enforced, a row left pointing at the member fails the delete.
     * Returns rows deleted per table. Run it inside the caller's transaction.
     */
    forget(memberId: number): Record<string, number> {
      const deleted: Record<string, number> = {};
      purge(sqlite, 'members', 'id', [memberId], deleted, 0);
      return deleted;
    },
  };
}

interface ForeignKey {
  table: string;
  from: string;
  to: string;
}

function referencing(sqlite: Database.Database, parent: string): ForeignKey[] {
  const tables = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
    .all() as { name: string }[];
  return tables.flatMap(({ name }) =>
    (sqlite.pragma(`foreign_key_list("${name}")`) as { table: string; from: string; to: string | null }[])
      .filter((fk) => fk.table === parent)
      .map((fk) => ({ table: name, from: fk.from, to: fk.to ?? 'rowid' })),
  );
}

function purge(
  sqlite: Database.Database,
  table: string,
  column: string,
  keys: unknown[],
  deleted: Record<string, number>,
  depth: number,
): void {
  if (keys.length === 0) return;
  if (depth > 8) throw new Error(`forget: foreign keys nest deeper than expected at ${table}`);
  const match = `"${column}" in (select value from json_each(@keys))`;
  const json = JSON.stringify(keys);
  for (const fk of referencing(sqlite, table)) {
    // Children first: the rows that point at the ones about to go.
    const parents = (
      sqlite.prepare(`select distinct "${fk.to}" k from "${table}" where ${match}`).all({ keys: json }) as {
        k: unknown;
      }[]
    ).map((r) => r.k);
    purge(sqlite, fk.table, fk.from, parents, deleted, depth + 1);
  }
  const { changes } = sqlite.prepare(`delete from "${table}" where ${match}`).run({ keys: json });
  deleted[table] = (deleted[table] ?? 0) + changes;
}
