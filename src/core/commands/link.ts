// `link` gives a one-time code; `link <code>` on another platform joins the two accounts into one member.
import { UserError } from '../model/errors.ts';
import { reply, text } from '../model/reply.ts';
import type { Command, CommandContext } from './command.ts';

const CODE_TTL_MS = 10 * 60_000;
const WINDOW_MS = 60 * 60_000;
const MAX_FAILURES = 5; // per identity per hour: 8 characters of 31 make guessing hopeless at this rate

export const link: Command = {
  name: 'link',
  args: [{ name: 'code', kind: 'text', required: false, description: 'The code from your other account' }],
  summary: 'Join your Slack and Discord accounts: one progress, one streak',
  examples: ['link', 'link K7QM3XPA'],
  async run(ctx, rest) {
    const identity = (await ctx.store.links.identity(ctx.workspace.id, ctx.invocation.user.id))!;
    if (!rest) {
      const code = await ctx.store.links.issueCode(identity.id, ctx.now, CODE_TTL_MS);
      return reply({
        heading: 'Link your accounts',
        blocks: [
          text('On your other account (the other platform or workspace), type this within 10 minutes:'),
          text({ code: `/roadmap link ${code}` }),
          text('Your progress, notes and streak become one. The code works once; `link` again makes a new one.'),
        ],
      });
    }
    const code = rest.replace(/[\s-]/g, '').toUpperCase();
    // Not even shaped like a code (a slip, not a guess): refused without using up one of the hour's tries.
    if (!/^[A-Z0-9]{8}$/.test(code)) {
      throw new UserError([{ user: rest }, ' is not a link code.'], {
        hint: 'Codes are 8 letters and digits, like `link K7QM3XPA`: type `link` on your other account for one.',
      });
    }
    return redeem(ctx, identity.id, code);
  },
};

async function redeem(ctx: CommandContext, identityId: number, code: string) {
  const failures = await ctx.store.links.failuresSince(identityId, ctx.now - WINDOW_MS);
  if (failures >= MAX_FAILURES) {
    throw new UserError('Too many wrong codes from this account in the last hour.', {
      hint: 'Wait an hour, then make a fresh code with `link` on your other account.',
    });
  }
  const issuer = await ctx.store.links.redeem(code, ctx.now);
  if (!issuer) {
    // Recorded, not thrown: a refusal rolls the transaction back, and the attempt must count.
    await ctx.store.links.recordFailure(identityId, ctx.now);
    const left = MAX_FAILURES - failures - 1;
    return reply({
      blocks: [
        text(
          `That code is wrong or has expired. ${
            left > 0 ? `${left} more tries this hour.` : 'No more tries this hour.'
          }`,
        ),
        text('Type `link` on your other account for a fresh code.'),
      ],
    });
  }
  if (issuer.memberId === ctx.member.id) return reply({ blocks: [text('These accounts are already linked.')] });
  // The account that issued the code wins settings and schedule; progress merges to the most advanced state.
  await ctx.store.links.merge(issuer.memberId, ctx.member.id);
  return reply({
    heading: 'Accounts linked',
    blocks: [
      text(
        'You now have one progress, one streak and one schedule on both accounts. `unlink` separates this one again.',
      ),
    ],
    buttons: [{ label: 'Progress', command: 'progress' }],
  });
}
