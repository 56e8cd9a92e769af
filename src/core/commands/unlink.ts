// `unlink`: this account gets a member of its own again, starting from a copy of the shared progress.
import { UserError } from '../model/errors.ts';
import { reply, text } from '../model/reply.ts';
import type { Command } from './command.ts';

export const unlink: Command = {
  name: 'unlink',
  args: [],
  summary: 'Separate this account from the accounts linked to it',
  rare: true,
  examples: ['unlink'],
  async run(ctx) {
    const identity = (await ctx.store.links.identity(ctx.workspace.id, ctx.invocation.user.id))!;
    if ((await ctx.store.links.identitiesOf(ctx.member.id)).length < 2) {
      throw new UserError('This account is not linked to another one.', {
        hint: '`link` joins it with your account on another platform.',
      });
    }
    await ctx.store.links.split(identity, ctx.now);
    return reply({
      heading: 'Account unlinked',
      blocks: [
        text(
          'This account now has its own progress, starting from a copy of what you had. The other accounts keep ' +
            'theirs.',
        ),
      ],
    });
  },
};
