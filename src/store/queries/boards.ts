// Leaderboards: points (topics whose current state is done, finished in the period) and active days, ranked in SQL.
import type { Board, BoardQueries, BoardRow, OffsetSegment } from '../port.ts';
import type { Runner } from '../sql/database.ts';
import { localDaySql } from './day-sql.ts';
import { type Bucket, bucketEdges, nearestBucket } from './period-buckets.ts';

// A period board reads the workspace's kept bucket nearest the period (workspace_period_points: a UTC week or month,
// decision 023) and recounts only the hours between the bucket's edges and the period's local ones: a local week or
// month starts within 14 hours of a UTC one, so those few hours are all that differ. Their members (`moved`) carry
// their points corrected; every other member's kept points are their points in the period. The top, the asker's rank
// and the counts are then ranges of the bucket's rank index, corrected by `moved`.
//
// Active days only break ties. Where the workspace's local days are kept (decision 032) they come with the bucket's
// rows (keptPeriodSql). Until they are (a zone just changed, an upgrade not yet recounted) they are counted from the
// period's events (periodSql), and only for the members whose rank they can change: the contenders for the top
// `limit` (points at least the limit-th best's) and the members level with the asker. Everyone else is ranked by
// points alone, which for them decides.
const BUCKET = 'k.workspace_id = @ws and k.kind = @kind and k.start_day = @bucket';
const NOT_MOVED = 'k.member_id not in (select member_id from moved)'; // one lookup table, built once
// Visible scorers of the period above @p points: the bucket's, less the moved members' kept rows, plus their corrected.
const VISIBLE_ABOVE = (p: string) => `(select count(*) from workspace_period_points k where ${BUCKET} and k.hidden = 0
    and k.points > ${p})
  - (select count(*) from moved where hidden = 0 and kept > ${p})
  + (select count(*) from moved where hidden = 0 and points > ${p})`;
// The topics done between the bucket's edges and the period's, per member, and those members with their points
// corrected (`kept`: the bucket's, `points`: the period's) and their kept local days (0 where the row is missing).
const EDGE_AND_MOVED = `edge as materialized (
      select member_id, sum(sign) adj
      from (
        select member_id, case when @sign1 > 0 then 1 else -1 end sign from progress where state = 'done' and updated_at >= @lo1
          and updated_at < @hi1
        union all
        select member_id, case when @sign2 > 0 then 1 else -1 end from progress where state = 'done' and updated_at >= @lo2
          and updated_at < @hi2) e
      group by member_id),
    moved as materialized (
      select e.member_id, w.hidden, coalesce(k.points, 0) kept, coalesce(k.points, 0) + e.adj points,
        coalesce(k.days, 0) days
      from edge e join workspace_member_stats w on w.workspace_id = @ws and w.member_id = e.member_id
        left join workspace_period_points k on ${BUCKET} and k.member_id = e.member_id)`;
// The last row of a period board: its visible and its hidden scorers, the bucket's corrected by `moved`.
const SCORER_COUNTS = `select null, null, null, 0, 0, 0, ${VISIBLE_ABOVE('0')},
      (select count(*) from workspace_period_points k where ${BUCKET} and k.hidden = 1 and k.points > 0)
      - (select count(*) from moved where hidden = 1 and kept > 0)
      + (select count(*) from moved where hidden = 1 and points > 0), 2`;
/** The statement with the workspace and the bucket as expressions SQLite does not plan by, and the kind as a literal. */
function unplanned(sql: string, kind: Bucket['kind']): string {
  return sql
    .replaceAll('@ws', '(@ws + 0)')
    .replaceAll('@bucket', '(@bucket + 0)')
    .replaceAll('@kind', `'${kind === 'week' ? 'week' : 'month'}'`);
}
// Looked up for the rows shown only: a join let SQLite's planner walk every member to find the few (0.2 ms at 1k).
const PRIVACY = (member: string) => `(select privacy from members where id = ${member})`;
//
// SQLite built with STAT4 (better-sqlite3 is) recompiles a statement on every run when a bound value may change its
// plan: here the workspace, the bucket and the limits. For a statement this size the compiling cost more than the run
// at 1k members (3.5 ms against 0.6), so those values reach SQLite as expressions it does not plan by (@ws + 0), and
// the kind and the limits, a handful of values, as literals: one cached statement for each.
function periodSql(day: string, kind: Bucket['kind'], limit: number): string {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`a board's limit is a whole number above 0, not ${limit}`);
  return unplanned(
    `
    with ${EDGE_AND_MOVED},
    best as (
      select points from (select k.points from workspace_period_points k where ${BUCKET} and k.hidden = 0
        and k.points > 0 and ${NOT_MOVED} order by k.points desc limit ${limit}) b
      union all
      select points from moved where hidden = 0 and points > 0),
    cutoff as (select coalesce((select points from best order by points desc limit 1 offset ${limit - 1}), 1) points),
    mine as (select coalesce((select points from moved where member_id = @me),
      (select k.points from workspace_period_points k where ${BUCKET} and k.member_id = @me), 0) points),
    level as (
      select k.member_id, k.hidden, k.points from workspace_period_points k where ${BUCKET} and k.hidden = 0
        and k.points >= (select points from cutoff) and ${NOT_MOVED}
      union all
      select k.member_id, k.hidden, k.points from workspace_period_points k where ${BUCKET} and k.hidden = 0
        and k.points > 0 and k.points = (select points from mine) and k.points < (select points from cutoff)
        and ${NOT_MOVED}
      union all
      select member_id, hidden, points from moved where hidden = 0 and points > 0
        and (points >= (select points from cutoff) or points = (select points from mine))
      union all -- a hidden asker: ranked as if visible, for their own eyes
      select m.id, 1, (select points from mine) from members m where m.id = @me and (select points from mine) > 0
        and coalesce((select hidden from moved where member_id = @me),
          (select k.hidden from workspace_period_points k where ${BUCKET} and k.member_id = @me)) = 1),
    contenders as materialized (
      select l.member_id, l.hidden, l.points,
        (select count(distinct ${day}) from progress_events e where e.member_id = l.member_id and e.at >= @from
          and e.at < @to) days
      from level l),
    -- One pass ranks the top (the visible contenders at or above the cutoff: shown) and counts, for each row, the
    -- visible members level on points with more days (the asker's tie-break). contenders is read once: SQLite spent
    -- 0.2 ms on a second read of it, rows or none.
    ranked as materialized (
      select x.*, rank() over (partition by shown order by points desc, days desc) rnk,
        sum(case when hidden = 0 then 1 else 0 end) over (partition by points order by days desc
          range between unbounded preceding and 1 preceding) ahead
      from (select c.*, case when hidden = 0 and points >= (select points from cutoff) then 1 else 0 end shown
        from contenders c) x)
    select * from (
      select r.member_id as "memberId", ${NAME('r.member_id')} as "name", ${PRIVACY('r.member_id')} as "privacy",
        r.points as "points", r.days as "days", r.rnk as "rnk", 0 as "total", 0 as "hidden", 0 as "mine"
      from ranked r where r.shown = 1 and r.rnk <= ${limit} order by r.rnk, 2 limit ${limit * 2}) top
    union all
    select c.member_id, ${NAME('c.member_id')}, ${PRIVACY('c.member_id')}, c.points, c.days,
      1 + ${VISIBLE_ABOVE('c.points')} + coalesce(c.ahead, 0), 0, 0, 1
    from ranked c where c.member_id = @me
    union all
    ${SCORER_COUNTS}`,
    kind,
  );
}

// With the workspace's local days kept (decision 032: workspace_period_points.days, in its zone, complete from
// workspaces.days_from on), nothing is counted from events: the top is everyone at or above the limit-th best (points,
// then days), and the asker's place among the members level with them on points is one more range of the rank index.
// Both corrected by `moved`, whose days are their rows' (days belong to the local period, not to the bucket).
function keptPeriodSql(kind: Bucket['kind'], limit: number): string {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`a board's limit is a whole number above 0, not ${limit}`);
  const atOrAbove = (points: string, days: string) =>
    `(${points} > (select p from cutoff) or (${points} = (select p from cutoff) and ${days} >= (select d from cutoff)))`;
  return unplanned(
    `
    with ${EDGE_AND_MOVED},
    best as (
      select points, days from (select k.points, k.days from workspace_period_points k where ${BUCKET} and k.hidden = 0
        and k.points > 0 and ${NOT_MOVED} order by k.points desc, k.days desc limit ${limit}) b
      union all
      select points, days from moved where hidden = 0 and points > 0),
    cut as (select points, days from best order by points desc, days desc limit 1 offset ${limit - 1}),
    cutoff as (select coalesce((select points from cut), 1) p, coalesce((select days from cut), 0) d),
    top as materialized (
      select k.member_id, k.points, k.days from workspace_period_points k where ${BUCKET} and k.hidden = 0
        and k.points > (select p from cutoff) and ${NOT_MOVED}
      union all
      select k.member_id, k.points, k.days from workspace_period_points k where ${BUCKET} and k.hidden = 0
        and k.points = (select p from cutoff) and k.days >= (select d from cutoff) and ${NOT_MOVED}
      union all
      select member_id, points, days from moved where hidden = 0 and points > 0 and ${atOrAbove('points', 'days')}),
    ranked as (select t.*, rank() over (order by points desc, days desc) rnk from top t),
    mine as (
      select member_id, points, days from moved where member_id = @me
      union all
      select k.member_id, k.points, k.days from workspace_period_points k where ${BUCKET} and k.member_id = @me
        and ${NOT_MOVED})
    select * from (
      select r.member_id as "memberId", ${NAME('r.member_id')} as "name", ${PRIVACY('r.member_id')} as "privacy",
        r.points as "points", r.days as "days", r.rnk as "rnk", 0 as "total", 0 as "hidden", 0 as "mine"
      from ranked r where r.rnk <= ${limit} order by r.rnk, 2 limit ${limit * 2}) top
    union all -- the asker, ranked as if visible when they hide: for their own eyes
    select c.member_id, ${NAME('c.member_id')}, ${PRIVACY('c.member_id')}, c.points, c.days,
      1 + ${VISIBLE_ABOVE('c.points')}
        + (select count(*) from workspace_period_points k where ${BUCKET} and k.hidden = 0 and k.points = c.points
          and k.days > c.days)
        - (select count(*) from moved where hidden = 0 and kept = c.points and days > c.days)
        + (select count(*) from moved where hidden = 0 and points = c.points and days > c.days),
      0, 0, 1
    from mine c where c.points > 0
    union all
    ${SCORER_COUNTS}`,
    kind,
  );
}

// All time, nothing is recounted: workspace_member_stats keeps each member's done topics and active (UTC) days per
// workspace, kept by triggers (decision 021), and its rank index hands out the top and the asker's rank as index
// ranges; the scorer counts are kept outright in workspace_counts (decision 023). The top is everyone at or above the
// limit-th best (points, then days): two ranges of the index.
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
  select null, null, null, 0, 0, 0, coalesce((select visible_scorers from workspace_counts where workspace_id = @ws), 0),
    coalesce((select hidden_scorers from workspace_counts where workspace_id = @ws), 0), 2`;

// Whether the workspace's kept local days hold for a period from @from: counted in its zone, from before the period.
const DAYS_KEPT = `select case when days_zone = time_zone and days_from <= @from then 1 else 0 end as "kept"
  from workspaces where id = @ws`;

/** Whether [from, to) runs from local midnight to local midnight over the week or month whose first local day names
 *  the bucket: the period whose local days its rows keep. Any other span (a board's are never other) is counted. */
function isLocalPeriodOf(b: Bucket, from: number, to: number, segments: readonly OffsetSegment[]): boolean {
  const local = (ms: number) => ms + ((segments.find((s) => ms < s.until) ?? segments.at(-1))?.offsetMs ?? 0);
  return local(from) === b.from && local(to) === b.to;
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

export function boardQueries(r: Runner): BoardQueries {
  return {
    async leaderboard(q): Promise<Board> {
      const allTime = q.from <= 0 && q.to >= Number.MAX_SAFE_INTEGER;
      const common = { ws: q.workspaceId, me: q.memberId, limit: q.limit, cap: q.limit * 2 };
      const day = localDaySql('e.at', q.segments);
      const bucket = nearestBucket(q.from, q.to);
      const edges = { ...common, ...bucketEdges(bucket, q.from, q.to) };
      const rows = allTime
        ? await r.all<Raw>(ALL_TIME, common)
        : isLocalPeriodOf(bucket, q.from, q.to, q.segments) &&
            (await r.get<{ kept: number }>(DAYS_KEPT, { ws: q.workspaceId, from: q.from }))?.kept
          ? await r.all<Raw>(keptPeriodSql(bucket.kind, q.limit), edges)
          : await r.all<Raw>(periodSql(day.sql, bucket.kind, q.limit), {
              ...day.params,
              ...edges,
              from: q.from,
              to: q.to,
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
  };
}
