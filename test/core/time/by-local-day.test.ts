// Answers kept per zone and local date (src/core/time/by-local-day.ts) must be exactly what luxon says for every
// instant of that date, across DST changes, half-hour zones and zones whose midnight is skipped. Instants are asked in
// a scrambled order, so most answers come from an entry another instant of the same day made.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { localDayStart } from '../../../src/core/review/fsrs.ts';
import { describeDay } from '../../../src/core/review/wording.ts';

const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'America/Santiago', // DST starts at midnight: that midnight does not exist
  'Asia/Kolkata',
  'Australia/Lord_Howe', // a 30-minute DST shift
  'Pacific/Chatham',
  'UTC',
];
const START = Date.UTC(2026, 0, 1);
const STEP = 97 * 60_000 + 13_000; // never lines up with an hour, so instants fall on every part of the day
const INSTANTS = Array.from({ length: Math.floor((366 * 86_400_000) / STEP) }, (_, i) => START + i * STEP);
// A fixed shuffle: the same order every run.
const SCRAMBLED = INSTANTS.map((at, i) => [at, (i * 2_654_435_761) % 4_294_967_291] as const)
  .sort((a, b) => a[1] - b[1])
  .map(([at]) => at);

describe.each(ZONES)('answers kept per local day in %s', (zone) => {
  it('give the local midnight luxon gives, for every instant and offset in days', () => {
    for (const at of SCRAMBLED) {
      for (const days of [0, 1, 3]) {
        const expected = DateTime.fromMillis(at, { zone }).startOf('day').plus({ days }).toMillis();
        if (localDayStart(at, zone, days) !== expected)
          expect({ at, days, got: localDayStart(at, zone, days) }).toEqual({ at, days, got: expected });
      }
    }
  });

  it('name the day as luxon does, relative to now or not', () => {
    for (const [i, at] of SCRAMBLED.entries()) {
      const now = SCRAMBLED[(i * 7) % SCRAMBLED.length]!;
      const day = DateTime.fromMillis(at, { zone, locale: 'en-GB' });
      const days = Math.round(day.startOf('day').diff(DateTime.fromMillis(now, { zone }).startOf('day'), 'days').days);
      const relative =
        days <= 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days, on ${day.toFormat('ccc d LLL')}`;
      if (describeDay(at, zone, now) !== relative) expect(describeDay(at, zone, now)).toBe(relative);
      if (describeDay(at, zone) !== `on ${day.toFormat('ccc d LLL')}`)
        expect(describeDay(at, zone)).toBe(`on ${day.toFormat('ccc d LLL')}`);
    }
  });
});
