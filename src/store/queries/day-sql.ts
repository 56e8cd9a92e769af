// A local-day SQL expression over a timestamp column: the zone's offsets come in as parameters, segment by segment.
import type { OffsetSegment } from '../port.ts';

/** "((e.at + cast(case when e.at < @u0 then @o0 else @oLast end as bigint)) / 86400000)" and its parameters. */
export function localDaySql(
  column: string,
  segments: readonly OffsetSegment[],
): { sql: string; params: Record<string, number> } {
  const params: Record<string, number> = {};
  const last = segments.at(-1) ?? { until: Infinity, offsetMs: 0 };
  const whens = segments.slice(0, -1).map((s, i) => {
    params[`u${i}`] = s.until;
    params[`o${i}`] = s.offsetMs;
    return `when ${column} < @u${i} then @o${i}`;
  });
  params.oLast = last.offsetMs;
  const offset = whens.length ? `case ${whens.join(' ')} else @oLast end` : '@oLast';
  // Parameters may arrive as REAL (SQLite) or untyped (PostgreSQL): the cast keeps the division an integer one, so a
  // day is one value. bigint, not integer: milliseconds since 1970 overflow PostgreSQL's 32-bit integer (SQLite reads
  // either as its 64-bit INTEGER).
  return { sql: `((${column} + cast(${offset} as bigint)) / 86400000)`, params };
}
