// Next due times in the schedule's own zone: DST in both directions, half-hour shifts, weekday sets, snooze.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { localDate, nextDue } from '../../../src/core/time/next-due.ts';

const EVERY = 0x7f;
const at = (iso: string) => Date.parse(iso);
const local = (ms: number | null, zone: string) => DateTime.fromMillis(ms!, { zone }).toFormat('yyyy-MM-dd HH:mm ZZ');
/** Every due instant from `from` on, n of them, as local wall-clock strings. */
function series(localTime: string, zone: string, from: string, n: number, days = EVERY): string[] {
  const out: string[] = [];
  let after = at(from);
  for (let i = 0; i < n; i++) {
    const next = nextDue({ localTime, timeZone: zone, days }, after)!;
    out.push(local(next, zone));
    after = next;
  }
  return out;
}

describe('nextDue across DST', () => {
  it('Europe/Berlin spring forward: 02:30 does not exist on 2026-03-29, so it goes at 03:00', () => {
    expect(series('02:30', 'Europe/Berlin', '2026-03-27T12:00:00Z', 4)).toEqual([
      '2026-03-28 02:30 +01:00',
      '2026-03-29 03:00 +02:00',
      '2026-03-30 02:30 +02:00',
      '2026-03-31 02:30 +02:00',
    ]);
  });
  it('Europe/Berlin fall back: 02:30 happens twice on 2026-10-25, the nudge goes once', () => {
    expect(series('02:30', 'Europe/Berlin', '2026-10-24T12:00:00Z', 3)).toEqual([
      '2026-10-25 02:30 +02:00',
      '2026-10-26 02:30 +01:00',
      '2026-10-27 02:30 +01:00',
    ]);
  });
  it('America/New_York on 2026-03-08 (spring) and 2026-11-01 (fall)', () => {
    expect(series('02:30', 'America/New_York', '2026-03-07T12:00:00Z', 2)).toEqual([
      '2026-03-08 03:00 -04:00',
      '2026-03-09 02:30 -04:00',
    ]);
    expect(series('01:30', 'America/New_York', '2026-10-31T12:00:00Z', 2)).toEqual([
      '2026-11-01 01:30 -04:00',
      '2026-11-02 01:30 -05:00',
    ]);
    // A 09:00 nudge stays at 09:00 local, so its UTC instant moves by an hour.
    const [before, after] = [
      nextDue({ localTime: '09:00', timeZone: 'America/New_York', days: EVERY }, at('2026-03-07T00:00:00Z'))!,
      nextDue({ localTime: '09:00', timeZone: 'America/New_York', days: EVERY }, at('2026-03-08T12:00:00Z'))!,
    ];
    expect(new Date(before).toISOString()).toBe('2026-03-07T14:00:00.000Z');
    // 08:00 EDT at 12:00Z, so 09:00 is still ahead
    expect(new Date(after).toISOString()).toBe('2026-03-08T13:00:00.000Z');
  });
  it("Australia/Lord_Howe's half-hour shifts: 02:15 goes at 02:30 on 2026-10-04; 01:45 once on 2026-04-05", () => {
    expect(series('02:15', 'Australia/Lord_Howe', '2026-10-02T12:00:00Z', 3)).toEqual([
      '2026-10-03 02:15 +10:30',
      '2026-10-04 02:30 +11:00',
      '2026-10-05 02:15 +11:00',
    ]);
    expect(series('01:45', 'Australia/Lord_Howe', '2026-04-03T12:00:00Z', 3)).toEqual([
      '2026-04-04 01:45 +11:00',
      '2026-04-05 01:45 +11:00',
      '2026-04-06 01:45 +10:30',
    ]);
  });
  it('never lands at a wrong local hour over a whole year of days in several zones', () => {
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata']) {
      const days = series('07:45', zone, '2026-01-01T00:00:00Z', 366);
      expect(days.every((d) => d.slice(11, 16) === '07:45')).toBe(true);
      expect(new Set(days.map((d) => d.slice(0, 10))).size).toBe(366);
    }
  });
});

describe('weekday sets and snooze', () => {
  it('keeps to mon-fri and to mon,wed,fri', () => {
    const weekdays = series('09:00', 'Europe/Berlin', '2026-11-27T12:00:00Z', 3, 0x1f); // from Friday noon
    expect(weekdays.map((d) => DateTime.fromFormat(d.slice(0, 10), 'yyyy-MM-dd').toFormat('ccc'))).toEqual([
      'Mon',
      'Tue',
      'Wed',
    ]);
    const mwf = series('09:00', 'Europe/Berlin', '2026-11-23T12:00:00Z', 4, 0b10101);
    expect(mwf.map((d) => d.slice(0, 10))).toEqual(['2026-11-25', '2026-11-27', '2026-11-30', '2026-12-02']);
  });
  it('respects paused_until and has no due time without days', () => {
    const next = nextDue(
      { localTime: '09:00', timeZone: 'UTC', days: EVERY, pausedUntil: at('2026-12-03T00:00:00Z') },
      at('2026-11-26T10:00:00Z'),
    );
    expect(new Date(next!).toISOString()).toBe('2026-12-03T09:00:00.000Z');
    expect(nextDue({ localTime: '09:00', timeZone: 'UTC', days: 0 }, 0)).toBeNull();
    expect(localDate(at('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toBe('2026-03-29');
  });
});
