// `streak [daily|weekdays]`: my streak and freezes, or the streak mode to count it in.
import { UserError } from '../model/errors.ts';
import { reply, text } from '../model/reply.ts';
import { describeStreak, streakOf } from '../time/member-streak.ts';
import { FREEZE_EVERY, MAX_FREEZES, type StreakMode } from '../time/streaks.ts';
import type { Command } from './command.ts';

const MODES: readonly StreakMode[] = ['daily', 'weekdays'];
const MEANING: Record<StreakMode, string> = {
  daily: 'Every day counts: a day without progress breaks the streak unless a freeze covers it.',
  weekdays: 'Monday to Friday count: weekends never break the streak, and studying on one still adds a day.',
};

export const streak: Command = {
  name: 'streak',
  args: [{ name: 'mode', kind: 'choice', required: false, description: 'daily or weekdays', choices: MODES }],
  summary: 'Your streak of days with progress, or count it on weekdays only',
  examples: ['streak', 'streak weekdays', 'streak daily'],
  async run(ctx, rest) {
    let member = ctx.member;
    if (rest) {
      const mode = rest.toLowerCase() as StreakMode;
      if (!MODES.includes(mode)) {
        throw new UserError(['There is no streak mode called ', { user: rest }, '.'], {
          hint: 'Choose `streak daily` or `streak weekdays`.',
        });
      }
      await ctx.store.members.updateSettings(member.id, { streakMode: mode });
      member = { ...member, streakMode: mode };
    }
    const current = await streakOf(ctx.store, member, ctx.now, ctx.workspace.id);
    const zone = member.timeZone ?? 'UTC (set yours with `timezone`)';
    return reply({
      heading: rest ? `Streak mode: ${member.streakMode}` : `Your streak: ${describeStreak(current)}`,
      blocks: [
        ...(rest ? [text(`Your streak: ${describeStreak(current)}`)] : []),
        text(MEANING[member.streakMode]),
        text(
          `Freezes held: ${current.freezesHeld} of ${MAX_FREEZES}. You earn one for every ${FREEZE_EVERY} days of ` +
            `streak; each covers a missed day by itself.`,
        ),
        text(`Days are counted in your time zone: ${zone}.`),
      ],
      buttons: MODES.filter((m) => m !== member.streakMode).map((m) => ({
        label: `Count ${m}`,
        command: `streak ${m}`,
      })),
    });
  },
};
