// A member's own data: everything about them as one object (export), and deleting all of it (forget).
import type { MemberData, MemberDataQueries } from '../port.ts';
import type { Runner } from '../sql/database.ts';
import { foreignKeys, integersOf } from '../sql/fragments.ts';

type Rows = Record<string, unknown>[];

const PROFILE = `select display_name as "displayName", time_zone as "timeZone", privacy as "privacy",
  streak_mode as "streakMode", created_at as "createdAt" from members where id = @memberId`;
const IDENTITIES = `select w.platform as "platform", w.external_id as "workspace", w.name as "workspaceName",
    i.platform_user_id as "userId", i.display_name as "displayName", i.created_at as "createdAt"
  from identities i join workspaces w on w.id = i.workspace_id
  where i.member_id = @memberId order by i.id`;
const TRACKS = `select roadmap_id as "roadmap", section_slug as "section", group_slug as "track", chosen_at as "chosenAt"
  from track_choices where member_id = @memberId`;
const PROGRESS = `select t.path as "topic", t.title as "title", p.state as "state", p.updated_at as "updatedAt"
  from progress p join topics t on t.id = p.topic_id
  where p.member_id = @memberId order by t.position`;
const EVENTS = `select t.path as "topic", e.from_state as "fromState", e.to_state as "toState", e.at as "at"
  from progress_events e join topics t on t.id = e.topic_id where e.member_id = @memberId order by e.at, e.id`;
const NOTES = `select t.path as "topic", n.text as "text", n.created_at as "createdAt"
  from notes n join topics t on t.id = n.topic_id
  where n.member_id = @memberId order by n.created_at desc, n.id desc`;
const REMINDERS = `select local_time as "localTime", time_zone as "timeZone", days as "days",
    paused_until as "pausedUntil", paused_reason as "pausedReason", next_due_at as "nextDueAt",
    created_at as "createdAt"
  from schedules where member_id = @memberId and kind = 'nudge'`;

const REVIEW_CARDS = `select t.path as "topic", c.due_at as "dueAt", c.stability as "stability",
    c.difficulty as "difficulty", c.elapsed_days as "elapsedDays", c.scheduled_days as "scheduledDays",
    c.learning_steps as "learningSteps", c.reps as "reps", c.lapses as "lapses", c.state as "state",
    c.last_review_at as "lastReviewAt", c.created_at as "createdAt"
  from review_cards c join topics t on t.id = c.topic_id where c.member_id = @memberId order by t.position`;
const REVIEW_LOGS = `select t.path as "topic", l.rating as "rating", l.state as "state", l.due_at as "dueAt",
    l.stability as "stability", l.difficulty as "difficulty", l.elapsed_days as "elapsedDays",
    l.last_elapsed_days as "lastElapsedDays", l.scheduled_days as "scheduledDays",
    l.learning_steps as "learningSteps", l.reviewed_at as "reviewedAt"
  from review_logs l join review_cards c on c.id = l.card_id join topics t on t.id = c.topic_id
  where c.member_id = @memberId order by l.reviewed_at, l.id`;

interface ForeignKey {
  table: string;
  from: string;
  to: string;
  parent: string;
}

export function memberDataQueries(r: Runner): MemberDataQueries {
  async function purge(
    fks: ForeignKey[],
    table: string,
    column: string,
    keys: unknown[],
    deleted: Record<string, number>,
    depth: number,
  ): Promise<void> {
    if (keys.length === 0) return;
    if (depth > 8) throw new Error(`forget: foreign keys nest deeper than expected at ${table}`);
    // Every key of this schema is an integer id.
    const match = `"${column}" in (${integersOf(r.dialect, '@keys')})`;
    const json = JSON.stringify(keys);
    for (const fk of fks.filter((f) => f.parent === table)) {
      // Children first: the rows that point at the ones about to go.
      const parents = (
        await r.all<{ k: unknown }>(`select distinct "${fk.to}" as "k" from "${table}" where ${match}`, {
          keys: json,
        })
      ).map((x) => x.k);
      await purge(fks, fk.table, fk.from, parents, deleted, depth + 1);
    }
    const { changes } = await r.run(`delete from "${table}" where ${match}`, { keys: json });
    deleted[table] = (deleted[table] ?? 0) + changes;
  }

  return {
    async exportOf(memberId): Promise<MemberData> {
      const all = (sql: string) => r.all<Record<string, unknown>>(sql, { memberId }) as Promise<Rows>;
      return {
        profile: (await r.get<Record<string, unknown>>(PROFILE, { memberId }))!,
        identities: await all(IDENTITIES),
        trackChoices: await all(TRACKS),
        progress: await all(PROGRESS),
        events: await all(EVENTS),
        notes: await all(NOTES),
        reminders: await all(REMINDERS),
        reviewCards: await all(REVIEW_CARDS),
        reviewLogs: await all(REVIEW_LOGS),
      };
    },

    /**
     * Deletes the member and every row that points at them, directly or through another row (identities → link
     * codes). The tables are read from the schema's foreign keys, so a table added later is purged without anyone
     * remembering to list it here; with foreign keys enforced, a row left pointing at the member fails the delete.
     */
    async forget(memberId) {
      const fks = await r.all<ForeignKey>(foreignKeys(r.dialect));
      const deleted: Record<string, number> = {};
      await purge(fks, 'members', 'id', [memberId], deleted, 0);
      return deleted;
    },
  };
}
