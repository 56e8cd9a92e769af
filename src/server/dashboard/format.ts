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

/** "3 Mar 2025, 14:05" in the given zone. */
export function instantIn(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).setLocale('en').toFormat('d LLL yyyy, HH:mm');
}

/** The calendar day of an instant in a zone, "YYYY-MM-DD". */
export function dayIn(at: Date, zone: string): IsoDate {
  return DateTime.fromJSDate(at, { zone }).toISODate()!;
}
