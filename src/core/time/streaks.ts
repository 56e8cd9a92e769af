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
 * Walks every calendar day from the first active date to today. An active day adds one to the streak. A required
 * day without activity uses a freeze if one is held, else breaks the streak. Today never breaks it: the day is not
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

/** computeStreak over day numbers (days since 1970-01-01), which `progress` has at hand. */
export function streakOverDays(
  activeDays: readonly number[],
  today: number,
  mode: StreakMode,
  excused: ReadonlySet<number> = new Set(),
): Streak {
  const active = new Set(activeDays);
  let [current, longest, freezesHeld] = [0, 0, 0];
  if (active.size === 0) return { current, longest, freezesHeld };
  for (let day = Math.min(...active); day <= today; day++) {
    if (active.has(day)) {
      current++;
      longest = Math.max(longest, current);
      if (current % FREEZE_EVERY === 0) freezesHeld = Math.min(MAX_FREEZES, freezesHeld + 1);
      continue;
    }
    const weekday = (day + 4) % 7; // 0 Sunday … 6 Saturday: day 0, 1 January 1970, was a Thursday
    const required = !(mode === 'weekdays' && (weekday === 0 || weekday === 6)) && !excused.has(day);
    if (!required || day === today) continue;
    if (freezesHeld > 0) freezesHeld--;
    else current = 0;
  }
  return { current, longest, freezesHeld };
}
