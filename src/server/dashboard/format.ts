// How days and instants read on the pages: English (day before month), unambiguous ("3 Mar 2025"), in the zone the data belongs to.
import { DateTime } from 'luxon';
import type { IsoDate } from './data.ts';

function day(date: IsoDate): DateTime {
  const parsed = DateTime.fromISO(date, { zone: 'utc', locale: 'en' });
  if (!parsed.isValid) throw new Error(`not a calendar day: ${date}`);
  return parsed;
}

/** "3 Mar" */
export const shortDay = (date: IsoDate): string => day(date).toFormat('d LLL');
/** "3 Mar 2025" */
export const longDay = (date: IsoDate): string => day(date).toFormat('d LLL yyyy');
/** "Mon 3" */
export const weekdayAndDay = (date: IsoDate): string => day(date).toFormat('ccc d');
/** "Mar" */
export const monthName = (date: IsoDate): string => day(date).toFormat('LLL');

/** 1 = Monday … 7 = Sunday */
export const isoWeekday = (date: IsoDate): number => day(date).weekday;
export const mondayOf = (date: IsoDate): IsoDate => day(date).startOf('week').toISODate()!;
export const addDays = (date: IsoDate, days: number): IsoDate => day(date).plus({ days }).toISODate()!;
export const daysBetween = (from: IsoDate, to: IsoDate): number => Math.round(day(to).diff(day(from), 'days').days);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const QUARTER_HOUR = 15 * 60_000;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A formatter for instants in one zone: "3 Mar 2025, 14:05". A team table formats thousands of instants, and Intl
 * takes microseconds for each; but a zone's offset only changes on a quarter hour (tz offsets and their changes
 * fall on quarter hours), so Intl is asked once per quarter hour seen and the rest is arithmetic.
 */
export function instantsIn(zone: string): (at: Date) => string {
  const wallClock = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  });
  const offsets = new Map<number, number>();
  const offsetAt = (quarter: number): number => {
    const start = quarter * QUARTER_HOUR;
    const p = Object.fromEntries(wallClock.formatToParts(start).map((x) => [x.type, Number(x.value)]));
    return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - start;
  };
  return (at) => {
    const quarter = Math.floor(at.getTime() / QUARTER_HOUR);
    let offset = offsets.get(quarter);
    if (offset === undefined) offsets.set(quarter, (offset = offsetAt(quarter)));
    const local = new Date(at.getTime() + offset);
    return `${local.getUTCDate()} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()}, ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
  };
}

/** The calendar day of an instant in a zone, "YYYY-MM-DD". */
export function dayIn(at: Date, zone: string): IsoDate {
  return DateTime.fromJSDate(at, { zone }).toISODate()!;
}
