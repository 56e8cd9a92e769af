// Periods and local days in a time zone: week and month boundaries at local midnight, across DST changes.
import { describe, expect, it } from 'vitest';
import { dayNumber, isoOfDay, localDays, offsetSegments, periodOf } from '../../../src/core/time/periods.ts';

const at = (iso: string) => Date.parse(iso);

describe('periodOf', () => {
  it('starts the week on Monday at local midnight and says so', () => {
    const week = periodOf('week', at('2026-11-26T09:00:00Z'), 'Europe/Berlin');
    expect(new Date(week.from).toISOString()).toBe('2026-11-22T23:00:00.000Z'); // Mon 23 Nov 00:00 CET
    expect(new Date(week.to).toISOString()).toBe('2026-11-29T23:00:00.000Z');
    expect(week.label).toBe('Week of Mon 23 Nov, Europe/Berlin');
  });

  it('puts 23:30 on Sunday, Berlin time, in that week, not the next', () => {
    const sundayLate = at('2026-11-29T22:30:00Z'); // Sun 29 Nov 23:30 CET
    const week = periodOf('week', sundayLate, 'Europe/Berlin');
    expect(week.label).toBe('Week of Mon 23 Nov, Europe/Berlin');
    expect(periodOf('week', sundayLate, 'UTC').label).toBe('Week of Mon 23 Nov, UTC');
    expect(periodOf('week', at('2026-11-29T23:30:00Z'), 'Europe/Berlin').label).toBe(
      'Week of Mon 30 Nov, Europe/Berlin',
    );
  });

  it('spans a DST week: 167 hours in spring, 169 in autumn', () => {
    const spring = periodOf('week', at('2026-03-25T12:00:00Z'), 'Europe/Berlin');
    expect((spring.to - spring.from) / 3_600_000).toBe(167);
    const autumn = periodOf('week', at('2026-10-25T12:00:00Z'), 'Europe/Berlin');
    expect(autumn.label).toBe('Week of Mon 19 Oct, Europe/Berlin');
    expect((autumn.to - autumn.from) / 3_600_000).toBe(169);
  });

  it('takes months and all time', () => {
    const month = periodOf('month', at('2026-11-01T00:30:00Z'), 'Europe/Berlin');
    expect(month.label).toBe('November 2026, Europe/Berlin');
    expect(new Date(month.from).toISOString()).toBe('2026-10-31T23:00:00.000Z');
    expect(periodOf('month', at('2026-10-31T23:30:00Z'), 'UTC').label).toBe('October 2026, UTC');
    expect(periodOf('all', 0, 'UTC')).toMatchObject({ from: 0, label: 'All time' });
  });
});

describe('local days', () => {
  it('finds a change in the last days of a year, and joins years with the same offset', () => {
    // Samoa skipped 30 Dec 2011 (UTC-10 → UTC+14); Berlin runs on from one year into the next.
    const samoa = offsetSegments('Pacific/Apia', at('2011-12-01T00:00:00Z'), at('2012-01-10T00:00:00Z'));
    expect(samoa).toContainEqual({ until: at('2011-12-30T10:00:00Z'), offsetMs: -36_000_000 });
    expect(samoa).toContainEqual({ until: at('2012-03-31T14:00:00Z'), offsetMs: 50_400_000 });
    const berlin = offsetSegments('Europe/Berlin', at('2025-11-01T00:00:00Z'), at('2026-02-01T00:00:00Z'));
    // whole years: 2025 and 2026, no seam at New Year
    expect(berlin.map((s) => s.offsetMs / 3_600_000)).toEqual([1, 2, 1, 2, 1]);
    expect(berlin[2]).toEqual({ until: at('2026-03-29T01:00:00Z'), offsetMs: 3_600_000 });
  });

  it('finds the exact instants Berlin changes its clocks', () => {
    const segments = offsetSegments('Europe/Berlin', at('2026-03-01T00:00:00Z'), at('2026-12-01T00:00:00Z'));
    expect(segments).toEqual([
      { until: at('2026-03-29T01:00:00Z'), offsetMs: 3_600_000 },
      { until: at('2026-10-25T01:00:00Z'), offsetMs: 7_200_000 },
      { until: Infinity, offsetMs: 3_600_000 },
    ]);
  });

  it('counts the local date on both sides of a DST change', () => {
    const segments = offsetSegments('Europe/Berlin', at('2026-10-20T00:00:00Z'), at('2026-10-30T00:00:00Z'));
    expect(isoOfDay(dayNumber(at('2026-10-24T22:30:00Z'), segments))).toBe('2026-10-25'); // 00:30 CEST
    expect(isoOfDay(dayNumber(at('2026-10-25T22:30:00Z'), segments))).toBe('2026-10-25'); // 23:30 CET
    expect(isoOfDay(dayNumber(at('2026-10-25T23:30:00Z'), segments))).toBe('2026-10-26');
    expect(
      localDays(
        [at('2026-03-28T23:30:00Z'), at('2026-03-29T21:59:00Z'), at('2026-03-29T22:00:00Z')],
        at('2026-03-29T22:00:00Z'),
        'Europe/Berlin',
      ),
    ).toEqual({ dates: ['2026-03-29', '2026-03-30'], today: '2026-03-30' });
  });

  it('gives the same local days whatever order the instants come in', () => {
    // A member's history comes in order; merged with review answers or read elsewhere it may not.
    const now = at('2026-11-26T09:00:00Z');
    const ordered = Array.from({ length: 400 }, (_, i) => now - (400 - i) * 19 * 3_600_000); // across two DST changes
    const scrambled = [...ordered].sort((a, b) => ((a * 7919) % 1009) - ((b * 7919) % 1009));
    const repeated = [...scrambled, ...ordered.slice(0, 50)];
    const expected = localDays(ordered, now, 'Europe/Berlin');
    expect(expected.dates).toHaveLength(new Set(expected.dates).size);
    expect(expected.dates).toEqual([...expected.dates].sort());
    expect(localDays(scrambled, now, 'Europe/Berlin')).toEqual(expected);
    expect(localDays(repeated, now, 'Europe/Berlin')).toEqual(expected);
  });

  it('hands out kept offsets that no caller can change', () => {
    const segments = offsetSegments('Europe/Berlin', at('2026-03-01T00:00:00Z'), at('2026-12-01T00:00:00Z'));
    expect(offsetSegments('Europe/Berlin', at('2026-01-05T00:00:00Z'), at('2026-06-01T00:00:00Z'))).toBe(segments);
    expect(() => ((segments[0] as { offsetMs: number }).offsetMs = 0)).toThrow(TypeError);
    expect(() => (segments as { until: number; offsetMs: number }[]).pop()).toThrow(TypeError);
  });

  it("uses UTC days for UTC, and the zone's own days elsewhere", () => {
    const late = at('2026-11-26T23:30:00Z');
    expect(localDays([late], late, 'UTC')).toEqual({ dates: ['2026-11-26'], today: '2026-11-26' });
    expect(localDays([late], late, 'Asia/Tokyo').dates).toEqual(['2026-11-27']);
    expect(localDays([late], late, 'America/Los_Angeles').dates).toEqual(['2026-11-26']);
    expect(localDays([], late, 'Asia/Tokyo')).toEqual({ dates: [], today: '2026-11-27' });
    // unknown: UTC
    expect(localDays([late], late, 'Mars/Olympus_Mons')).toEqual({ dates: ['2026-11-26'], today: '2026-11-26' });
  });
});
