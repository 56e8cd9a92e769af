// `holiday add|remove YYYY-MM-DD`, `holiday list`: days off for the whole workspace — no nudges, streaks keep.
import { DateTime } from 'luxon';
import { UserError } from '../model/errors.ts';
import { list, reply, text } from '../model/reply.ts';
import type { Command } from './command.ts';
import { requireAdmin } from './require-admin.ts';

const HINT = 'Use `holiday add 2026-12-25`, `holiday remove 2026-12-25` or `holiday list`.';

export const holiday: Command = {
  name: 'holiday',
  aliases: ['holidays'],
  args: [{ name: 'action', kind: 'text', required: false, description: 'add YYYY-MM-DD, remove YYYY-MM-DD, or list' }],
  summary: 'Workspace days off: no nudges, and streaks do not break (admins add and remove)',
  examples: ['holiday add 2026-12-25', 'holiday list', 'holiday remove 2026-12-25'],
  async run(ctx, rest) {
    const [action = 'list', date, ...extra] = rest.split(' ').filter(Boolean);
    const verb = action.toLowerCase();
    if (verb === 'list' && !date) {
      const dates = await ctx.store.holidays.datesOf(ctx.workspace.id);
      return reply({
        heading: 'Workspace holidays',
        blocks: dates.length
          ? [list(dates.map((d) => [DateTime.fromISO(d).setLocale('en-GB').toFormat('ccc d LLL yyyy')]))]
          : [text('No holidays set. Admins add one with `holiday add 2026-12-25`.')],
      });
    }
    if ((verb !== 'add' && verb !== 'remove') || !date || extra.length)
      throw new UserError(["I don't understand ", { user: rest }, '.'], { hint: HINT });
    requireAdmin(ctx, 'Setting holidays');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !DateTime.fromISO(date).isValid) {
      throw new UserError([{ user: date }, ' is not a date.'], {
        hint: 'Dates are YYYY-MM-DD, e.g. `holiday add 2026-12-25`.',
      });
    }
    const label = DateTime.fromISO(date).setLocale('en-GB').toFormat('ccc d LLL yyyy');
    if (verb === 'add') {
      // A day already over cannot be a day off: nudges for it are gone, and streaks are counted.
      const today = DateTime.fromMillis(ctx.now, { zone: ctx.workspace.timeZone }).toISODate()!;
      if (date < today)
        throw new UserError([{ user: date }, ' is in the past.'], {
          hint: `Holidays are today or later (today is ${today} in ${ctx.workspace.timeZone}).`,
        });
      const added = await ctx.store.holidays.add(ctx.workspace.id, date);
      return reply({
        heading: added ? 'Holiday added' : 'Already a holiday',
        blocks: [text(`${label}: no nudges that day, and nobody's streak breaks over it.`)],
      });
    }
    const removed = await ctx.store.holidays.remove(ctx.workspace.id, date);
    return reply({
      heading: removed ? 'Holiday removed' : 'Not a holiday',
      blocks: [text(removed ? `${label} is a normal day again.` : `${label} was not a holiday.`)],
    });
  },
};
