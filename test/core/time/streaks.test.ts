// The streak calculation, pure: consecutive local days, freezes, weekday mode and excused days.
import { describe, expect, it } from 'vitest';
import {
  computeStreak,
  FREEZE_EVERY,
  MAX_FREEZES,
  type StreakMode,
  streakOverDays,
} from '../../../src/core/time/streaks.ts';

/** ISO dates from a start date, one per character of `pattern`: "x" active, "." idle. */
function days(start: string, pattern: string): string[] {
  const first = Date.parse(`${start}T00:00:00Z`);
  return [...pattern].flatMap((c, i) =>
    c === 'x' ? [new Date(first + i * 86_400_000).toISOString().slice(0, 10)] : [],
  );
}
const dayAfter = (start: string, n: number) =>
  new Date(Date.parse(`${start}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('computeStreak', () => {
  it('is zero with no activity, and counts consecutive days up to today', () => {
    expect(computeStreak([], '2026-11-26')).toEqual({ current: 0, longest: 0, freezesHeld: 0 });
    expect(computeStreak(days('2026-11-20', 'xxxxxxx'), '2026-11-26')).toEqual({
      current: 7,
      longest: 7,
      freezesHeld: 1,
    });
  });

  it('keeps the streak alive today before any progress, and breaks it after a missed day', () => {
    expect(computeStreak(days('2026-11-22', 'xxxx'), '2026-11-26').current).toBe(4); // today not over yet
    expect(computeStreak(days('2026-11-21', 'xxxx'), '2026-11-26')).toEqual({ current: 0, longest: 4, freezesHeld: 0 });
    expect(computeStreak(days('2026-11-10', 'xxxxx.xx'), '2026-11-17')).toEqual({
      current: 2,
      longest: 5,
      freezesHeld: 0,
    });
  });

  it('earns a freeze at 7 days and spends it on a missed day', () => {
    const dates = days('2026-11-01', 'xxxxxxx.xxx'); // 7 days, a gap, 3 more
    expect(computeStreak(dates, '2026-11-11')).toEqual({ current: 10, longest: 10, freezesHeld: 0 });
  });

  it('holds at most two freezes, and a third missed day breaks the streak', () => {
    const dates = days('2026-11-01', 'x'.repeat(21)); // freezes earned at 7, 14, 21: capped at 2
    expect(computeStreak(dates, '2026-11-21').freezesHeld).toBe(2);
    // 22nd missed, today the 23rd
    expect(computeStreak(dates, '2026-11-23')).toMatchObject({ current: 21, freezesHeld: 1 });
    expect(computeStreak(dates, '2026-11-24')).toMatchObject({ current: 21, freezesHeld: 0 });
    expect(computeStreak(dates, '2026-11-25')).toEqual({ current: 0, longest: 21, freezesHeld: 0 });
  });

  it('skips weekends in weekday mode, and counts study on one', () => {
    // 2026-11-16 is a Monday: Mon–Fri active, weekend idle, Monday active.
    const dates = days('2026-11-16', 'xxxxx..x');
    expect(computeStreak(dates, '2026-11-23', 'weekdays')).toEqual({ current: 6, longest: 6, freezesHeld: 0 });
    expect(computeStreak(dates, '2026-11-23', 'daily')).toEqual({ current: 1, longest: 5, freezesHeld: 0 });
    expect(computeStreak(days('2026-11-16', 'xxxxxx.x'), '2026-11-23', 'weekdays').current).toBe(7); // Saturday counts
    expect(computeStreak(days('2026-11-16', 'xxxx...x'), '2026-11-23', 'weekdays').current).toBe(1); // Friday missed
  });

  it('treats excused dates like weekends', () => {
    const dates = days('2026-11-16', 'xx.xx');
    expect(computeStreak(dates, '2026-11-20').current).toBe(2);
    expect(computeStreak(dates, '2026-11-20', 'daily', new Set(['2026-11-18'])).current).toBe(4);
  });

  it('ignores activity after today and walks long histories', () => {
    expect(computeStreak([...days('2026-11-24', 'xx'), dayAfter('2026-11-26', 3)], '2026-11-25').current).toBe(2);
    const year = days('2025-11-26', 'x'.repeat(366));
    expect(computeStreak(year, '2026-11-26')).toEqual({ current: 366, longest: 366, freezesHeld: 2 });
  });
});

/** The rules as written: every calendar day from the first active one to today, in turn. streakOverDays jumps over
 *  each gap at once and must agree with this on any history. */
function walkEveryDay(active: Set<number>, today: number, mode: StreakMode, excused: Set<number>) {
  let [current, longest, freezesHeld] = [0, 0, 0];
  if (active.size === 0) return { current, longest, freezesHeld };
  for (let day = Math.min(...active); day <= today; day++) {
    if (active.has(day)) {
      current++;
      longest = Math.max(longest, current);
      if (current % FREEZE_EVERY === 0) freezesHeld = Math.min(MAX_FREEZES, freezesHeld + 1);
      continue;
    }
    const weekday = (day + 4) % 7;
    const required = !(mode === 'weekdays' && (weekday === 0 || weekday === 6)) && !excused.has(day);
    if (!required || day === today) continue;
    if (freezesHeld > 0) freezesHeld--;
    else current = 0;
  }
  return { current, longest, freezesHeld };
}

describe('streakOverDays', () => {
  it('agrees with a walk over every day, on random histories with gaps, holidays, weekends and days after today', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const today = 20_600; // 2026-05-27
    for (let run = 0; run < 3000; run++) {
      const span = 1 + Math.floor(random() * 120);
      const busy = random(); // how often this member studies
      const active = new Set<number>();
      for (let day = today - span; day <= today + 2; day++) if (random() < busy) active.add(day);
      const excused = new Set<number>();
      for (let day = today - span - 5; day <= today; day++) if (random() < 0.1) excused.add(day);
      const mode: StreakMode = random() < 0.5 ? 'daily' : 'weekdays';
      // Callers pass days sorted and distinct; a shuffled list with repeats must give the same answer.
      const days = [...active].sort((a, b) => a - b);
      const shuffled = [...days, ...days.slice(0, 3)].sort(() => random() - 0.5);
      const expected = walkEveryDay(active, today, mode, excused);
      expect(streakOverDays(days, today, mode, excused), `run ${run}`).toEqual(expected);
      expect(streakOverDays(shuffled, today, mode, excused), `run ${run}, shuffled`).toEqual(expected);
    }
  });
});
