// `progress`: a bar and a count per section, and the overall percentage.
import { describeStreak, streakOf } from '../member-streak.ts';
import { sectionsOf } from '../plan.ts';
import { reply, text, type Block } from '../reply.ts';
import { tally } from '../suggest.ts';
import type { Command } from './command.ts';

export const progress: Command = {
  name: 'progress',
  aliases: ['stats', 'me'],
  args: [],
  summary: 'Your progress: each section and overall',
  examples: ['progress'],
  run(ctx) {
    const mine = ctx.store.progress.forMember(ctx.member.id);
    const sections = sectionsOf(ctx.roadmap, ctx.store.progress.tracks(ctx.member.id, ctx.roadmap.id));
    const blocks: Block[] = sections.map((s) => {
      if (s.pickOne && !s.chosen) return { type: 'progress', label: s.title, done: 0, total: 0, note: 'choose a track with `track`' };
      const { done, total, skipped } = tally(s.studied, mine);
      return { type: 'progress', label: s.title, done, total, note: skipped ? `${skipped} skipped` : undefined };
    });
    const overall = tally(sections.flatMap((s) => s.studied), mine);
    const percent = overall.total ? Math.floor((overall.done / overall.total) * 100) : 0;
    return reply({
      heading: `Your progress: ${percent}%`,
      blocks: [
        ...blocks,
        text(`Overall: ${overall.done} of ${overall.total} topics done (${percent}%).`),
        text(`Streak: ${describeStreak(streakOf(ctx.store, ctx.member, ctx.now, ctx.workspace.id))}. \`streak\` explains it.`),
      ],
      buttons: [{ label: 'Next topic', command: 'next', style: 'primary' }],
    });
  },
};
