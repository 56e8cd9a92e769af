// `forget`: delete everything about me, after a confirmation (`forget confirm`, or its button).
import { UserError } from '../model/errors.ts';
import { reply, text } from '../model/reply.ts';
import type { Command } from './command.ts';

export const forget: Command = {
  name: 'forget',
  aliases: ['forgetme'],
  args: [
    { name: 'confirm', kind: 'choice', required: false, description: 'Type "confirm" to delete', choices: ['confirm'] },
  ],
  summary: 'Delete everything the bot keeps about you (asks first)',
  rare: true,
  examples: ['forget', 'forget confirm'],
  async run(ctx, rest) {
    if (!rest) {
      return reply({
        heading: 'Delete everything about you?',
        blocks: [
          text(
            'This deletes your progress, history, streak, notes, track choices, settings and linked accounts, ' +
              'everywhere, for good. Boards and team views stop showing you at once.',
          ),
          text('`export` first if you want a copy. To go ahead, press the button or type `forget confirm`.'),
        ],
        buttons: [
          { label: 'Yes, delete everything', command: 'forget confirm', style: 'danger' },
          { label: 'Export my data', command: 'export' },
        ],
      });
    }
    if (rest.toLowerCase() !== 'confirm') {
      throw new UserError(['To delete your data, type `forget confirm` — not ', { user: rest }, '.']);
    }
    // The core runs each command in one transaction: every row goes, or none does.
    const deleted = await ctx.store.memberData.forget(ctx.member.id);
    const rows = Object.values(deleted).reduce((a, b) => a + b, 0);
    return reply({
      heading: 'Everything about you is deleted',
      blocks: [text(`${rows} rows are gone, your profile included. If you use the bot again, it starts afresh.`)],
    });
  },
};
