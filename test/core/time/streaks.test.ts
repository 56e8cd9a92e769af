// The streak calculation, pure: consecutive local days, freezes, weekday mode and excused days.
import { describe, expect, it } from 'vitest';
import { computeStreak } from '../../../src/core/time/streaks.ts';

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
