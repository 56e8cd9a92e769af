// `remind HH:MM [time zone] [days]`, `remind`, `remind off`: the member's daily study nudge, by DM. It follows the
// member's own time zone (see time/member-zone.ts): naming a zone here sets that zone, and the reply says so.
import type { ScheduleRow } from '../../store/port.ts';
import { UserError } from '../model/errors.ts';
import { type Reply, reply, text } from '../model/reply.ts';
import { FAILURES_BEFORE_PAUSE } from '../outbound/schedule-hooks.ts';
import { setMemberZone, UNSET, zoneOf } from '../time/member-zone.ts';
import { nextDue } from '../time/next-due.ts';
import { clockWords, describeDays, describeInstant, EVERY_DAY, parseClock, parseDays } from '../time/schedule-args.ts';
import { describeZone, type ResolvedZone, resolveZone } from '../time/time-zones.ts';
import type { Command, CommandContext } from './command.ts';

const DAYS_HINT =
  'Days are `daily`, `weekdays`, `mon-fri` or `mon,wed,fri`, e.g. `remind 09:00 Europe/Berlin mon-fri`.';

export const remind: Command = {
  name: 'remind',
  aliases: ['reminder', 'nudge'],
  args: [{ name: 'time', kind: 'text', required: false, description: 'HH:MM or 9am [time zone] [days], or off' }],
  summary: 'A daily study nudge by DM at your local time (a zone named here becomes your time zone)',
  examples: ['remind 09:00', 'remind 8:30am Europe/Berlin mon-fri', 'remind', 'remind off'],
  async run(ctx, rest) {
    const words = rest.split(' ').filter(Boolean);
    const existing = await ctx.store.schedules.nudgeOf(ctx.member.id);
    if (words.length === 0) return show(ctx, existing);
    if (words[0]!.toLowerCase() === 'off') {
      if (words.length > 1)
        throw new UserError(
          [{ code: 'remind off' }, ' takes nothing after it, not ', { user: words.slice(1).join(' ') }, '.'],
          { hint: '`remind off` stops your nudges; `snooze` pauses them.' },
        );
      if (existing)
        await ctx.store.schedules.update(existing.id, {
          nextDueAt: null,
          pausedUntil: null,
          pausedReason: null,
          consecutiveFailures: 0,
        });
      return reply({
        heading: 'Daily nudges off',
        blocks: [text('No more nudges. `remind 09:00` turns them back on.')],
      });
    }
    const n = clockWords(words);
    const localTime = parseClock(words.slice(0, n).join(''), 'remind 09:00');
    const { zone: named, days } = zoneAndDays(words.slice(n), localTime);
    const changed = named && (await setMemberZone(ctx, named.zone, false));
    const zone = named?.zone ?? zoneOf(ctx.member);
    // The nudge goes to the account that set it: this workspace, this platform user.
    const identityId = (await ctx.store.schedules.identityId(ctx.workspace.id, ctx.invocation.user.id)) ?? null;
    const nextDueAt = nextDue({ localTime, timeZone: zone, days }, ctx.now);
    const saved = await ctx.store.schedules.save({
      kind: 'nudge',
      workspaceId: ctx.workspace.id,
      memberId: ctx.member.id,
      identityId,
      channelId: null,
      localTime,
      timeZone: zone,
      days,
      pausedUntil: null,
      pausedReason: null,
      consecutiveFailures: 0,
      nextDueAt,
      createdAt: ctx.now,
    });
    return reply({
      heading: 'Daily nudge set',
      blocks: [
        text(
          `I'll send you a direct message at ${localTime} (${describeZone(zone)}), ${describeDays(days)}, with your ` +
            `next topic and streak. Nudges follow your own time zone.`,
        ),
        ...(named?.note ? [text(named.note)] : []),
        ...(changed ? [text(changed)] : !ctx.member.timeZone && !named ? [text(UNSET)] : []),
        text(`Next nudge: ${describeInstant(saved.nextDueAt!, zone)}.`),
      ],
      buttons: [
        { label: 'Snooze 1 day', command: 'snooze 1d' },
        { label: 'Turn off', command: 'remind off', style: 'danger' },
      ],
    });
  },
};

/** After the time: a zone (possibly several words, "new york") and
 *  days, in any order; the part that fits neither is blamed. */
function zoneAndDays(words: string[], localTime: string): { zone?: ResolvedZone; days: number } {
  const days =
    words.filter((w) => parseDays(w) !== undefined).reduce((mask, w) => mask | parseDays(w)!, 0) || EVERY_DAY;
  const others = words.filter((w) => parseDays(w) === undefined);
  if (!others.length) return { days };
  const example = `remind ${localTime} Europe/Berlin`;
  for (let n = others.length; n >= 1; n--) {
    let zone: ResolvedZone;
    try {
      zone = resolveZone(others.slice(0, n).join(' '), example);
    } catch (error) {
      if (n > 1 || !(error instanceof UserError)) continue;
      // Nothing fits as a zone. One word that looks like days ("mon-fro") is blamed as days; anything else as a zone.
      if (/[,-]|day|^(mon|tue|wed|thu|fri|sat|sun)/i.test(others[0]!))
        throw new UserError([{ user: others[0]! }, ' is not a day or a set of days.'], { hint: DAYS_HINT });
      throw new UserError([...error.spans, ' Nor is it days.'], {
        ...error.detail,
        hint: `${error.detail.hint ?? ''} ${DAYS_HINT}`.trim(),
      });
    }
    const leftover = others.slice(n).join(' ');
    if (leftover) throw new UserError([{ user: leftover }, ' is not a day or a set of days.'], { hint: DAYS_HINT });
    return { zone, days };
  }
  throw new Error('unreachable: n = 1 always returns or throws');
}

function show(ctx: CommandContext, s: ScheduleRow | undefined): Reply {
  if (s && s.nextDueAt === null && s.consecutiveFailures >= FAILURES_BEFORE_PAUSE) {
    return reply({
      heading: 'Daily nudges paused',
      blocks: [
        text(
          `The last ${s.consecutiveFailures} nudges could not be delivered, so I stopped. Once I can message you ` +
            `again, \`remind ${s.localTime}\` turns them back on.`,
        ),
      ],
    });
  }
  if (!s || s.nextDueAt === null) {
    return reply({
      heading: 'No daily nudge',
      blocks: [
        text(
          `\`remind 09:00\` sends you your next topic by DM every day at 09:00 in your time zone ` +
            `(${describeZone(zoneOf(ctx.member))}); add days like \`mon-fri\`.`,
        ),
      ],
    });
  }
  const snoozed = s.pausedUntil && s.pausedUntil > ctx.now ? ' (snoozed until then)' : '';
  return reply({
    heading: 'Your daily nudge',
    blocks: [
      text(
        `At ${s.localTime} in your time zone (${describeZone(s.timeZone)}), ${describeDays(s.days)}. Next: ` +
          `${describeInstant(s.nextDueAt, s.timeZone)}${snoozed}.`,
      ),
    ],
    buttons: [
      { label: 'Snooze 1 day', command: 'snooze 1d' },
      { label: 'Turn off', command: 'remind off', style: 'danger' },
    ],
  });
}
