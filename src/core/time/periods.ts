// Leaderboard periods (this week, last week, this month, all time) in a time zone, and the local day of an instant.
import { DateTime, IANAZone } from 'luxon';
import type { OffsetSegment } from '../../store/port.ts';
import { canonicalZone } from './time-zones.ts';

export type { OffsetSegment };

export type PeriodKind = 'week' | 'lastweek' | 'month' | 'all';
export const PERIOD_KINDS: readonly PeriodKind[] = ['week', 'lastweek', 'month', 'all'];

export interface Period {
  kind: PeriodKind;
  from: number; // inclusive, ms since the epoch
  to: number; // exclusive
  label: string; // "Week of Mon 23 Nov, Europe/Berlin"
}

const DAY_MS = 86_400_000;

/** The period containing `now`, with its boundaries at local midnight in `zone` (ISO weeks start on Monday). */
export function periodOf(kind: PeriodKind, now: number, zone: string): Period {
  if (kind === 'all') return { kind, from: 0, to: Number.MAX_SAFE_INTEGER, label: 'All time' };
  if (kind === 'lastweek') {
    // The week before this one: what a Monday-morning digest reports. Calendar arithmetic, so a DST week is 7 days.
    const thisWeek = DateTime.fromMillis(now, { zone, locale: 'en-GB' }).startOf('week');
    const start = thisWeek.minus({ weeks: 1 });
    return {
      kind,
      from: start.toMillis(),
      to: thisWeek.toMillis(),
      label: `Last week (from ${start.toFormat('ccc d LLL')}), ${zone}`,
    };
  }
  const start = DateTime.fromMillis(now, { zone, locale: 'en-GB' }).startOf(kind);
  const end = start.plus(kind === 'week' ? { weeks: 1 } : { months: 1 });
  const label =
    kind === 'week' ? `Week of ${start.toFormat('ccc d LLL')}, ${zone}` : `${start.toFormat('LLLL yyyy')}, ${zone}`;
  return { kind, from: start.toMillis(), to: end.toMillis(), label };
}

/**
 * The zone's offsets between two instants, so a local day is floor((ms + offset) / day) — cheap enough to run in SQL
 * over many events, or over a member's whole history on every `progress`. Luxon supplies every offset.
 */
export function offsetSegments(zone: string, from: number, to: number): readonly OffsetSegment[] {
  // A zone luxon cannot read (one a platform sent that this runtime lacks) counts as UTC rather than failing. Checked
  // through canonicalZone's cache: luxon's isValidZone builds an Intl.DateTimeFormat on every call.
  if (zone === 'UTC' || zone === 'Etc/UTC' || !canonicalZone(zone)) return UTC_ONLY;
  const first = new Date(Math.max(from, 0)).getUTCFullYear();
  const last = new Date(Math.max(to, from, 0)).getUTCFullYear();
  // Every `progress` and `streak` asks for a member's zone over the same years: the answer is kept, frozen.
  const key = `${zone}|${first}|${last}`;
  let kept = spans.get(key);
  if (!kept) {
    if (spans.size >= MAX_SPANS) spans.clear();
    spans.set(key, (kept = joinYears(zone, first, last)));
  }
  return kept;
}

const UTC_ONLY: readonly OffsetSegment[] = Object.freeze([Object.freeze({ until: Infinity, offsetMs: 0 })]);
const MAX_SPANS = 10_000; // zones in use × spans of years asked for: a few hundred in practice
const spans = new Map<string, readonly OffsetSegment[]>();

function joinYears(zone: string, first: number, last: number): readonly OffsetSegment[] {
  const segments: OffsetSegment[] = [];
  for (let year = first; year <= last; year++) {
    for (const s of yearOf(zone, year)) {
      const previous = segments.at(-1);
      if (previous && previous.offsetMs === s.offsetMs) previous.until = s.until;
      else segments.push({ ...s });
    }
  }
  segments.at(-1)!.until = Infinity;
  return Object.freeze(segments.map((s) => Object.freeze(s)));
}

// Offsets change a couple of times a year at most, and asking luxon costs microseconds each time: a zone's year is
// worked out once per process. Bounded by zones in use × years of history.
const years = new Map<string, readonly OffsetSegment[]>();

function yearOf(zone: string, year: number): readonly OffsetSegment[] {
  const key = `${zone}|${year}`;
  let found = years.get(key);
  if (!found) years.set(key, (found = scanYear(zone, year)));
  return found;
}

function scanYear(zone: string, year: number): OffsetSegment[] {
  const tz = IANAZone.create(zone);
  const offset = (ms: number) => tz.offset(ms) * 60_000;
  const end = Date.UTC(year + 1, 0, 1);
  const segments: OffsetSegment[] = [];
  let at = Date.UTC(year, 0, 1);
  let current = offset(at);
  // A week per step: time zone changes are months apart, so one step never hides two that cancel out.
  while (at < end) {
    const next = Math.min(at + 7 * DAY_MS, end);
    if (offset(next) === current) {
      at = next;
      continue;
    }
    let [lo, hi] = [at, next]; // offset(lo) is current, offset(hi) is not: find the first instant that differs
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offset(mid) === current) lo = mid;
      else hi = mid;
    }
    segments.push({ until: hi, offsetMs: current });
    [current, at] = [offset(hi), hi];
  }
  segments.push({ until: end, offsetMs: current });
  return segments;
}

/** Days since 1970-01-01 of the local date of `ms`. */
export function dayNumber(ms: number, segments: readonly OffsetSegment[]): number {
  // The first segment the instant lies before the end of, else the last: a plain loop, as this runs for every event
  // of a member's history (a callback per call cost more than the arithmetic).
  let i = 0;
  while (i < segments.length - 1 && ms >= segments[i]!.until) i++;
  return Math.floor((ms + segments[i]!.offsetMs) / DAY_MS);
}

/** A day number as an ISO date, "2026-11-23" (a calendar date: no zone left to apply). */
export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The distinct local dates, oldest first, on which the instants fall in `zone`; and today's local date. */
export function localDays(instants: readonly number[], now: number, zone: string): { dates: string[]; today: string } {
  const { days, today } = localDayNumbers(instants, now, zone);
  return { dates: days.map(isoOfDay), today: isoOfDay(today) };
}

/** The same as day numbers (days since 1970-01-01), for callers that count days rather than show them. One pass
 *  when the instants come in order, as a member's history does; any order gives the same answer. */
export function localDayNumbers(
  instants: readonly number[],
  now: number,
  zone: string,
): { days: number[]; today: number } {
  let [from, to] = [now, now];
  for (const ms of instants) {
    if (ms < from) from = ms;
    if (ms > to) to = ms;
  }
  const segments = offsetSegments(zone, from, to + 1);
  const days: number[] = [];
  let ordered = true;
  for (const ms of instants) {
    const day = dayNumber(ms, segments);
    const last = days.length ? days[days.length - 1]! : undefined;
    if (day === last) continue;
    if (last !== undefined && day < last) ordered = false;
    days.push(day);
  }
  return { days: ordered ? days : [...new Set(days)].sort((a, b) => a - b), today: dayNumber(now, segments) };
}
