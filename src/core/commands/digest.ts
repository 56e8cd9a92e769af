// `digest <#channel|here> weekly mon 09:00 [time zone]` or `daily 09:00`, `digest off`, `digest`: admins post the
// leaderboard and team progress to a channel on a schedule. Channels are written `<#ID>` on every platform.

import { UserError } from '../model/errors.ts';
import { reply, text } from '../model/reply.ts';
import { nextDue } from '../time/next-due.ts';
import { describeDays, describeInstant, EVERY_DAY, parseClock, parseDays } from '../time/schedule-args.ts';
import { resolveZone } from '../time/time-zones.ts';
import type { Command } from './command.ts';
import { requireAdmin } from './require-admin.ts';

const HINT = 'Use `digest <#channel> weekly mon 09:00 [time zone]`, `digest here daily 17:00`, or `digest off`.';

export const digest: Command = {
  name: 'digest',
  args: [
    {
      name: 'schedule',
      kind: 'text',
      required: false,
      description: '<#channel>|here weekly mon 09:00 [time zone], daily 09:00, or off',
    },
  ],
  summary: "Post the leaderboard, the team's progress and reviews done to a channel, weekly or daily (admins)",
  examples: ['digest here weekly mon 09:00', 'digest <#C0123> daily 17:00 Europe/Berlin', 'digest off'],
  async run(ctx, rest) {
    const words = rest.split(' ').filter(Boolean);
    const existing = await ctx.store.schedules.digestOf(ctx.workspace.id);
    if (words.length === 0) {
      if (!existing || existing.nextDueAt === null)
        return reply({ heading: 'No digest', blocks: [text(`An admin can set one. ${HINT}`)] });
      return reply({
        heading: 'Channel digest',
        blocks: [
          text(
            'Posted to ',
            { code: `<#${existing.channelId}>` },
            ` at ${existing.localTime} (${existing.timeZone}), ${describeDays(existing.days)}. Next: ` +
              `${describeInstant(existing.nextDueAt, existing.timeZone)}.`,
          ),
        ],
      });
    }
    requireAdmin(ctx, 'Setting the channel digest');
    if (words[0]!.toLowerCase() === 'off') {
      if (words.length > 1)
        throw new UserError(
          [{ code: 'digest off' }, ' takes nothing after it, not ', { user: words.slice(1).join(' ') }, '.'],
          { hint: HINT },
        );
      if (existing) await ctx.store.schedules.update(existing.id, { nextDueAt: null });
      return reply({ heading: 'Digest off', blocks: [text('No more channel digests.')] });
    }
    const [where, how, ...more] = words as [string, string | undefined, ...string[]];
    const channelId = channelOf(where, ctx.invocation.place);
    let days = EVERY_DAY;
    const frequency = how?.toLowerCase();
    if (frequency === 'weekly') {
      const day = more.shift();
      const mask = day ? parseDays(day) : undefined;
      if (!mask || mask & (mask - 1))
        throw new UserError('Which weekday should the weekly digest go out?', { hint: HINT });
      days = mask;
    } else if (frequency !== 'daily')
      throw new UserError(['Say ', { code: 'weekly <day>' }, ' or ', { code: 'daily' }, ' after the channel.'], {
        hint: HINT,
      });
    const localTime = parseClock(more.shift() ?? '', 'digest here weekly mon 09:00');
    const zone = more.length
      ? resolveZone(more.join(' '), 'digest here weekly mon 09:00 Europe/Berlin').zone
      : ctx.workspace.timeZone;
    const nextDueAt = nextDue({ localTime, timeZone: zone, days }, ctx.now);
    await ctx.store.schedules.save({
      kind: 'digest',
      workspaceId: ctx.workspace.id,
      memberId: ctx.member.id,
      identityId: null,
      channelId,
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
      heading: 'Channel digest set',
      blocks: [
        text(
          'The leaderboard and team progress go to ',
          { code: `<#${channelId}>` },
          ` at ${localTime} (${zone}), ${describeDays(days)}. First: ${describeInstant(nextDueAt!, zone)}.`,
        ),
      ],
    });
  },
};

/** "<#C123>" (Slack's "<#C123|name>" is normalised by its adapter), or "here": the channel the command came from. */
function channelOf(word: string, place: { channelId?: string; direct: boolean }): string {
  if (word.toLowerCase() === 'here') {
    if (!place.channelId || place.direct)
      throw new UserError('`here` only works in a channel, not in direct messages.', { hint: HINT });
    return place.channelId;
  }
  const id = /^<#([A-Za-z0-9]+)>$/.exec(word)?.[1];
  if (!id) throw new UserError([{ user: word }, ' is not a channel.'], { hint: HINT });
  return id;
}
