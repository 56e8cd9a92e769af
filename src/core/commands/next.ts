// `next`: the topic to study now, and why this one.

import { reply, text } from '../model/reply.ts';
import { topicCard } from '../roadmap/cards.ts';
import { sectionsOf } from '../roadmap/plan.ts';
import { suggestNext } from '../roadmap/suggest.ts';
import type { Command } from './command.ts';

export const next: Command = {
  name: 'next',
  args: [],
  summary: 'The topic to study now, and why',
  examples: ['next'],
  async run(ctx) {
    const progress = await ctx.store.progress.forMember(ctx.member.id);
    const tracks = await ctx.store.progress.tracks(ctx.member.id, ctx.roadmap.id);
    const suggestion = suggestNext(sectionsOf(ctx.roadmap, tracks), progress);
    switch (suggestion.kind) {
      case 'continue': {
        const since = new Date(suggestion.since).toISOString().slice(0, 10);
        return topicCard(suggestion.topic, 'learning', {
          heading: `Keep going: ${suggestion.topic.title}`,
          why: `Why this one: you started it on ${since} and haven't marked it done. Finish it, or skip it to move on.`,
        });
      }
      case 'choose-track': {
        const { section } = suggestion;
        return reply({
          heading: section.title,
          blocks: [
            text(
              'Why: the roadmap starts here, and this section is pick-one. Choose a track and `next` follows it; ' +
                '`track` changes it later and keeps your progress.',
            ),
          ],
          buttons: section.groups.map((g) => ({
            label: g.title ?? g.slug ?? section.title,
            command: `track ${g.slug}`,
          })),
        });
      }
      case 'next': {
        const skipped = suggestion.skippedBefore ? ` (you skipped ${suggestion.skippedBefore} before it)` : '';
        return topicCard(suggestion.topic, undefined, {
          heading: `Next: ${suggestion.topic.title}`,
          why: `Why this one: it is the first topic on the roadmap you haven't done yet${skipped}.`,
        });
      }
      case 'finished':
        return reply({
          heading: 'You have finished the roadmap 🎉',
          blocks: [
            text('Every topic is done or skipped. `progress` shows the whole picture; `reset <topic>` reopens one.'),
          ],
          buttons: [{ label: 'Progress', command: 'progress' }],
        });
    }
  },
};
