// The dashboard's aggregates, each scoped to one workspace: finished topics per local week, the per-section funnel,
// headcounts, one page of the member table, and the outbox's outcomes per local day. Plain SQL over the indexes the
// boards and the outbox already use; local days come from the zone's offsets (localDaySql), as on boards.

import { localDaySql, type OffsetSegment } from './day-sql.ts';
import type { Db } from './db.ts';

export interface DashboardWorkspace {
  id: number;
  name: string | null;
  timeZone: string;
  roadmapId: string;
  platform: string;
  externalId: string;
}

export interface DashboardMember {
  memberId: number;
  name: string;
  privacy: 'show' | 'anonymous' | 'hide';
  done: number;
  lastActivity: number | null;
  timeZone: string | null;
  streakMode: 'daily' | 'weekdays';
}

export interface DeliveryDayRow {
  day: number; // days since 1970-01-01 in the workspace's zone
  kind: 'nudge' | 'digest';
  sent: number;
  retried: number;
  failed: number;
}

export interface PausedRow {
  kind: 'nudge' | 'digest';
  memberId: number | null;
  name: string | null; // the nudged member's name in this workspace
  privacy: DashboardMember['privacy'] | null;
  channelId: string | null;
  reason: string;
  since: number;
}

const IN_WS = 'select member_id from identities where workspace_id = @ws';
const NAME = `(select display_name from identities n where n.member_id = m.id and n.workspace_id = @ws
  order by n.id limit 1)`;
const MEMBER_COLUMNS = `m.id memberId, ${NAME} name, m.privacy, coalesce(s.done_count, 0) done,
  s.last_progress_at lastActivity, m.time_zone timeZone, m.streak_mode streakMode`;
// Whom the viewer may list: everyone but hidden members, and always themselves.
const LISTED = `(m.privacy <> 'hide' or m.id = @viewer)`;
// The table's orders: by topics finished (member_stats, kept by triggers) or by the latest progress event; never
// active members count as the least recent. Ties by member id, so pages neither repeat nor skip anyone.
const ORDERS = {
  'progress-desc': 'done desc, m.id',
  'progress-asc': 'done asc, m.id',
  'activity-desc': 'coalesce(s.last_progress_at, -1) desc, m.id',
  'activity-asc': 'coalesce(s.last_progress_at, -1) asc, m.id',
} as const;
export type DashboardOrder = keyof typeof ORDERS;

export function createDashboardDataStore(db: Db) {
  const sqlite = db.$client;
  const workspace = sqlite.prepare(`select id, name, time_zone timeZone, roadmap_id roadmapId, platform,
    external_id externalId from workspaces where id = ?`);
  const headcount = sqlite.prepare(`select count(*) total,
      count(case when s.last_progress_at >= @since then 1 end) active
    from members m left join member_stats s on s.member_id = m.id where m.id in (${IN_WS})`);
  // Members who reached a section (any topic in it learning or done), and who finished it: every topic of the
  // section done, or in a pick-one section every topic of one group. @topics maps each live topic's id to its
  // section, its group key and how many topics finish that group: one pass over the members' progress rows.
  const funnel = sqlite.prepare(`with z as materialized (
      select cast(key as integer) topic_id, json_extract(value, '$[0]') section, json_extract(value, '$[1]') grp,
        json_extract(value, '$[2]') n from json_each(@topics)),
    per as (
      select p.member_id, z.section, z.n, sum(p.state = 'done') done
      from progress p join z on z.topic_id = p.topic_id
      where p.member_id in (${IN_WS}) and p.state <> 'skipped'
      group by p.member_id, z.section, z.grp)
    select section, count(distinct member_id) reached, count(distinct case when done >= n then member_id end) finished
    from per group by section`);
  const member = sqlite.prepare(`select ${MEMBER_COLUMNS}
    from members m left join member_stats s on s.member_id = m.id where m.id = @id and m.id in (${IN_WS})`);
  const listed = sqlite.prepare(`select count(*) from members m where m.id in (${IN_WS}) and ${LISTED}`);
  const pages = Object.fromEntries(
    Object.entries(ORDERS).map(([key, order]) => [
      key,
      sqlite.prepare(`select ${MEMBER_COLUMNS} from members m left join member_stats s on s.member_id = m.id
        where m.id in (${IN_WS}) and ${LISTED} order by ${order} limit @limit offset @offset`),
    ]),
  ) as Record<DashboardOrder, ReturnType<typeof sqlite.prepare>>;
  const paused =
    sqlite.prepare(`select s.kind, s.member_id memberId, ${NAME} name, m.privacy, s.channel_id channelId, s.paused_reason reason,
      coalesce((select max(d.due_at) from deliveries d where d.schedule_id = s.id and d.status = 'failed'),
        s.created_at) since
    from schedules s left join members m on m.id = s.member_id
    where s.workspace_id = @ws and s.paused_reason is not null order by since desc, s.id`);

  return {
    workspace: (id: number) => workspace.get(id) as DashboardWorkspace | undefined,
    /** Done events per local week (Monday-based week numbers: floor((day + 3) / 7)) from `from` up to `to`. */
    weekly(ws: number, from: number, to: number, segments: readonly OffsetSegment[]): { week: number; n: number }[] {
      const day = localDaySql('e.at', segments);
      return (
        sqlite
          // +e.member_id: the member index would walk every member's range; the done-events index reads the weeks once.
          .prepare(`select (${day.sql} + 3) / 7 week, count(*) n from progress_events e
          where e.at >= @from and e.at < @to and e.to_state = 'done' and +e.member_id in (${IN_WS})
          group by week`)
          .all({ ...day.params, ws, from, to }) as { week: number; n: number }[]
      );
    },
    /** topics: topic id → [section slug, group key, topics that finish the group]. */
    funnel(ws: number, topics: Record<number, [string, string, number]>) {
      return funnel.all({ ws, topics: JSON.stringify(topics) }) as {
        section: string;
        reached: number;
        finished: number;
      }[];
    },
    /** Everyone in the workspace (hidden members too: a count singles nobody out), and those who moved since `since`. */
    headcount: (ws: number, since: number) => headcount.get({ ws, since }) as { total: number; active: number },
    /** How many rows the viewer's member table has. */
    listedCount: (ws: number, viewer: number) => listed.pluck().get({ ws, viewer }) as number,
    /** One page of the viewer's member table, in the order asked. */
    listed(ws: number, viewer: number, order: DashboardOrder, limit: number, offset: number): DashboardMember[] {
      return pages[order].all({ ws, viewer, limit, offset }) as DashboardMember[];
    },
    /** A member of this workspace (undefined for anyone else, whatever their id). */
    member(ws: number, id: number) {
      return member.get({ ws, id }) as DashboardMember | undefined;
    },
    /** The outbox of this workspace's platform account, by the local day each delivery was due: sent at the first
     *  attempt, sent after retries, or given up on. Deliveries still pending or skipped are not outcomes yet. */
    deliveryDays(w: DashboardWorkspace, from: number, segments: readonly OffsetSegment[]): DeliveryDayRow[] {
      const day = localDaySql('d.due_at', segments);
      return sqlite
        .prepare(`select ${day.sql} day, json_extract(d.payload, '$.kind') kind,
            count(case when d.status = 'sent' and d.attempts <= 1 then 1 end) sent,
            count(case when d.status = 'sent' and d.attempts > 1 then 1 end) retried,
            count(case when d.status = 'failed' then 1 end) failed
          from deliveries d where d.platform = @platform and d.target_workspace = @external and d.due_at >= @from
          group by day, kind`)
        .all({ ...day.params, platform: w.platform, external: w.externalId, from }) as DeliveryDayRow[];
    },
    /** Schedules the sender paused after repeated failures, with the reason and their last failure. */
    paused: (ws: number) => paused.all({ ws }) as PausedRow[],
  };
}
