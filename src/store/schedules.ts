// Schedules: members' nudges and channels' digests. The ticker asks for what is due through the next_due_at index.
import { and, eq } from 'drizzle-orm';
import type { Db } from './db.ts';
import { members, schedules, workspaces } from './schema.ts';

export type ScheduleRow = typeof schedules.$inferSelect;
export type ScheduleInput = Omit<typeof schedules.$inferInsert, 'id'>;

/** Due schedules that share recurrence, due instant, workspace, kind and snooze, as the tick reads them: whatever it
 *  decides for one it decides for all. ids is a JSON array, handed back as is to the statements that write them. */
export interface DueGroupRow {
  kind: 'nudge' | 'digest';
  workspaceId: number;
  localTime: string;
  timeZone: string;
  days: number;
  pausedUntil: number | null;
  nextDueAt: number;
  ids: string;
  n: number;
}

export function createScheduleStore(db: Db) {
  const sqlite = db.$client;
  // The first `limit` due schedules (straight off the next_due_at index, no joins), grouped in SQL: a 100,000-row
  // fan-out shares a handful of zones and times, so the tick gets a few rows per batch instead of one per schedule.
  const due = sqlite.prepare(`
    select kind, workspace_id workspaceId, local_time localTime, time_zone timeZone, days, paused_until pausedUntil,
      next_due_at nextDueAt, json_group_array(id) ids, count(*) n
    from (select id, kind, workspace_id, local_time, time_zone, days, paused_until, next_due_at from schedules
      where next_due_at <= ? order by next_due_at, id limit ?)
    group by next_due_at, time_zone, local_time, days, workspace_id, kind, paused_until
    order by min(id)`);
  // Guarded by the due time it read: a second process that already advanced this schedule makes this a no-op.
  const advance = sqlite.prepare('update schedules set next_due_at = ? where id = ? and next_due_at = ?');
  const advanceMany = sqlite.prepare(
    'update schedules set next_due_at = ? where id in (select value from json_each(?)) and next_due_at = ?',
  );
  const keep = sqlite.prepare(
    "update schedules set channel_id = ? where id = ? and kind = 'nudge' and channel_id is not ?",
  );
  const forget = sqlite.prepare(
    "update schedules set channel_id = null where id = ? and kind = 'nudge' and channel_id = ?",
  );
  // Prepared once: succeeded() runs after every send of a fan-out, and preparing costs more than the update.
  const succeeded = sqlite.prepare(
    'update schedules set consecutive_failures = 0 where id = ? and consecutive_failures <> 0',
  );
  const failedOnce = sqlite.prepare(
    'update schedules set consecutive_failures = consecutive_failures + 1 where id = ? returning ' +
      'consecutive_failures n',
  );
  const pause = sqlite.prepare('update schedules set next_due_at = null, paused_reason = ? where id = ?');
  const identity = sqlite.prepare('select id from identities where workspace_id = ? and platform_user_id = ?').pluck();
  // Asked on every command (the core tells a member once that their
  // nudges paused): prepared once, and indexed by member.
  const pausedOf = sqlite.prepare(
    "select id, paused_reason r from schedules where member_id = ? and kind = 'nudge' and paused_reason is not null",
  );
  const unpause = sqlite.prepare('update schedules set paused_reason = null where id = ?');
  const awaitingChannel = sqlite.prepare(`
    select s.id, w.external_id workspaceId, i.platform_user_id userId
      from schedules s indexed by schedules_awaiting_channel
    join workspaces w on w.id = s.workspace_id join identities i on i.id = s.identity_id
    where s.kind = 'nudge' and s.channel_id is null and s.next_due_at is not null and w.platform = ?
      and s.id not in (select value from json_each(?))
    order by s.next_due_at limit ?`);
  const find = (kind: 'nudge' | 'digest', where: ReturnType<typeof eq>) =>
    db
      .select()
      .from(schedules)
      .where(and(eq(schedules.kind, kind), where))
      .orderBy(schedules.id)
      .get();

  return {
    identityId: (workspaceId: number, platformUserId: string): number | undefined =>
      identity.get(workspaceId, platformUserId) as number | undefined,
    nudgeOf: (memberId: number): ScheduleRow | undefined => find('nudge', eq(schedules.memberId, memberId)),
    digestOf: (workspaceId: number): ScheduleRow | undefined => find('digest', eq(schedules.workspaceId, workspaceId)),
    byId: (id: number): ScheduleRow | undefined => db.select().from(schedules).where(eq(schedules.id, id)).get(),

    /** Creates or replaces the member's nudge (or the workspace's digest): one of each. */
    save(input: ScheduleInput): ScheduleRow {
      const found =
        input.kind === 'nudge'
          ? find('nudge', eq(schedules.memberId, input.memberId!))
          : find('digest', eq(schedules.workspaceId, input.workspaceId));
      if (!found) return db.insert(schedules).values(input).returning().get();
      const { createdAt: _keep, ...changes } = input;
      // A nudge re-set for the same account keeps its DM channel: opening it again is what the kept id saves.
      if (input.kind === 'nudge' && !input.channelId && found.identityId === input.identityId)
        changes.channelId = found.channelId;
      return db.update(schedules).set(changes).where(eq(schedules.id, found.id)).returning().get();
    },
    update(id: number, changes: Partial<ScheduleInput>): ScheduleRow {
      return db.update(schedules).set(changes).where(eq(schedules.id, id)).returning().get();
    },

    due: (now: number, limit: number): DueGroupRow[] => due.all(now, limit) as DueGroupRow[],
    advance: (id: number, from: number, to: number | null): boolean => advance.run(to, id, from).changes > 0,
    /** advance() for many schedules (ids: a JSON array) that were all due at `from`: one statement, not one per row. */
    advanceMany: (ids: string, from: number, to: number | null): number => advanceMany.run(to, ids, from).changes,
    /** A nudge's DM channel, opened ahead or by its first send: nudges go straight to it (opening is rate-limited). */
    keepChannel: (id: number, channelId: string): void => void keep.run(channelId, id, channelId),
    /** Nudges on a platform whose DM channel is not open yet, the soonest due first, leaving out `except` (ids). */
    awaitingChannel(
      platform: string,
      limit: number,
      except: readonly number[] = [],
    ): { id: number; workspaceId: string; userId: string }[] {
      return awaitingChannel.all(platform, JSON.stringify(except), limit) as {
        id: number;
        workspaceId: string;
        userId: string;
      }[];
    },
    /** The kept DM channel was refused for good: forget it, so the next nudge opens a fresh one. */
    forgetChannel: (id: number, channelId: string): void => void forget.run(id, channelId),

    /** What composing a message needs: the schedule, its workspace and its member (a digest's: who set it). */
    context(id: number) {
      return db
        .select({ schedule: schedules, workspace: workspaces, member: members })
        .from(schedules)
        .innerJoin(workspaces, eq(workspaces.id, schedules.workspaceId))
        .leftJoin(members, eq(members.id, schedules.memberId))
        .where(eq(schedules.id, id))
        .get();
    },

    /** A delivery went out: the failure run ends. */
    succeeded(id: number): void {
      succeeded.run(id);
    },
    /** A delivery failed for good; at `limit` in a row the schedule pauses and keeps why, to tell the member. */
    failed(id: number, reason: string, limit: number): boolean {
      const row = failedOnce.get(id) as { n: number } | undefined;
      if (!row || row.n < limit) return false;
      pause.run(reason, id);
      return true;
    },
    /** The reason a member's nudge paused itself, once: reading it clears it (the failure count stays as the mark). */
    takePausedReason(memberId: number): string | undefined {
      const found = pausedOf.get(memberId) as { id: number; r: string } | undefined;
      if (!found) return undefined;
      unpause.run(found.id);
      return found.r;
    },
  };
}
