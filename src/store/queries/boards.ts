// Leaderboards: points (topics whose current state is done, finished in the period) and active days, ranked in SQL.
import type { Board, BoardQueries, BoardRow } from '../port.ts';
import type { Runner } from '../sql/database.ts';
import { localDaySql } from './day-sql.ts';

// One statement per period shape (the day expression grows with each offset change in the period).
//
// Active days only break ties, and counting them means reading every event of the period, so they are counted just
// for the members whose rank they can change: the contenders for the top `limit` (points at least the limit-th
// best's) and the members level with the asker. Everyone else is ranked by points alone, which for them decides.
function periodSql(day: string): string {
  return `
    with pts as materialized (
      select member_id, count(*) points from progress where state = 'done' and updated_at >= @from
        and updated_at < @to group by member_id),
    scored as materialized (
      select p.member_id, m.privacy, p.points from pts p join members m on m.id = p.member_id
      where exists (select 1 from identities i where i.member_id = p.member_id and i.workspace_id = @ws)),
    cutoff as (
      select coalesce((select points from scored where privacy <> 'hide' order by points desc
        limit 1 offset @limit - 1), 0) points),
    contenders as materialized (
      select s.member_id, s.privacy, s.points,
        (select display_name from identities i where i.member_id = s.member_id and i.workspace_id = @ws
          order by i.id limit 1) as name,
        (select count(distinct ${day}) from progress_events e where e.member_id = s.member_id and e.at >= @from
          and e.at < @to) days
      from scored s
      where s.points >= (select points from cutoff) or s.points = (select points from scored where member_id = @me)),
    ranked as (
      select *, rank() over (order by points desc, days desc) rnk from contenders
      where privacy <> 'hide' and points >= (select points from cutoff))
    select * from (
      select member_id as "memberId", name as "name", privacy as "privacy", points as "points", days as "days",
        rnk as "rnk", 0 as "total", 0 as "hidden", 0 as "mine"
      from ranked where rnk <= @limit order by rnk, name limit @cap) top
    union all
    select c.member_id, c.name, c.privacy, c.points, c.days, 1
        + (select count(*) from scored v where v.privacy <> 'hide' and v.member_id <> c.member_id
          and v.points > c.points)
        + (select count(*) from contenders v where v.privacy <> 'hide' and v.member_id <> c.member_id
          and v.points = c.points and v.days > c.days),
      0, 0, 1
    from contenders c where c.member_id = @me
    union all
    select null, null, null, 0, 0, 0, (select count(*) from scored where privacy <> 'hide'), (select count(*)
      from scored where privacy = 'hide'), 2`;
}

// All time, nothing is recounted: workspace_member_stats keeps each member's done topics and active (UTC) days per
// workspace, kept by triggers (decision 021), and its rank index hands out the top, the asker's rank and the counts
// as index ranges. The top is everyone at or above the limit-th best (points, then days): two ranges of the index.
// Members level on both are listed earliest member first, so only the rows shown are named: a workspace where
// thousands finished everything would otherwise look up and sort every one of their names.
const VISIBLE_SCORERS = 'workspace_id = @ws and hidden = 0 and done_count > 0';
const NAME = (member: string) => `(select display_name from identities i where i.member_id = ${member}
  and i.workspace_id = @ws order by i.id limit 1)`;
const ALL_TIME = `
  with best as (
    select done_count, active_days from workspace_member_stats where ${VISIBLE_SCORERS}
    order by done_count desc, active_days desc limit @limit),
  cut as (
    select coalesce((select min(done_count) from best), 1) d,
      coalesce((select min(active_days) from best where done_count = (select min(done_count) from best)), 0) a),
  top as materialized (
    select member_id, done_count points, active_days days from workspace_member_stats
      where ${VISIBLE_SCORERS} and done_count > (select d from cut)
    union all
    select member_id, done_count, active_days from workspace_member_stats
      where ${VISIBLE_SCORERS} and done_count = (select d from cut) and active_days >= (select a from cut)),
  ranked as (select *, rank() over (order by points desc, days desc) rnk from top)
  select * from (
    select r.member_id as "memberId", ${NAME('r.member_id')} as "name", m.privacy as "privacy", r.points as "points",
      r.days as "days", r.rnk as "rnk", 0 as "total", 0 as "hidden", 0 as "mine"
    from (select * from ranked where rnk <= @limit order by rnk, member_id limit @cap) r
      join members m on m.id = r.member_id order by r.rnk, r.member_id) top
  union all
  select w.member_id, ${NAME('w.member_id')}, m.privacy, w.done_count, w.active_days, 1
      + (select count(*) from workspace_member_stats v where v.workspace_id = @ws and v.hidden = 0
        and v.done_count > w.done_count)
      + (select count(*) from workspace_member_stats v where v.workspace_id = @ws and v.hidden = 0
        and v.done_count = w.done_count and v.active_days > w.active_days),
    0, 0, 1
  from workspace_member_stats w join members m on m.id = w.member_id
  where w.workspace_id = @ws and w.member_id = @me and w.done_count > 0
  union all
  select null, null, null, 0, 0, 0, (select count(*) from workspace_member_stats where ${VISIBLE_SCORERS}),
    (select count(*) from workspace_member_stats where workspace_id = @ws and hidden = 1 and done_count > 0), 2`;

interface Raw {
  memberId: number;
  name: string;
  privacy: BoardRow['privacy'];
  points: number;
  days: number;
  rnk: number;
  total: number;
  hidden: number;
  mine: number;
}

const FIRST_EVENT = 'select min(at) as "at" from progress_events';

export function boardQueries(r: Runner): BoardQueries {
  return {
    async leaderboard(q): Promise<Board> {
      const allTime = q.from <= 0 && q.to >= Number.MAX_SAFE_INTEGER;
      const common = { ws: q.workspaceId, me: q.memberId, limit: q.limit, cap: q.limit * 2 };
      const day = localDaySql('e.at', q.segments);
      const rows = allTime
        ? await r.all<Raw>(ALL_TIME, common)
        : await r.all<Raw>(periodSql(day.sql), { ...day.params, ...common, from: q.from, to: q.to });
      const toRow = (x: Raw): BoardRow => ({
        memberId: x.memberId,
        name: x.name,
        privacy: x.privacy,
        points: x.points,
        activeDays: x.days,
        rank: x.rnk,
      });
      const top = rows.filter((x) => x.mine === 0);
      const mine = rows.find((x) => x.mine === 1);
      const counts = rows.find((x) => x.mine === 2)!; // always there: the counts row
      return { top: top.map(toRow), scorers: counts.total, hiddenScorers: counts.hidden, me: mine && toRow(mine) };
    },
    async firstEventAt() {
      return (await r.get<{ at: number | null }>(FIRST_EVENT))?.at ?? undefined;
    },
  };
}
