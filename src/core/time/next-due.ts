// When a schedule is next due: its local time on its weekdays, in its own zone, computed with luxon across DST.
import { DateTime, IANAZone } from 'luxon';

export interface Recurrence {
  localTime: string; // "HH:MM"
  timeZone: string; // IANA
  days: number; // bit 0 = Monday … bit 6 = Sunday
  pausedUntil?: number | null; // nothing is due before this instant (snooze)
}

const MINUTE = 60_000;

/** The instant `localTime` happens on a local date. A time the clocks skip (spring forward) happens when they land. */
export function occurrence(date: DateTime, localTime: string, zone: string): number {
  const [hour, minute] = localTime.split(':').map(Number) as [number, number];
  const dt = DateTime.fromObject({ year: date.year, month: date.month, day: date.day, hour, minute }, { zone });
  const at = dt.toMillis();
  if (dt.hour === hour && dt.minute === minute) {
    // On a day the clocks go back the wall time happens twice: take the first, so it is due once and early.
    for (const back of [60, 30]) {
      const earlier = DateTime.fromMillis(at - back * MINUTE, { zone });
      if (earlier.hour === hour && earlier.minute === minute && earlier.day === date.day) return at - back * MINUTE;
    }
    return at;
  }
  // In the gap luxon moves forward by the gap's length (02:30 → 03:30); the nudge goes when the gap ends (03:00).
  const tz = IANAZone.create(zone);
  const after = tz.offset(at);
  let [lo, hi] = [at - 3 * 60 * MINUTE, at]; // no zone skips more than 3 hours
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (tz.offset(mid) === after) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The first instant after `after` (and not before pausedUntil) that the schedule is due; null when it has no days. */
export function nextDue(r: Recurrence, after: number): number | null {
  if ((r.days & 0x7f) === 0) return null;
  const from = Math.max(after, r.pausedUntil ?? -Infinity);
  // Start a day early: the instant `from` can be late on a local date whose occurrence is still ahead in UTC terms.
  let date = DateTime.fromMillis(from, { zone: r.timeZone }).startOf('day').minus({ days: 1 });
  for (let i = 0; i < 10; i++, date = date.plus({ days: 1 })) {
    if (!(r.days & (1 << (date.weekday - 1)))) continue;
    const at = occurrence(date, r.localTime, r.timeZone);
    if (at > after && at >= (r.pausedUntil ?? -Infinity)) return at;
  }
  return null; // unreachable with a non-empty weekday set: each weekday comes within 8 days
}

/** The local calendar date of an instant in a zone, "2026-03-29": half of a delivery's unique key. */
export function localDate(at: number, zone: string): string {
  return DateTime.fromMillis(at, { zone }).toISODate()!;
}
