// `note <topic> <text>`: keep a private note on a topic. The topic is the longest run of first words that names one.
import type { TopicRow } from '../../store/index.ts';
import { UserError } from '../errors.ts';
import { findTopic } from '../lookup.ts';
import { reply, text } from '../reply.ts';
import type { Command, CommandContext } from './command.ts';

export const MAX_NOTE = 1000;
const MAX_TOPIC_WORDS = 6; // topic names are short; longer prefixes are the note itself

export const note: Command = {
  name: 'note',
  aliases: ['jot'],
  args: [
    { name: 'topic', kind: 'topic', required: true, description: 'The topic, e.g. "jwt token"' },
    { name: 'text', kind: 'text', required: true, description: 'Your note (a "|" after the topic makes the split explicit)' },
  ],
  summary: 'Keep a private note on a topic (only you see it, under `topic`)',
  examples: ['note redis use SCAN, not KEYS, in production', 'note jwt token | rotate signing keys monthly', 'note backend/apis/graphql/resolvers batch with dataloader'],
  run(ctx, rest) {
    const { topic, body } = split(ctx, rest);
    if (!body) throw new UserError(['What is the note on ', topic.title, '?'], { hint: `For example: \`note ${topic.slug} | what I want to remember\`.` });
    if (body.length > MAX_NOTE) {
      throw new UserError(`That note is ${body.length.toLocaleString('en')} characters; a note holds at most ${MAX_NOTE.toLocaleString('en')}.`, {
        hint: 'Shorten it, or split it into two notes.',
      });
    }
    ctx.store.notes.add(ctx.member.id, topic.id, body, ctx.now);
    const count = ctx.store.notes.forTopic(ctx.member.id, topic.id).length;
    return reply({
      heading: `Noted on ${topic.title}`,
      blocks: [text({ user: body }), text(`You have ${count} note${count === 1 ? '' : 's'} here; \`topic ${topic.slug}\` shows them.`)],
      buttons: [{ label: 'Open topic', command: `topic ${topic.path}` }, { label: 'All my notes', command: 'notes' }],
    });
  },
};

/** "jwt token | text" splits at the bar; otherwise the longest prefix that finds exactly one topic wins. */
function split(ctx: CommandContext, rest: string): { topic: TopicRow; body: string } {
  const bar = rest.indexOf('|');
  if (bar >= 0) return { topic: findTopic(ctx, rest.slice(0, bar), 'note'), body: rest.slice(bar + 1).trim() };
  const words = rest.split(' ').filter(Boolean);
  if (words.length === 0) findTopic(ctx, '', 'note'); // throws "Which topic?"
  for (let n = Math.min(MAX_TOPIC_WORDS, words.length); n >= 1; n--) {
    try {
      return { topic: findTopic(ctx, words.slice(0, n).join(' '), 'note'), body: words.slice(n).join(' ') };
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
    }
  }
  throw new UserError(["I couldn't tell which topic ", { user: words[0]! }, ' is.'], {
    hint: 'Start with the topic, or end it with `|`: `note jwt token | rotate signing keys monthly`. `topics` lists them all.',
  });
}
