// The words schedules are set with: a local time "HH:MM", weekday sets ("mon-fri", "daily", "mon,wed,fri"), and
// how both read back. Weekdays are a bit set: bit 0 = Monday … bit 6 = Sunday, as the schedules table keeps them.
import { DateTime } from 'luxon';
import { UserError } from '../model/errors.ts';

export const EVERY_DAY = 0x7f;
const NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const LABELS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const WORDS: Record<string, number> = { daily: EVERY_DAY, everyday: EVERY_DAY, weekdays: 0x1f, weekends: 0x60 };

/**
 * A time of day as people write it → "HH:MM": "9:05", "09:05", "9am", "9:30pm", "12am" (midnight), "21h", "21h30".
 * A bare hour ("9") is refused: morning or evening is the member's to say. A UserError for anything else.
 */
export function parseClock(word: string, example: string): string {
  const w = word.toLowerCase();
  const m = /^(\d{1,2}):(\d{2})$/.exec(w) ?? /^(\d{1,2})h(\d{2})?$/.exec(w);
  const twelve = /^(\d{1,2})(?::(\d{2}))?(am|pm)$/.exec(w);
  let hour = Number((m ?? twelve)?.[1]);
  const minute = Number((m ?? twelve)?.[2] ?? 0);
  if (twelve) hour = hour >= 1 && hour <= 12 ? (hour % 12) + (twelve[3] === 'pm' ? 12 : 0) : NaN;
  if ((!m && !twelve) || !(hour <= 23) || minute > 59) {
    const bare =
      /^\d{1,2}$/.test(w) && Number(w) <= 12
        ? ` In the morning or the evening? \`${example.replace(/\d\d:\d\d/, `${w.padStart(2, '0')}:00`)}\` or ` +
          `\`${example.replace(/\d\d:\d\d/, `${String(Number(w) + 12).padStart(2, '0')}:00`)}\`.`
        : '';
    throw new UserError([{ user: word }, ' is not a time of day.'], {
      hint: `Use HH:MM (24-hour) or 9am / 9:30pm, e.g. \`${example}\`.${bare}`,
    });
  }
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** "9 am" typed as two words: the time is the first word with the second when that is am or pm. */
export function clockWords(words: readonly string[]): number {
  return /^(am|pm)$/i.test(words[1] ?? '') ? 2 : 1;
}

function day(word: string): number | undefined {
  const i = NAMES.indexOf(word.slice(0, 3));
  // "mon", "monday", "Mon" — but not "month": the rest must spell the day's name.
  return i >= 0 && `${NAMES[i]}${['day', 'sday', 'nesday', 'rsday', 'day', 'urday', 'day'][i]}`.startsWith(word)
    ? i
    : undefined;
}

/** A weekday set from one word, or undefined when the word is not one (it may be a time zone). */
export function parseDays(word: string): number | undefined {
  const w = word.toLowerCase();
  if (WORDS[w] !== undefined) return WORDS[w];
  let mask = 0;
  for (const part of w.split(',')) {
    const [from, to, extra] = part.split('-');
    const a = from ? day(from) : undefined;
    const b = to === undefined ? a : day(to);
    if (a === undefined || b === undefined || extra !== undefined) return undefined;
    for (let i = a, n = 0; n < 7; i = (i + 1) % 7, n++) {
      // "fri-mon" wraps over the weekend
      mask |= 1 << i;
      if (i === b) break;
    }
  }
  return mask || undefined;
}

/** ["Mon", "Tue", …]: a weekday set as names, for people and for exports. */
export function dayNames(mask: number): string[] {
  return LABELS.filter((_, i) => mask & (1 << i));
}

/** "every day", "Mon–Fri", "Mon, Wed, Fri" */
export function describeDays(mask: number): string {
  if (mask === EVERY_DAY) return 'every day';
  if (mask === 0x1f) return 'Mon–Fri';
  if (mask === 0x60) return 'Sat and Sun';
  return dayNames(mask).join(', ');
}

/** "Mon 30 Nov, 09:00" in the zone. */
export function describeInstant(at: number, zone: string): string {
  return DateTime.fromMillis(at, { zone, locale: 'en-GB' }).toFormat('ccc d LLL, HH:mm');
}
