// How review dates read: a day, not an instant (a card is due from the start of its local day).
import { DateTime } from 'luxon';
import { localDayOf, rememberedByDay } from '../time/by-local-day.ts';

const described = new Map<string, string>();

/** "on Sun 29 Nov" in the zone; "today" / "tomorrow" when it is that close to `now`. */
export function describeDay(at: number, zone: string, now?: number): string {
  const key = `${zone}|${localDayOf(at, zone)}|${now === undefined ? '' : localDayOf(now, zone)}`;
  return rememberedByDay(described, key, () => {
    const day = DateTime.fromMillis(at, { zone, locale: 'en-GB' });
    if (now !== undefined) {
      const today = DateTime.fromMillis(now, { zone }).startOf('day');
      const days = Math.round(day.startOf('day').diff(today, 'days').days);
      if (days <= 0) return 'today';
      if (days === 1) return 'tomorrow';
      return `in ${days} days, on ${day.toFormat('ccc d LLL')}`;
    }
    return `on ${day.toFormat('ccc d LLL')}`;
  });
}
