// Schedules: members' nudges and channels' digests. The ticker asks for what is due through the next_due_at index.
import type {
  DueGroupRow,
  MemberRow,
  ScheduleContext,
  ScheduleInput,
  ScheduleQueries,
  ScheduleRow,
  WorkspaceRow,
} from '../port.ts';
import type { Runner } from '../sql/database.ts';
import { indexedBy, integersOf, isDistinct, jsonArrayAgg } from '../sql/fragments.ts';
import { memberColumns, SCHEDULE, scheduleColumns, toWorkspace, workspaceColumns } from './columns.ts';

const ALL = scheduleColumns();
const FIND_NUDGE = `select ${ALL} from schedules where kind = 'nudge' and member_id = @memberId order by id limit 1`;
const FIND_DIGEST = `select ${ALL} from schedules where kind = 'digest' and workspace_id = @workspaceId order by id
  limit 1`;
const BY_ID = `select ${ALL} from schedules where id = @id`;
const IDENTITY = 'select id as "id" from identities where workspace_id = @workspaceId and platform_user_id = @userId';
const ADVANCE = 'update schedules set next_due_at = @to where id = @id and next_due_at = @from';
const SUCCEEDED = 'update schedules set consecutive_failures = 0 where id = @id and consecutive_failures <> 0';
const FAILED_ONCE = `update schedules set consecutive_failures = consecutive_failures + 1 where id = @id
  returning consecutive_failures as "n"`;
const PAUSE = 'update schedules set next_due_at = null, paused_reason = @reason where id = @id';
// Asked on every command (the core tells a member once that their nudges paused): indexed by member.
const PAUSED_OF = `select id as "id", paused_reason as "r" from schedules where member_id = @memberId and kind = 'nudge'
  and paused_reason is not null`;
const UNPAUSE = 'update schedules set paused_reason = null where id = @id';
const FORGET_CHANNEL =
  "update schedules set channel_id = null where id = @id and kind = 'nudge' and channel_id = @channelId";
const CONTEXT = `select ${scheduleColumns('s')} from schedules s where s.id = @id`;
const WORKSPACE = `select ${workspaceColumns()} from workspaces where id = @id`;
const MEMBER = `select ${memberColumns()} from members where id = @id`;

const INSERT_COLUMNS = Object.keys(SCHEDULE).filter((k) => k !== 'id');
const DEFAULTS: Partial<ScheduleInput> = {
  memberId: null,
  identityId: null,
  channelId: null,
  pausedUntil: null,
  pausedReason: null,
  consecutiveFailures: 0,
  nextDueAt: null,
};
const INSERT = `insert into schedules (${INSERT_COLUMNS.map((k) => SCHEDULE[k as keyof typeof SCHEDULE]).join(', ')})
  values (${INSERT_COLUMNS.map((k) => `@${k}`).join(', ')}) returning ${ALL}`;

/** `update schedules set …` for the fields present (undefined: left alone), returning the row. */
function updateSql(changes: Partial<ScheduleInput>): string | undefined {
  const set = Object.keys(changes)
    .filter((k) => k !== 'id' && changes[k as keyof ScheduleInput] !== undefined && k in SCHEDULE)
    .map((k) => `${SCHEDULE[k as keyof typeof SCHEDULE]} = @${k}`)
    .join(', ');
  return set ? `update schedules set ${set} where id = @id returning ${ALL}` : undefined;
}

export function scheduleQueries(r: Runner): ScheduleQueries {
  const d = r.dialect;
  const update = async (id: number, changes: Partial<ScheduleInput>): Promise<ScheduleRow> =>
    (await r.get<ScheduleRow>(updateSql(changes) ?? BY_ID, { ...changes, id }))!;
  return {
    identityId: async (workspaceId, platformUserId) =>
      (await r.get<{ id: number }>(IDENTITY, { workspaceId, userId: platformUserId }))?.id,
    nudgeOf: (memberId) => r.get<ScheduleRow>(FIND_NUDGE, { memberId }),
    digestOf: (workspaceId) => r.get<ScheduleRow>(FIND_DIGEST, { workspaceId }),
    byId: (id) => r.get<ScheduleRow>(BY_ID, { id }),

    async save(input) {
      const found =
        input.kind === 'nudge'
          ? await r.get<ScheduleRow>(FIND_NUDGE, { memberId: input.memberId })
          : await r.get<ScheduleRow>(FIND_DIGEST, { workspaceId: input.workspaceId });
      if (!found) return (await r.get<ScheduleRow>(INSERT, { ...DEFAULTS, ...input }))!;
      const { createdAt: _keep, ...changes } = input;
      // A nudge re-set for the same account keeps its DM channel: opening it again is what the kept id saves.
      if (input.kind === 'nudge' && !input.channelId && found.identityId === input.identityId)
        changes.channelId = found.channelId;
      return update(found.id, changes);
    },
    update,

    // The first `limit` due schedules (straight off the next_due_at index, no joins), grouped in SQL: a 100,000-row
    // fan-out shares a handful of zones and times, so the tick gets a few rows per batch instead of one per schedule.
    due: (now, limit) =>
      r.all<DueGroupRow>(
        `select kind as "kind", workspace_id as "workspaceId", local_time as "localTime", time_zone as "timeZone",
          days as "days", paused_until as "pausedUntil", next_due_at as "nextDueAt", ${jsonArrayAgg(d, 'id')} as "ids",
          count(*) as "n"
        from (select id, kind, workspace_id, local_time, time_zone, days, paused_until, next_due_at from schedules
          where next_due_at <= @now order by next_due_at, id limit @limit) due
        group by next_due_at, time_zone, local_time, days, workspace_id, kind, paused_until
        order by min(id)`,
        { now, limit },
      ),
    // Guarded by the due time it read: a second process that already advanced this schedule makes this a no-op.
    advance: async (id, from, to) => (await r.run(ADVANCE, { id, from, to })).changes > 0,
    advanceMany: async (ids, from, to) =>
      (
        await r.run(
          `update schedules set next_due_at = @to where id in (${integersOf(d, '@ids')}) and next_due_at = @from`,
          { ids, from, to },
        )
      ).changes,
    async keepChannel(id, channelId) {
      await r.run(
        `update schedules set channel_id = @channelId where id = @id and kind = 'nudge'
          and ${isDistinct(d, 'channel_id', '@channelId')}`,
        { id, channelId },
      );
    },
    awaitingChannel: (platform, limit, except = []) =>
      r.all(
        `select s.id as "id", w.external_id as "workspaceId", i.platform_user_id as "userId"
          from schedules s ${indexedBy(d, 'schedules_awaiting_channel')}
        join workspaces w on w.id = s.workspace_id join identities i on i.id = s.identity_id
        where s.kind = 'nudge' and s.channel_id is null and s.next_due_at is not null and w.platform = @platform
          and s.id not in (${integersOf(d, '@except')})
        order by s.next_due_at limit @limit`,
        { platform, except: JSON.stringify(except), limit },
      ),
    async forgetChannel(id, channelId) {
      await r.run(FORGET_CHANNEL, { id, channelId });
    },

    async context(id): Promise<ScheduleContext | undefined> {
      const schedule = await r.get<ScheduleRow>(CONTEXT, { id });
      if (!schedule) return undefined;
      const workspace = await r.get<WorkspaceRow>(WORKSPACE, { id: schedule.workspaceId });
      if (!workspace) return undefined;
      const member = schedule.memberId === null ? undefined : await r.get<MemberRow>(MEMBER, { id: schedule.memberId });
      return { schedule, workspace: toWorkspace(workspace), member: member ?? null };
    },

    async succeeded(id) {
      await r.run(SUCCEEDED, { id });
    },
    async failed(id, reason, limit) {
      const row = await r.get<{ n: number }>(FAILED_ONCE, { id });
      if (!row || row.n < limit) return false;
      await r.run(PAUSE, { reason, id });
      return true;
    },
    async takePausedReason(memberId) {
      const found = await r.get<{ id: number; r: string }>(PAUSED_OF, { memberId });
      if (!found) return undefined;
      await r.run(UNPAUSE, { id: found.id });
      return found.r;
    },
  };
}
