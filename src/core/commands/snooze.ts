// `snooze [1d|3d|1w|until YYYY-MM-DD|off]`: no nudges for a while; they come back on their own.
import { DateTime } from 'luxon';
import { UserError } from '../model/errors.ts';
import { reply, text } from '../model/reply.ts';
import { nextDue } from '../time/next-due.ts';
import { describeInstant } from '../time/schedule-args.ts';
import type { Command } from './command.ts';

const DAY_MS = 86_400_000;
const HINT = 'Use `snooze 1d`, `snooze 3d`, `snooze 1w` or `snooze until 2026-12-31`; `snooze off` ends it.';

export const snooze: Command = {
  name: 'snooze',
  args: [{ name: 'for', kind: 'text', required: false, description: '1d, 3d, 1w, until YYYY-MM-DD, or off' }],
  summary: 'Pause your daily nudges for a while',
  examples: ['snooze', 'snooze 3d', 'snooze until 2026-12-31', 'snooze off'],
  async run(ctx, rest) {
    const s = await ctx.store.schedules.nudgeOf(ctx.member.id);
    if (!s || s.nextDueAt === null)
      throw new UserError('You have no daily nudge to snooze.', { hint: '`remind 09:00` sets one.' });
    const arg = rest.toLowerCase() || '1d';
    let until: number | null;
    const span = /^(\d{1,3})([dw])$/.exec(arg);
    const date = /^until (\d{4}-\d{2}-\d{2})$/.exec(arg);
    if (arg === 'off') until = null;
    // "1d" is 24 hours without nudges from now: snoozing from today's nudge skips tomorrow's.
    else if (span && Number(span[1]) >= 1) until = ctx.now + Number(span[1]) * (span[2] === 'w' ? 7 : 1) * DAY_MS;
    else if (date) {
      const start = DateTime.fromISO(date[1]!, { zone: s.timeZone });
      if (!start.isValid) throw new UserError([{ user: date[1]! }, ' is not a date.'], { hint: HINT });
      until = start.toMillis(); // nudges resume on that date
      if (until <= ctx.now) throw new UserError([{ user: date[1]! }, ' is not in the future.'], { hint: HINT });
    } else throw new UserError(["I can't snooze for ", { user: rest }, '.'], { hint: HINT });
    if (until !== null && until - ctx.now > 366 * DAY_MS)
      throw new UserError('That is more than a year.', { hint: 'For longer, `remind off`.' });
    const nextDueAt = nextDue({ ...s, pausedUntil: until }, ctx.now);
    await ctx.store.schedules.update(s.id, { pausedUntil: until, nextDueAt });
    // One instant, the next nudge: the pause's own end can fall between two nudges, or on one, and naming both reads as
    // a contradiction ("no nudges until Thu 13:06. Next nudge: Fri 13:06").
    const next = nextDueAt === null ? '' : `Next nudge: ${describeInstant(nextDueAt, s.timeZone)} (${s.timeZone})`;
    return reply({
      heading: until === null ? 'Snooze ended' : 'Nudges snoozed',
      blocks: [text(until === null ? `Your nudges are back on. ${next}.` : `${next}; none before it.`)],
      buttons: until === null ? [] : [{ label: 'End snooze', command: 'snooze off' }],
    });
  },
};
