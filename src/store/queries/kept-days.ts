// The local days boards break ties by, kept per workspace in its zone (decision 032). Triggers keep them as events land
// (migrations/sqlite/0025, postgres/0016), reading the zone's offsets from zone_offsets; these queries write those
// offsets and count a workspace's days again when its zone changes, or when an upgrade has left them uncounted.
import type { KeptDayQueries, OffsetSegment } from '../port.ts';
import type { Runner } from '../sql/database.ts';

const STALE = `select id as "id", time_zone as "timeZone" from workspaces
  where days_zone is null or days_zone <> time_zone order by id`;
// The claim comes first: on PostgreSQL it locks the row, so a second replica doing the same waits, then finds the
// days counted and does nothing.
const CLAIM = `update workspaces set days_zone = time_zone, days_from = @from
  where id = @ws and time_zone = @zone and (days_zone is null or days_zone <> time_zone) returning id as "id"`;
const HAS_OFFSETS = 'select count(*) as "n" from zone_offsets where zone = @zone';
const OFFSET = `insert into zone_offsets (zone, from_at, offset_ms) values (@zone, @fromAt, @offsetMs)
  on conflict do nothing`;
// Each deleted day takes one off its week and month (a trigger), so every bucket row ends at 0 days before the count.
const FORGET = 'delete from workspace_member_days where workspace_id = @ws';
const COUNT = `insert into workspace_member_days (workspace_id, member_id, day)
  select distinct x.workspace_id, x.member_id, x.day from (
    select w.workspace_id, w.member_id, (e.at + (select z.offset_ms from zone_offsets z where z.zone = @zone
        and z.from_at <= e.at order by z.from_at desc limit 1)) / 86400000 as day
    from workspace_member_stats w join progress_events e on e.member_id = w.member_id and e.at >= @from
    where w.workspace_id = @ws) x
  where x.day is not null
  on conflict do nothing`;

export function keptDayQueries(r: Runner): KeptDayQueries {
  return {
    stale: () => r.all<{ id: number; timeZone: string }>(STALE),
    async recount(ws, zone, offsets, from) {
      if (!(await r.get<{ id: number }>(CLAIM, { ws, zone, from }))) return false;
      if (Number((await r.get<{ n: number }>(HAS_OFFSETS, { zone }))!.n) === 0) {
        for (const row of offsetRows(offsets)) await r.run(OFFSET, { zone, ...row }); // a zone's rows, once
      }
      await r.run(FORGET, { ws });
      await r.run(COUNT, { ws, zone, from });
      return true;
    },
  };
}

/** Segments (an offset until an instant) as zone_offsets keeps them: each offset from the instant it starts holding,
 *  the first from 1970 (no event is older). Exported for the SQLite/PostgreSQL twin test, which writes Berlin's. */
export function offsetRows(offsets: readonly OffsetSegment[]): { fromAt: number; offsetMs: number }[] {
  let fromAt = 0;
  return offsets.map((segment) => {
    const row = { fromAt, offsetMs: segment.offsetMs };
    fromAt = segment.until;
    return row;
  });
}
