// How instants and days read on the pages: in the data's own zone, day before month, a 24-hour clock.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addDays, dayIn, instantsIn, isoWeekday, longDay, mondayOf } from '../../../src/server/dashboard/format.ts';

describe('dashboard formats', () => {
  it('writes an instant in the zone it is given, summer time included, midnight as 00', () => {
    const berlin = instantsIn('Europe/Berlin');
    expect(berlin(new Date('2025-03-11T21:05:00Z'))).toBe('11 Mar 2025, 22:05');
    expect(berlin(new Date('2025-07-01T22:30:00Z'))).toBe('2 Jul 2025, 00:30');
    expect(instantsIn('America/Los_Angeles')(new Date('2025-09-01T03:00:00Z'))).toBe('31 Aug 2025, 20:00');
    expect(dayIn(new Date('2025-03-11T23:30:00Z'), 'Asia/Tokyo')).toBe('2025-03-12');
  });

  it('agrees with a date library for any instant, across clock changes and odd offsets', () => {
    const zones = [
      'Europe/Berlin',
      'America/New_York',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
      'America/St_Johns',
      'Pacific/Chatham',
      'UTC',
    ];
    const formatters = new Map(zones.map((z) => [z, instantsIn(z)]));
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }),
        (zone, at) => {
          expect(formatters.get(zone)!(at)).toBe(
            DateTime.fromJSDate(at, { zone }).setLocale('en-US').toFormat('d LLL yyyy, HH:mm'),
          );
        },
      ),
      { numRuns: 5000 },
    );
    // The minutes either side of Berlin's spring and autumn changes, Lord Howe's half-hour one, and St John's on the half hour.
    for (const [zone, change] of [
      ['Europe/Berlin', '2025-03-30T01:00:00Z'],
      ['Europe/Berlin', '2025-10-26T01:00:00Z'],
      ['Australia/Lord_Howe', '2025-04-05T15:00:00Z'],
      ['America/St_Johns', '2025-03-09T05:30:00Z'],
    ] as const) {
      for (let minute = -61; minute <= 61; minute++) {
        const at = new Date(Date.parse(change) + minute * 60_000);
        expect(formatters.get(zone)!(at)).toBe(
          DateTime.fromJSDate(at, { zone }).setLocale('en-US').toFormat('d LLL yyyy, HH:mm'),
        );
      }
    }
  });

  it('does calendar arithmetic on plain days, whatever the clocks did that night', () => {
    expect(longDay('2024-09-16')).toBe('16 Sep 2024');
    expect(mondayOf('2024-10-27')).toBe('2024-10-21');
    expect(addDays('2024-10-26', 2)).toBe('2024-10-28');
    expect([isoWeekday('2024-10-27'), isoWeekday('2024-10-28')]).toEqual([7, 1]);
    expect(() => longDay('2024-13-01')).toThrow(/not a calendar day/);
  });
});
