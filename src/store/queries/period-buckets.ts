// The kept buckets of workspace_period_points (decision 023) as the period boards pick them: the UTC week or month
// whose edges lie nearest a local period's, and the hours between the two that the board recounts.

const DAY_MS = 86_400_000;

export interface Bucket {
  kind: 'week' | 'month';
  startDay: number; // the bucket's first UTC day, days since 1970-01-01: the triggers' start_day
  from: number; // ms, inclusive
  to: number; // ms, exclusive
}

/** The UTC week (from Monday) nearest an instant: 1970-01-05, day 4, was a Monday. */
function weekNear(ms: number): Bucket {
  const startDay = 7 * Math.round((ms / DAY_MS + 3) / 7) - 3;
  return { kind: 'week', startDay, from: startDay * DAY_MS, to: (startDay + 7) * DAY_MS };
}

/** The UTC month whose first instant is nearest `ms`. */
function monthNear(ms: number): Bucket {
  const d = new Date(ms + 15 * DAY_MS); // within the month that starts nearest, whichever side of it `ms` is
  const from = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  return { kind: 'month', startDay: from / DAY_MS, from, to: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) };
}

/** The bucket that differs least from [from, to): any bucket gives the exact board, the nearest the fewest hours
 *  to recount (a local week or month is within 14 hours of a UTC one at each edge). */
export function nearestBucket(from: number, to: number): Bucket {
  const gap = (b: Bucket) => Math.abs(b.from - from) + Math.abs(b.to - to);
  const week = weekNear(from);
  const month = monthNear(from);
  return gap(week) <= gap(month) ? week : month;
}

/** The board's parameters for a bucket: which kept rows, and the two spans between its edges and the period's whose
 *  topics done move points. Points in [from, to) are the bucket's, plus or minus the rows in [from, bucket.from)
 *  (`sign1`: added when the period starts first, taken away when the bucket does) and in [bucket.to, to) (`sign2`).
 *  Exact for any bucket and period. */
export function bucketEdges(b: Bucket, from: number, to: number) {
  return {
    kind: b.kind,
    bucket: b.startDay,
    lo1: Math.min(from, b.from),
    hi1: Math.max(from, b.from),
    sign1: from < b.from ? 1 : -1,
    lo2: Math.min(to, b.to),
    hi2: Math.max(to, b.to),
    sign2: b.to < to ? 1 : -1,
  };
}
