// A local-day SQL expression over a timestamp column: the zone's offsets come in as parameters, segment by segment.
export interface OffsetSegment {
  until: number; // the offset applies to instants before this one; Infinity for the last segment
  offsetMs: number;
}

/** "((e.at + cast(case when e.at < @u0 then @o0 else @oLast end as integer)) / 86400000)" and its parameters. */
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
  // Parameters may arrive as REAL; the cast keeps the division an integer one, so a day is one value.
  return { sql: `((${column} + cast(${offset} as integer)) / 86400000)`, params };
}
