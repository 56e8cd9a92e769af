// Answers that depend on an instant only through its local date in a zone (a day's midnight, "tomorrow", a date's
// name) are worked out once per zone and date. Luxon asks Intl for the zone's offset on every DateTime it builds, a few
// times per operation: on a `done` that was a tenth of the write (docs/decisions/026). The local date itself comes from
// the zone's cached offsets (periods.ts), so a cached answer is luxon's own for that date.
import { dayNumber, offsetSegments } from './periods.ts';

/** Entries kept before the cache starts over: zones in use × the few days around today that are asked about. */
const LIMIT = 10_000;

/** The local date of `at` in `zone`, as days since 1970-01-01. */
export function localDayOf(at: number, zone: string): number {
  return dayNumber(at, offsetSegments(zone, at, at));
}

/** `compute`, remembered under `key`: the caller builds the key from the zone and the local dates the answer depends
 *  on, nothing finer. */
export function rememberedByDay<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= LIMIT) cache.clear();
    cache.set(key, (value = compute()));
  }
  return value;
}
