// The dashboard's aggregates, each scoped to one workspace: finished topics per local week, the per-section funnel,
// headcounts, one page of the member table, and the outbox's outcomes per local day. Plain SQL over the indexes the
// boards and the outbox already use; local days come from the zone's offsets (localDaySql), as on boards.
import type { DashboardMember, DashboardOrder, DashboardQueries, DashboardWorkspace, PausedRow } from '../port.ts';
import type { Runner } from '../sql/database.ts';
import { jsonField, tripleRows } from '../sql/fragments.ts';
import { localDaySql } from './day-sql.ts';

const IN_WS = 'select member_id from identities where workspace_id = @ws';
const NAME = `(select display_name from identities n where n.member_id = m.id and n.workspace_id = @ws
  order by n.id limit 1)`;
const MEMBER_COLUMNS = `m.id as "memberId", ${NAME} as "name", m.privacy as "privacy",
  coalesce(s.done_count, 0) as "done", s.last_progress_at as "lastActivity", m.time_zone as "timeZone",
  m.streak_mode as "streakMode"`;
// Whom the viewer may list: everyone but hidden members, and always themselves.
const LISTED = `(m.privacy <> 'hide' or m.id = @viewer)`;
// The table's orders: by topics finished (member_stats, kept by triggers) or by the latest progress event; never
// active members count as the least recent. Ties by member id, so pages neither repeat nor skip anyone.
const ORDERS: Record<DashboardOrder, string> = {
  'progress-desc': '"done" desc, m.id',
  'progress-asc': '"done" asc, m.id',
  'activity-desc': 'coalesce(s.last_progress_at, -1) desc, m.id',
  'activity-asc': 'coalesce(s.last_progress_at, -1) asc, m.id',
};

const WORKSPACE = `select id as "id", name as "name", time_zone as "timeZone", roadmap_id as "roadmapId",
  platform as "platform", external_id as "externalId" from workspaces where id = @id`;
const HEADCOUNT = `select count(*) as "total", count(case when s.last_progress_at >= @since then 1 end) as "active"
  from members m left join member_stats s on s.member_id = m.id where m.id in (${IN_WS})`;
const MEMBER = `select ${MEMBER_COLUMNS} from members m left join member_stats s on s.member_id = m.id
  where m.id = @id and m.id in (${IN_WS})`;
const LISTED_COUNT = `select count(*) as "n" from members m where m.id in (${IN_WS}) and ${LISTED}`;
const PAGE = (order: DashboardOrder) => `select ${MEMBER_COLUMNS}
  from members m left join member_stats s on s.member_id = m.id
  where m.id in (${IN_WS}) and ${LISTED} order by ${ORDERS[order]} limit @limit offset @offset`;
const PAUSED = `select s.kind as "kind", s.member_id as "memberId", ${NAME} as "name", m.privacy as "privacy",
    s.channel_id as "channelId", s.paused_reason as "reason",
    coalesce((select max(d.due_at) from deliveries d where d.schedule_id = s.id and d.status = 'failed'),
      s.created_at) as "since"
  from schedules s left join members m on m.id = s.member_id
  where s.workspace_id = @ws and s.paused_reason is not null order by "since" desc, s.id`;

export function dashboardQueries(r: Runner): DashboardQueries {
  // Members who reached a section (any topic in it learning or done), and who finished it: every topic of the
  // section done, or in a pick-one section every topic of one group. @topics maps each live topic's id to its
  // section, its group key and how many topics finish that group: one pass over the members' progress rows.
  const FUNNEL = `with z as materialized (
      select cast(t."key" as bigint) as topic_id, t."a" as section, t."b" as grp, t."n" as n
      from (${tripleRows(r.dialect, '@topics')}) t),
    per as (
      select p.member_id, z.section, z.n, sum(case when p.state = 'done' then 1 else 0 end) as done
      from progress p join z on z.topic_id = p.topic_id
      where p.member_id in (${IN_WS}) and p.state <> 'skipped'
      group by p.member_id, z.section, z.grp, z.n)
    select section as "section", count(distinct member_id) as "reached",
      count(distinct case when done >= n then member_id end) as "finished"
    from per group by section`;

  return {
    workspace: (id) => r.get<DashboardWorkspace>(WORKSPACE, { id }),
    async weekly(ws, from, to, segments) {
      const day = localDaySql('e.at', segments);
      // +e.member_id: the member index would walk every member's range; the done-events index reads the weeks once.
      return r.all(
        `select (${day.sql} + 3) / 7 as "week", count(*) as "n" from progress_events e
        where e.at >= @from and e.at < @to and e.to_state = 'done' and +e.member_id in (${IN_WS})
        group by "week"`,
        { ...day.params, ws, from, to },
      );
    },
    funnel: (ws, topics) => r.all(FUNNEL, { ws, topics: JSON.stringify(topics) }),
    async headcount(ws, since) {
      return (await r.get<{ total: number; active: number }>(HEADCOUNT, { ws, since })) ?? { total: 0, active: 0 };
    },
    async listedCount(ws, viewer) {
      return (await r.get<{ n: number }>(LISTED_COUNT, { ws, viewer }))?.n ?? 0;
    },
    listed: (ws, viewer, order, limit, offset) => r.all<DashboardMember>(PAGE(order), { ws, viewer, limit, offset }),
    member: (ws, id) => r.get<DashboardMember>(MEMBER, { ws, id }),
    async deliveryDays(w, from, segments) {
      const day = localDaySql('d.due_at', segments);
      const kind = jsonField(r.dialect, 'd.payload', 'kind');
      return r.all(
        `select ${day.sql} as "day", ${kind} as "kind",
          count(case when d.status = 'sent' and d.attempts <= 1 then 1 end) as "sent",
          count(case when d.status = 'sent' and d.attempts > 1 then 1 end) as "retried",
          count(case when d.status = 'failed' then 1 end) as "failed"
        from deliveries d where d.platform = @platform and d.target_workspace = @external and d.due_at >= @from
        group by "day", "kind"`, // deliveries has no column of either name
        { ...day.params, platform: w.platform, external: w.externalId, from },
      );
    },
    paused: (ws) => r.all<PausedRow>(PAUSED, { ws }),
  };
}
