// Leaderboards: points (topics whose current state is done, finished in the period) and active days, ranked in SQL.
import type { Board, BoardQueries, BoardRow } from '../port.ts';
import type { Runner } from '../sql/database.ts';
import { localDaySql } from './day-sql.ts';

// One statement per period shape (the day expression grows with each offset change in the period).
//
// Active days only break ties, and counting them means reading every event of the period, so they are counted just
// for the members whose rank they can change: the contenders for the top `limit` (points at least the limit-th
// best's) and the members level with the asker. Everyone else is ranked by points alone, which for them decides.
//
// All time, the points are every done topic: member_stats keeps that count, so nothing is recounted.
function boardSql(day: string, allTime: boolean): string {
  const points = allTime
    ? `select member_id, done_count points from member_stats where done_count > 0`
    : `select member_id, count(*) points from progress where state = 'done' and updated_at >= @from
      and updated_at < @to group by member_id`;
  return `
    with pts as materialized (${points}),
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
      const day = localDaySql('e.at', q.segments);
      const allTime = q.from <= 0 && q.to >= Number.MAX_SAFE_INTEGER;
      const rows = await r.all<Raw>(boardSql(day.sql, allTime), {
        ...day.params,
        from: q.from,
        to: q.to,
        ws: q.workspaceId,
        me: q.memberId,
        limit: q.limit,
        cap: q.limit * 2,
      });
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
