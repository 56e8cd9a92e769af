// `note <topic> <text>`: keep a private note on a topic; `note edit|delete <number>` changes one. When the topic's end
// is not certain, every reading is offered, each button carrying the whole note.
import type { TopicRow } from '../../store/port.ts';
import { UserError } from '../model/errors.ts';
import { list, reply, text } from '../model/reply.ts';
import { findTopic, viewButtons } from '../roadmap/lookup.ts';
import { type Reading, splitNote } from '../roadmap/note-split.ts';
import { refOf } from '../roadmap/topic-paths.ts';
import type { Command, CommandContext } from './command.ts';
import { changeNote, MAX_NOTE } from './note-change.ts';

const MAX_CHOICES = 5;
const BAR_HINT = 'Put a `|` where the topic ends to say it yourself: `note jwt token | rotate signing keys monthly`.';

export const note: Command = {
  name: 'note',
  aliases: ['jot'],
  args: [
    { name: 'topic', kind: 'topic', required: true, description: 'The topic, e.g. "jwt token"' },
    {
      name: 'text',
      kind: 'text',
      required: true,
      description: 'Your note (a "|" after the topic makes the split explicit)',
    },
  ],
  summary:
    'Keep a private note on a topic (only you see it, under `topic`); `note edit <n> <text>`, `note delete <n>` ' +
    'change one',
  examples: [
    'note redis use SCAN, not KEYS, in production',
    'note jwt token | rotate signing keys monthly',
    'note backend/apis/graphql/resolvers batch with dataloader',
    'note edit 1 use SCAN with COUNT',
    'note delete 1',
  ],
  async run(ctx, rest) {
    const change = /^(edit|change|delete|remove)\s+#?(\d+)(?:\s+([\s\S]*))?$/i.exec(rest);
    if (change) return changeNote(ctx, change[1]!.toLowerCase(), Number(change[2]), change[3]?.trim() ?? '');
    if (!rest) findTopic(ctx, '', 'note'); // throws "Which topic?"
    const split = splitNote(ctx.roadmap, rest);
    switch (split.kind) {
      case 'certain':
        return save(ctx, split.topic, split.body);
      case 'choose':
        throw choose(ctx, split.readings);
      case 'no-text': {
        const [topic, ...others] = split.topics as [TopicRow, ...TopicRow[]];
        if (others.length) {
          throw new UserError(
            [
              { user: rest },
              ` could mean ${split.topics.length} topics. Which one is the note on, and what does it say?`,
            ],
            {
              hint: `For example: \`note ${refOf(ctx.roadmap, topic)} | what I want to remember\`.`,
              buttons: viewButtons(split.topics),
            },
          );
        }
        throw new UserError(['What is the note on ', topic.title, '?'], {
          hint: `For example: \`note ${topic.slug} | what I want to remember\`.`,
        });
      }
      case 'unknown':
        throw new UserError(["I couldn't tell which topic your note is on, so nothing is saved: ", { user: rest }], {
          hint: `Start with the topic. ${BAR_HINT} \`topics\` lists them all.`,
        });
    }
  },
};

async function save(ctx: CommandContext, topic: TopicRow, body: string) {
  if (body.length > MAX_NOTE) {
    throw new UserError(
      `That note is ${body.length.toLocaleString('en')} characters; a note holds at most ` +
        `${MAX_NOTE.toLocaleString('en')}.`,
      {
        hint: 'Shorten it, or split it into two notes.',
      },
    );
  }
  const id = await ctx.store.notes.add(ctx.member.id, topic.id, body, ctx.now);
  const count = (await ctx.store.notes.forTopic(ctx.member.id, topic.id)).length;
  return reply({
    heading: `Noted on ${topic.title}`,
    blocks: [
      text({ user: body }),
      text(
        `Saved as note ${id}. You have ${count} note${count === 1 ? '' : 's'} here; \`topic ${topic.slug}\` shows ` +
          `them.`,
      ),
    ],
    buttons: [
      { label: 'Open topic', command: `topic ${topic.path}` },
      { label: 'All my notes', command: 'notes' },
      { label: 'Delete this note', command: `note delete ${id}` },
    ],
  });
}

/** The readings, numbered; each button is the whole command, so pressing one loses nothing. */
function choose(ctx: CommandContext, readings: Reading[]): UserError {
  const choices = readings.flatMap((r) => r.topics.map((topic) => ({ topic, body: r.body })));
  return new UserError(`Which topic is this note on? I can read it ${choices.length} ways:`, {
    blocks: [
      list(
        choices
          .slice(0, MAX_CHOICES * 2)
          .map((c, i) => [`${i + 1}. `, { strong: c.topic.title }, ': ', { user: c.body }]),
      ),
    ],
    hint: `Press the one you mean; nothing is saved until you do. ${BAR_HINT}`,
    buttons: choices.slice(0, MAX_CHOICES).map((c, i) => ({
      label: `${i + 1}. ${c.topic.title}`,
      command: `note ${refOf(ctx.roadmap, c.topic)} | ${c.body}`,
    })),
  });
}
