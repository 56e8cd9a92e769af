// Streaks, pure: consecutive local days with progress, with freezes that cover a missed day. No clock, no store.
export type StreakMode = 'daily' | 'weekdays';

export interface Streak {
  current: number;
  longest: number;
  freezesHeld: number;
}

export const FREEZE_EVERY = 7; // one freeze earned per 7 days of streak…
export const MAX_FREEZES = 2; // …and no more than 2 held at once

const DAY_MS = 86_400_000;
/** "2026-11-23" → days since 1970-01-01 (a calendar date: no zone involved). */
export const dayOf = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);

/**
 * The rules, day by day from the first active date to today (streakOverDays applies them a gap at a time). An active
 * day adds one to the streak. A required day without activity uses a freeze if one is held, else breaks the streak. Today never breaks it: the day is not
 * over. Days that are not required — weekends in weekday mode, and `excused` dates (workspace holidays, filled by
 * the scheduler later) — break nothing when idle and still count when someone studies on them.
 */
export function computeStreak(
  activeDates: readonly string[],
  today: string,
  mode: StreakMode = 'daily',
  excused: ReadonlySet<string> = new Set(),
): Streak {
  return streakOverDays(activeDates.map(dayOf), dayOf(today), mode, new Set([...excused].map(dayOf)));
}

/** computeStreak over day numbers (days since 1970-01-01), which `progress` has at hand. Works gap by gap rather than
 *  day by day: a year of history is a few hundred calendar days but only as many steps as active days, and every
 *  `progress` and `streak` runs this. The same rules as a walk over every day (test/core/time/streaks.test.ts checks
 *  one against the other). */
export function streakOverDays(
  activeDays: readonly number[],
  today: number,
  mode: StreakMode,
  excused: ReadonlySet<number> = new Set(),
): Streak {
  let [current, longest, freezesHeld] = [0, 0, 0];
  const days = ascendingUpTo(activeDays, today);
  if (days.length === 0) return { current, longest, freezesHeld };
  const holidays = [...excused].sort((a, b) => a - b);
  let h = 0; // holidays before this one lie in gaps already counted
  /** The required days from `from` to `to` inclusive: each spends a freeze, and one without a freeze breaks it. */
  const missed = (from: number, to: number) => {
    if (to < from) return;
    let required = mode === 'weekdays' ? weekdaysBetween(from, to) : to - from + 1;
    while (h < holidays.length && holidays[h]! < from) h++;
    for (; h < holidays.length && holidays[h]! <= to; h++) if (mode === 'daily' || isWeekday(holidays[h]!)) required--;
    if (required <= freezesHeld) freezesHeld -= required;
    else [freezesHeld, current] = [0, 0];
  };
  for (let i = 0; i < days.length; i++) {
    if (i > 0) missed(days[i - 1]! + 1, days[i]! - 1);
    current++;
    if (current > longest) longest = current;
    if (current % FREEZE_EVERY === 0) freezesHeld = Math.min(MAX_FREEZES, freezesHeld + 1);
  }
  missed(days.at(-1)! + 1, today - 1); // today never breaks it: the day is not over
  return { current, longest, freezesHeld };
}

/** The distinct days up to `today`, ascending (usually already so: callers pass sorted, distinct days). */
function ascendingUpTo(days: readonly number[], today: number): readonly number[] {
  let ordered = true;
  for (let i = 1; i < days.length && ordered; i++) ordered = days[i]! > days[i - 1]!;
  const sorted = ordered ? days : [...new Set(days)].sort((a, b) => a - b);
  let end = sorted.length;
  while (end > 0 && sorted[end - 1]! > today) end--;
  return end === sorted.length ? sorted : sorted.slice(0, end);
}

/** 1 January 1970, day 0, was a Thursday: (day + 4) % 7 is 0 on Sundays … 6 on Saturdays. */
const isWeekday = (day: number) => {
  const weekday = (day + 4) % 7;
  return weekday !== 0 && weekday !== 6;
};

/** Monday-to-Friday days from `from` to `to` inclusive: five per whole week, then the few days left one by one. */
function weekdaysBetween(from: number, to: number): number {
  const weeks = Math.floor((to - from + 1) / 7);
  let count = weeks * 5;
  for (let day = from + weeks * 7; day <= to; day++) if (isWeekday(day)) count++;
  return count;
}
