// `note edit <n> <text>` and `note delete <n>`: change or remove one of my notes, by the number `notes` shows.
// Each answer offers an undo, carrying the old text, so a slip costs nothing.
import { UserError } from '../model/errors.ts';
import { reply, text } from '../model/reply.ts';
import { refOf } from '../roadmap/topic-paths.ts';
import type { CommandContext } from './command.ts';

export const MAX_NOTE = 1000;

export async function changeNote(ctx: CommandContext, action: string, id: number, body: string) {
  const found = await ctx.store.notes.one(ctx.member.id, id);
  if (!found) throw new UserError(`You have no note ${id}.`, { hint: '`notes` lists yours, each with its number.' });
  const topic = ctx.roadmap.topics.find((t) => t.id === found.topicId);
  if (action === 'delete' || action === 'remove') {
    if (body)
      throw new UserError(['`note delete` takes only the number, not ', { user: body }, '.'], {
        hint: `To delete it: \`note delete ${id}\`.`,
      });
    await ctx.store.notes.remove(ctx.member.id, id);
    return reply({
      heading: `Note ${id} on ${found.topicTitle} deleted`,
      blocks: [text({ user: found.text })],
      // Undo writes it again (as a new note); a note on a retired topic has no topic to go back to.
      buttons: topic ? [{ label: 'Undo', command: `note ${refOf(ctx.roadmap, topic)} | ${found.text}` }] : [],
    });
  }
  if (!body)
    throw new UserError(`What should note ${id} say instead?`, {
      hint: `For example: \`note edit ${id} what I want to remember\`.`,
    });
  if (body.length > MAX_NOTE) throw new UserError(`A note holds at most ${MAX_NOTE.toLocaleString('en')} characters.`);
  await ctx.store.notes.edit(ctx.member.id, id, body);
  return reply({
    heading: `Note ${id} on ${found.topicTitle} changed`,
    blocks: [text({ user: body }), text('It said: ', { user: found.text })],
    buttons: [
      { label: 'Undo', command: `note edit ${id} ${found.text}` },
      { label: 'All my notes', command: 'notes' },
    ],
  });
}
