// `leaderboard post`, `team post`: a board shown to the whole channel. Admins may post (every member, where the
// workspace allows it), at most once per ten minutes per channel, kept in the store. The board is rendered for the
// channel audience, as the digest is: no "you" lines, no buttons, hidden members out, anonymous ones as "a teammate".

import type { CommandContext } from '../commands/command.ts';
import { requireAdmin } from '../commands/require-admin.ts';
import { UserError } from '../model/errors.ts';
import type { Reply } from '../model/reply.ts';

export const POST_WORDS: readonly string[] = ['post', 'share'];
const SPACING_MS = 10 * 60_000;

/** Once the post is allowed here, runs `build` (the board rendered for a channel) and marks the reply for everyone in
 *  the channel; `what` is the private command ("leaderboard"). */
export async function postInChannel(ctx: CommandContext, what: string, build: () => Promise<Reply>): Promise<Reply> {
  const { channelId, direct } = ctx.invocation.place;
  if (!channelId || direct) {
    const where =
      ctx.invocation.platform === 'terminal'
        ? 'The terminal has no channel to post in'
        : 'Direct messages have no channel to post in';
    throw new UserError(`${where}: boards are posted from a Slack or Discord channel.`, {
      hint: `Here, \`${what}\` shows it to you.`,
    });
  }
  if (ctx.workspace.boardPosts !== 'everyone') {
    try {
      requireAdmin(ctx, 'Posting boards in a channel');
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      throw new UserError(error.spans, {
        hint: `An admin can let every member post with \`settings posts everyone\`. \`${what}\` shows it to you.`,
      });
    }
  }
  const last = await ctx.store.channelPosts.lastAt(ctx.workspace.id, channelId);
  if (last !== undefined && ctx.now - last < SPACING_MS) {
    const minutes = Math.ceil((last + SPACING_MS - ctx.now) / 60_000);
    throw new UserError(
      `A board was posted in this channel less than ten minutes ago; the next one can go in ${minutes} ` +
        `minute${minutes === 1 ? '' : 's'}.`,
      {
        hint: `Until then, \`${what}\` shows it to you.`,
      },
    );
  }
  const built = await build();
  await ctx.store.channelPosts.record(ctx.workspace.id, channelId, ctx.now);
  return { ...built, buttons: [], visibility: 'channel' };
}
