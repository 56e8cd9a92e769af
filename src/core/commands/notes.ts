// `notes`: every note I have kept, newest first, each with its number and topic.
import { list, reply, type Span, text } from '../model/reply.ts';
import type { Command } from './command.ts';

const SHOWN = 50;

export const notes: Command = {
  name: 'notes',
  args: [],
  summary: 'All your private notes, newest first, numbered for `note edit` and `note delete`',
  examples: ['notes'],
  async run(ctx) {
    const all = await ctx.store.notes.forMember(ctx.member.id);
    if (all.length === 0) {
      return reply({
        heading: 'Your notes',
        blocks: [text('No notes yet. Keep one with `note <topic> <text>`, e.g. `note redis use SCAN, not KEYS`.')],
      });
    }
    const items = all
      .slice(0, SHOWN)
      .map((n): Span[] => [
        `${n.id}. `,
        { strong: n.topicTitle },
        ` (${new Date(n.createdAt).toISOString().slice(0, 10)}): `,
        { user: n.text },
      ]);
    const more = all.length - SHOWN;
    return reply({
      heading: `Your notes (${all.length})`,
      blocks: [
        list(items),
        ...(more > 0 ? [text(`…and ${more} older. \`export\` gives you all of them.`)] : []),
        text('`note edit <number> <text>` changes one; `note delete <number>` deletes one.'),
      ],
    });
  },
};
