// `topic <query>`: one topic's summary, resources and my state on it.

import { list, text } from '../model/reply.ts';
import { topicCard } from '../roadmap/cards.ts';
import { findTopic } from '../roadmap/lookup.ts';
import type { Command } from './command.ts';

export const topic: Command = {
  name: 'topic',
  aliases: ['show', 'info'],
  args: [{ name: 'topic', kind: 'topic', required: true, description: 'A topic name, e.g. "graphql resolvers"' }],
  summary: "A topic's summary, resources and your progress on it",
  examples: ['topic express', 'topic jwt token', 'topic caching'],
  async run(ctx, rest) {
    const found = findTopic(ctx, rest, 'topic');
    const card = topicCard(found, (await ctx.store.progress.forMember(ctx.member.id)).get(found.id)?.state);
    // My notes, under the resources: replies are private, so only I see them.
    const mine = await ctx.store.notes.forTopic(ctx.member.id, found.id);
    if (mine.length) {
      card.blocks.push(
        text({ strong: 'Your notes' }),
        list(mine.map((n) => [`${new Date(n.createdAt).toISOString().slice(0, 10)}: `, { user: n.text }])),
      );
    }
    return card;
  },
};
