// Leaderboards: points (topics whose current state is done, finished in the period) and active days, ranked in SQL.
import type Database from 'better-sqlite3';
import type { Db } from './db.ts';
import { localDaySql, type OffsetSegment } from './day-sql.ts';

export interface BoardRow {
  memberId: number;
  name: string; // the member's display name in this workspace
  privacy: 'show' | 'anonymous' | 'hide';
  points: number;
  activeDays: number;
  rank: number; // shared by ties: 1, 1, 3; for `me`, the rank among visible members (would-be, when hidden)
}

export interface Board {
  top: BoardRow[]; // visible members ranked within `limit`
  scorers: number; // visible members with points in the period
  me?: BoardRow; // undefined: no points in the period
}

export interface BoardQuery {
  workspaceId: number;
  from: number;
  to: number;
  segments: readonly OffsetSegment[]; // the workspace zone's offsets over the period, for local days
  memberId: number;
  limit: number;
}

// One statement per period shape (the day expression grows with each offset change in the period).
function boardSql(day: string): string {
  return `
    with pts as materialized (
      select member_id, count(*) points from progress
      where state = 'done' and updated_at >= @from and updated_at < @to group by member_id),
    scored as materialized (
      select p.member_id, m.privacy, p.points,
        (select display_name from identities i where i.member_id = p.member_id and i.workspace_id = @ws order by i.id limit 1) name,
        (select count(distinct ${day}) from progress_events e where e.member_id = p.member_id and e.at >= @from and e.at < @to) days
      from pts p join members m on m.id = p.member_id
      where exists (select 1 from identities i where i.member_id = p.member_id and i.workspace_id = @ws)),
    visible as (
      select *, rank() over (order by points desc, days desc) rnk, count(*) over () total from scored where privacy <> 'hide')
    select * from (
      select member_id, name, privacy, points, days, rnk, total, 0 mine from visible where rnk <= @limit order by rnk, name limit @cap)
    union all
    select s.member_id, s.name, s.privacy, s.points, s.days, 1 + (
        select count(*) from scored v where v.privacy <> 'hide' and v.member_id <> s.member_id
        and (v.points > s.points or (v.points = s.points and v.days > s.days))), 0, 1
    from scored s where s.member_id = @me`;
}

interface Raw { member_id: number; name: string; privacy: BoardRow['privacy']; points: number; days: number; rnk: number; total: number; mine: number }

export function createBoardStore(db: Db) {
  const statements = new Map<number, Database.Statement>();
  const firstEvent = db.$client.prepare('select min(at) at from progress_events');
  return {
    leaderboard(q: BoardQuery): Board {
      const day = localDaySql('e.at', q.segments);
      let statement = statements.get(q.segments.length);
      if (!statement) statements.set(q.segments.length, (statement = db.$client.prepare(boardSql(day.sql))));
      const rows = statement.all({
        ...day.params, from: q.from, to: q.to, ws: q.workspaceId, me: q.memberId, limit: q.limit, cap: q.limit * 2,
      }) as Raw[];
      const toRow = (r: Raw): BoardRow => ({
        memberId: r.member_id, name: r.name, privacy: r.privacy, points: r.points, activeDays: r.days, rank: r.rnk,
      });
      const top = rows.filter((r) => !r.mine);
      const mine = rows.find((r) => r.mine);
      return { top: top.map(toRow), scorers: top[0]?.total ?? 0, me: mine && toRow(mine) };
    },
    /** The earliest progress event, so an all-time board only looks up the zone's offsets since then. */
    firstEventAt(): number | undefined {
      const row = firstEvent.get() as { at: number | null };
      return row.at ?? undefined;
    },
  };
}
