// `start`, `done`, `skip`, `reset <topic>`: one factory, four commands that change my state on a topic.
import type { TopicState } from '../../store/index.ts';
import { actionsFor, STATE_LABEL } from '../cards.ts';
import { findTopic } from '../lookup.ts';
import { sectionsOf } from '../plan.ts';
import { reply, text } from '../reply.ts';
import { tally } from '../suggest.ts';
import type { Command } from './command.ts';

function stateCommand(name: string, state: TopicState | null, summary: string, aliases: string[], says: string): Command {
  return {
    name,
    aliases,
    args: [{ name: 'topic', kind: 'topic', required: true, description: 'A topic name, e.g. "express"' }],
    summary,
    examples: [`${name} express`, `${name} graphql resolvers`],
    run(ctx, rest) {
      const found = findTopic(ctx, rest, name);
      const previous = ctx.store.progress.set(ctx.member.id, found.id, state, ctx.now);
      const progress = ctx.store.progress.forMember(ctx.member.id);
      const studied = sectionsOf(ctx.roadmap, ctx.store.progress.tracks(ctx.member.id, ctx.roadmap.id)).flatMap((s) => s.studied);
      const { done, total } = tally(studied, progress);
      const unchanged = previous === state;
      const heading = unchanged
        ? `${found.title} is already ${STATE_LABEL[state ?? 'new']}`
        : `${says} ${found.title}`;
      return reply({
        heading,
        blocks: [text(`You have done ${done} of ${total} topics on your roadmap.`)],
        buttons: [...actionsFor(found, state ?? undefined).filter((b) => b.label !== 'Reset'), { label: 'Next topic', command: 'next' }],
      });
    },
  };
}

export const start = stateCommand('start', 'learning', 'Mark a topic as being learned', ['begin', 'learn'], 'Started');
export const done = stateCommand('done', 'done', 'Mark a topic done', ['finish', 'complete'], '✓ Done:');
export const skip = stateCommand('skip', 'skipped', 'Skip a topic (it leaves your totals)', [], 'Skipped');
export const reset = stateCommand('reset', null, 'Clear your progress on a topic', ['undo', 'clear'], 'Reset');
