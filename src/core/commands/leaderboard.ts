// `leaderboard [week|lastweek|month|all] [post]`: this workspace's board for a period in its time zone, with my own
// line underneath; or, with `post`, shown to the whole channel (channel-post.ts).
import type { Board, BoardRow } from '../../store/index.ts';
import { UserError } from '../errors.ts';
import { offsetSegments, periodOf, PERIOD_KINDS, type PeriodKind } from '../periods.ts';
import { list, reply, text, type Block, type Reply, type Span } from '../reply.ts';
import { nameOf, ordinal, plural } from '../scoring.ts';
import { POST_WORDS, postInChannel } from '../channel-post.ts';
import type { Command, CommandContext } from './command.ts';

const SHOWN = 10; // ranks on the board; ties at the edge may add a few rows

const points = (row: BoardRow) => `${plural(row.points, 'point')}, ${plural(row.activeDays, 'active day')}`;

export const leaderboard: Command = {
  name: 'leaderboard',
  aliases: ['board', 'top'],
  args: [
    { name: 'period', kind: 'choice', required: false, description: 'This week (default), last week, this month or all time', choices: PERIOD_KINDS },
    { name: 'post', kind: 'choice', required: false, description: 'Post it in this channel for everyone', choices: ['post'] },
  ],
  summary: "Who finished the most topics this week, this month or all time (ties broken by active days); `post` shows it to the channel",
  examples: ['leaderboard', 'leaderboard month', 'leaderboard all', 'leaderboard week post'],
  run(ctx, rest) {
    const words = rest.toLowerCase().split(' ').filter(Boolean);
    if (POST_WORDS.includes(words.at(-1) ?? '')) {
      words.pop();
      return postInChannel(ctx, `leaderboard ${words.join(' ')}`.trim(), (channel) => boardReply(channel, words.join(' ')));
    }
    return boardReply(ctx, rest);
  },
};

function boardReply(ctx: CommandContext, rest: string): Reply {
  const kind = (rest.toLowerCase() || 'week') as PeriodKind;
  if (!PERIOD_KINDS.includes(kind)) {
    throw new UserError(['There is no board for ', { user: rest }, '.'], { hint: 'Choose `leaderboard week`, `leaderboard lastweek`, `leaderboard month` or `leaderboard all`.' });
  }
  if (!ctx.workspace.leaderboardEnabled) {
    if (ctx.audience === 'channel') throw new UserError("Leaderboards are off in this workspace, so there is none to post.", { hint: '`team post` shows the team\'s progress instead.' });
    return reply({ heading: 'Leaderboards are off', blocks: [text("This workspace's admins turned leaderboards off. `progress` still shows your own.")] });
  }
  const zone = ctx.workspace.timeZone;
  const period = periodOf(kind, ctx.now, zone);
  // Local days need the zone's offsets only where events can be: from the first one ever, up to now.
  const from = Math.max(period.from, ctx.store.boards.firstEventAt() ?? ctx.now);
  const board = ctx.store.boards.leaderboard({
    workspaceId: ctx.workspace.id, from: period.from, to: period.to, memberId: ctx.member.id, limit: SHOWN,
    segments: offsetSegments(zone, from, Math.min(period.to, ctx.now + 1)),
  });
  const blocks: Block[] = board.top.length
    ? [list(board.top.map((row): Span[] => [`${row.rank}. `, nameOf(row), ` — ${points(row)}`]))]
    : [text(emptyLine(kind, board.hiddenScorers))];
  const others = board.scorers - board.top.length;
  if (others > 0) blocks.push(text(`…and ${plural(others, 'more teammate')} with points.`));
  if (ctx.audience === 'channel') return reply({ heading: `Leaderboard — ${period.label}`, blocks }); // no "you" in a channel
  blocks.push(text(myLine(board, ctx.member.privacy)));
  return reply({
    heading: `Leaderboard — ${period.label}`,
    blocks,
    buttons: PERIOD_KINDS.filter((k) => k !== kind).map((k) => ({ label: BUTTON_LABEL[k], command: `leaderboard ${k}` })),
  });
}

const BUTTON_LABEL: Record<PeriodKind, string> = { week: 'This week', lastweek: 'Last week', month: 'This month', all: 'All time' };

/**
 * An empty board: "be the first" only while the period is still open and nobody has points, not even members who
 * hide from boards (who are then neither named nor counted).
 */
function emptyLine(kind: PeriodKind, hiddenScorers: number): string {
  if (hiddenScorers > 0) return 'Nobody who appears on boards has finished a topic in this period.';
  if (kind === 'lastweek') return 'Nobody finished a topic last week.';
  return 'Nobody has finished a topic in this period yet. Be the first: `next`.';
}

// Shown only to the asker (replies are private): a hidden member still learns where they stand.
function myLine({ me, top }: Board, privacy: BoardRow['privacy']): string {
  if (!me) return 'You: no points in this period yet. Finish a topic to get on the board.';
  if (privacy === 'hide' && !top.length) return `You: ${points(me)}, hidden from boards (\`privacy show\` to appear).`;
  if (privacy === 'hide') return `You: ${points(me)}, would rank ${ordinal(me.rank)} (you are hidden from boards; \`privacy show\` to appear).`;
  const as = privacy === 'anonymous' ? ' (shown to others as "a teammate")' : '';
  return `You: ${points(me)}, ranked ${ordinal(me.rank)}${as}.`;
}
