// `leaderboard [week|lastweek|month|all] [post]`: this workspace's board for a period in its time zone, with my own
// line underneath; or, with `post`, shown to the whole channel (channel-post.ts). The board is a BoardView, rendered.
import { buildBoardView } from '../boards/board-view.ts';
import { type Audience, renderBoard } from '../boards/render-board.ts';
import { UserError } from '../model/errors.ts';
import { type Reply, reply, text } from '../model/reply.ts';
import { POST_WORDS, postInChannel } from '../outbound/channel-post.ts';
import { PERIOD_KINDS, type PeriodKind } from '../time/periods.ts';
import type { Command, CommandContext } from './command.ts';

export const leaderboard: Command = {
  name: 'leaderboard',
  aliases: ['board', 'top'],
  args: [
    {
      name: 'period',
      kind: 'choice',
      required: false,
      description: 'This week (default), last week, this month or all time',
      choices: PERIOD_KINDS,
    },
    {
      name: 'post',
      kind: 'choice',
      required: false,
      description: 'Post it in this channel for everyone',
      choices: ['post'],
    },
  ],
  summary:
    'Who finished the most topics this week, this month or all time (ties broken by active days); `post` shows it to ' +
    'the channel',
  examples: ['leaderboard', 'leaderboard month', 'leaderboard all', 'leaderboard week post'],
  async run(ctx, rest) {
    const words = rest.toLowerCase().split(' ').filter(Boolean);
    if (POST_WORDS.includes(words.at(-1) ?? '')) {
      words.pop();
      return await postInChannel(
        ctx,
        `leaderboard ${words.join(' ')}`.trim(),
        async () => await boardReply(ctx, words.join(' '), 'channel'),
      );
    }
    return boardReply(ctx, rest, 'member');
  },
};

async function boardReply(ctx: CommandContext, rest: string, audience: Audience): Promise<Reply> {
  const kind = (rest.toLowerCase() || 'week') as PeriodKind;
  if (!PERIOD_KINDS.includes(kind)) {
    throw new UserError(['There is no board for ', { user: rest }, '.'], {
      hint: 'Choose `leaderboard week`, `leaderboard lastweek`, `leaderboard month` or `leaderboard all`.',
    });
  }
  if (!ctx.workspace.leaderboardEnabled) {
    if (audience === 'channel')
      throw new UserError('Leaderboards are off in this workspace, so there is none to post.', {
        hint: "`team post` shows the team's progress instead.",
      });
    return reply({
      heading: 'Leaderboards are off',
      blocks: [text("This workspace's admins turned leaderboards off. `progress` still shows your own.")],
    });
  }
  return renderBoard(await buildBoardView(ctx, kind), audience);
}
