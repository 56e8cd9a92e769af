// Schedules: members' nudges and channels' digests. The ticker asks for what is due through the next_due_at index.
import { and, eq } from 'drizzle-orm';
import type { Db } from './db.ts';
import { members, schedules, workspaces } from './schema.ts';

export type ScheduleRow = typeof schedules.$inferSelect;
export type ScheduleInput = Omit<typeof schedules.$inferInsert, 'id'>;

/** A due schedule with where its messages go: the workspace's platform and the account or channel. */
export interface DueRow {
  id: number; kind: 'nudge' | 'digest'; workspaceId: number; localTime: string; timeZone: string; days: number;
  pausedUntil: number | null; nextDueAt: number; platform: string; externalId: string; target: string | null;
}

export function createScheduleStore(db: Db) {
  const sqlite = db.$client;
  const due = sqlite.prepare(`
    select s.id, s.kind, s.workspace_id workspaceId, s.local_time localTime, s.time_zone timeZone, s.days,
      s.paused_until pausedUntil, s.next_due_at nextDueAt, w.platform, w.external_id externalId,
      case s.kind when 'nudge' then i.platform_user_id else s.channel_id end target
    from schedules s join workspaces w on w.id = s.workspace_id left join identities i on i.id = s.identity_id
    where s.next_due_at <= ? order by s.next_due_at, s.id limit ?`);
  // Guarded by the due time it read: a second process that already advanced this schedule makes this a no-op.
  const advance = sqlite.prepare('update schedules set next_due_at = ? where id = ? and next_due_at = ?');
  const identity = sqlite.prepare('select id from identities where workspace_id = ? and platform_user_id = ?').pluck();
  const find = (kind: 'nudge' | 'digest', where: ReturnType<typeof eq>) =>
    db.select().from(schedules).where(and(eq(schedules.kind, kind), where)).orderBy(schedules.id).get();

  return {
    identityId: (workspaceId: number, platformUserId: string): number | undefined => identity.get(workspaceId, platformUserId) as number | undefined,
    nudgeOf: (memberId: number): ScheduleRow | undefined => find('nudge', eq(schedules.memberId, memberId)),
    digestOf: (workspaceId: number): ScheduleRow | undefined => find('digest', eq(schedules.workspaceId, workspaceId)),
    byId: (id: number): ScheduleRow | undefined => db.select().from(schedules).where(eq(schedules.id, id)).get(),

    /** Creates or replaces the member's nudge (or the workspace's digest): one of each. */
    save(input: ScheduleInput): ScheduleRow {
      const found = input.kind === 'nudge' ? find('nudge', eq(schedules.memberId, input.memberId!)) : find('digest', eq(schedules.workspaceId, input.workspaceId));
      if (!found) return db.insert(schedules).values(input).returning().get();
      const { createdAt: _keep, ...changes } = input;
      return db.update(schedules).set(changes).where(eq(schedules.id, found.id)).returning().get();
    },
    update(id: number, changes: Partial<ScheduleInput>): ScheduleRow {
      return db.update(schedules).set(changes).where(eq(schedules.id, id)).returning().get();
    },

    due: (now: number, limit: number): DueRow[] => due.all(now, limit) as DueRow[],
    advance: (id: number, from: number, to: number | null): boolean => advance.run(to, id, from).changes > 0,

    /** What composing a message needs: the schedule, its workspace and its member (a digest's: who set it). */
    context(id: number) {
      return db.select({ schedule: schedules, workspace: workspaces, member: members }).from(schedules)
        .innerJoin(workspaces, eq(workspaces.id, schedules.workspaceId)).leftJoin(members, eq(members.id, schedules.memberId))
        .where(eq(schedules.id, id)).get();
    },

    /** A delivery went out: the failure run ends. */
    succeeded(id: number): void {
      sqlite.prepare('update schedules set consecutive_failures = 0 where id = ? and consecutive_failures <> 0').run(id);
    },
    /** A delivery failed for good; at `limit` in a row the schedule pauses and keeps why, to tell the member. */
    failed(id: number, reason: string, limit: number): boolean {
      const row = sqlite.prepare('update schedules set consecutive_failures = consecutive_failures + 1 where id = ? returning consecutive_failures n').get(id) as { n: number } | undefined;
      if (!row || row.n < limit) return false;
      sqlite.prepare('update schedules set next_due_at = null, paused_reason = ? where id = ?').run(reason, id);
      return true;
    },
    /** The reason a member's nudge paused itself, once: reading it clears it (the failure count stays as the mark). */
    takePausedReason(memberId: number): string | undefined {
      const found = sqlite.prepare("select id, paused_reason r from schedules where member_id = ? and kind = 'nudge' and paused_reason is not null").get(memberId) as { id: number; r: string } | undefined;
      if (!found) return undefined;
      sqlite.prepare('update schedules set paused_reason = null where id = ?').run(found.id);
      return found.r;
    },
  };
}
