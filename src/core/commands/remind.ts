// `remind HH:MM [time zone] [days]`, `remind`, `remind off`: the member's daily study nudge, by DM.
import type { ScheduleRow } from '../../store/index.ts';
import { nextDue } from '../../schedule/next-due.ts';
import { UserError } from '../errors.ts';
import { reply, text, type Reply } from '../reply.ts';
import { describeDays, describeInstant, EVERY_DAY, parseClock, parseDays } from '../schedule-args.ts';
import { resolveZone } from '../time-zones.ts';
import type { Command, CommandContext } from './command.ts';

export const FAILURES_BEFORE_PAUSE = 3;

export const remind: Command = {
  name: 'remind',
  aliases: ['reminder', 'nudge'],
  args: [{ name: 'time', kind: 'text', required: false, description: 'HH:MM [time zone] [days], or off' }],
  summary: 'A daily study nudge by DM at your local time',
  examples: ['remind 09:00', 'remind 08:30 Europe/Berlin mon-fri', 'remind', 'remind off'],
  run(ctx, rest) {
    const words = rest.split(' ').filter(Boolean);
    const existing = ctx.store.schedules.nudgeOf(ctx.member.id);
    if (words.length === 0) return show(ctx, existing);
    if (words[0]!.toLowerCase() === 'off') {
      if (existing) ctx.store.schedules.update(existing.id, { nextDueAt: null, pausedUntil: null, pausedReason: null, consecutiveFailures: 0 });
      return reply({ heading: 'Daily nudges off', blocks: [text('No more nudges. `remind 09:00` turns them back on.')] });
    }
    const localTime = parseClock(words[0]!, 'remind 09:00');
    const dayWords = words.slice(1).filter((w) => parseDays(w) !== undefined);
    const zoneWords = words.slice(1).filter((w) => parseDays(w) === undefined);
    const days = dayWords.reduce((mask, w) => mask | parseDays(w)!, 0) || EVERY_DAY;
    const zone = zoneWords.length ? resolveZone(zoneWords.join(' '), `remind ${localTime} Europe/Berlin`) : ctx.member.timeZone;
    if (!zone) {
      throw new UserError('Which time zone should your nudges follow?', {
        hint: `Add it: \`remind ${localTime} Europe/Berlin\` (an IANA name), or set yours with \`timezone Europe/Berlin\`.`,
      });
    }
    if (!ctx.member.timeZone) ctx.store.members.updateSettings(ctx.member.id, { timeZone: zone });
    // The nudge goes to the account that set it: this workspace, this platform user.
    const identityId = ctx.store.schedules.identityId(ctx.workspace.id, ctx.invocation.user.id) ?? null;
    const nextDueAt = nextDue({ localTime, timeZone: zone, days }, ctx.now);
    const saved = ctx.store.schedules.save({
      kind: 'nudge', workspaceId: ctx.workspace.id, memberId: ctx.member.id, identityId, channelId: null, localTime, timeZone: zone,
      days, pausedUntil: null, pausedReason: null, consecutiveFailures: 0, nextDueAt, createdAt: ctx.now,
    });
    return reply({
      heading: 'Daily nudge set',
      blocks: [text(`I'll send you a direct message at ${localTime} (${zone}), ${describeDays(days)}, with your next topic and streak.`),
        text(`Next nudge: ${describeInstant(saved.nextDueAt!, zone)}.`)],
      buttons: [{ label: 'Snooze 1 day', command: 'snooze 1d' }, { label: 'Turn off', command: 'remind off', style: 'danger' }],
    });
  },
};

function show(ctx: CommandContext, s: ScheduleRow | undefined): Reply {
  if (s && s.nextDueAt === null && s.consecutiveFailures >= FAILURES_BEFORE_PAUSE) {
    return reply({
      heading: 'Daily nudges paused',
      blocks: [text(`The last ${s.consecutiveFailures} nudges could not be delivered, so I stopped. Once I can message you again, \`remind ${s.localTime}\` turns them back on.`)],
    });
  }
  if (!s || s.nextDueAt === null) {
    return reply({ heading: 'No daily nudge', blocks: [text('`remind 09:00` sends you your next topic by DM every day at 09:00 your time; add days like `mon-fri`.')] });
  }
  const snoozed = s.pausedUntil && s.pausedUntil > ctx.now ? ` Snoozed until ${describeInstant(s.pausedUntil, s.timeZone)}.` : '';
  return reply({
    heading: 'Your daily nudge',
    blocks: [text(`At ${s.localTime} (${s.timeZone}), ${describeDays(s.days)}. Next: ${describeInstant(s.nextDueAt, s.timeZone)}.${snoozed}`)],
    buttons: [{ label: 'Snooze 1 day', command: 'snooze 1d' }, { label: 'Turn off', command: 'remind off', style: 'danger' }],
  });
}
