// `progress`: a bar and a count per section, and the overall percentage; done topics off my track are named.

import { type Block, reply, text } from '../model/reply.ts';
import { plural } from '../model/wording.ts';
import { retentionOf } from '../review/retention.ts';
import { describeDay } from '../review/wording.ts';
import { describeOffTrack, offTrackDone } from '../roadmap/off-track.ts';
import { sectionsOf } from '../roadmap/plan.ts';
import { tally } from '../roadmap/suggest.ts';
import { describeStreak, streakOf } from '../time/member-streak.ts';
import { zoneOf } from '../time/member-zone.ts';
import type { Command, CommandContext } from './command.ts';

/** Reviews: how many finished topics are due now, and the estimated recall per section, as a bar out of 100. */
async function reviewBlocks(ctx: CommandContext): Promise<{ due: number; blocks: Block[] }> {
  const cards = await ctx.store.reviews.forMember(ctx.member.id);
  if (!cards.length) return { due: 0, blocks: [] };
  const { due, sections } = retentionOf(cards, ctx.roadmap.topics, ctx.now);
  const next = await ctx.store.reviews.nextDueAt(ctx.member.id);
  const when =
    due > 0
      ? `${plural(due, 'finished topic')} due for review: \`review\` asks them.`
      : `No reviews due; the next is ${describeDay(next!, zoneOf(ctx.member), ctx.now)}.`;
  return {
    due,
    blocks: [
      text({ strong: 'Reviews:' }, ' ', when), // a label in plain text too (the terminal shows no bold)
      ...sections.map(
        (s): Block => ({
          type: 'progress',
          label: s.section,
          done: Math.round(s.recall * 100),
          total: 100,
          note: `estimated recall over ${plural(s.topics, 'reviewed topic')}`,
        }),
      ),
    ],
  };
}

export const progress: Command = {
  name: 'progress',
  aliases: ['stats', 'me'],
  args: [],
  summary: 'Your progress: each section and overall',
  examples: ['progress'],
  async run(ctx) {
    const mine = await ctx.store.progress.forMember(ctx.member.id);
    const sections = sectionsOf(ctx.roadmap, await ctx.store.progress.tracks(ctx.member.id, ctx.roadmap.id));
    const off = offTrackDone(sections, mine);
    const blocks: Block[] = sections.map((s) => {
      const elsewhere = off
        .filter((o) => o.section === s)
        .map((o) => `${o.done} done on ${o.group.title ?? o.group.slug}, not counted`);
      if (s.pickOne && !s.chosen) {
        return {
          type: 'progress',
          label: s.title,
          done: 0,
          total: 0,
          note: ['choose a track with `track`', ...elsewhere].join('; '),
        };
      }
      const { done, total, skipped } = tally(s.studied, mine);
      const note = [...(skipped ? [`${skipped} skipped`] : []), ...elsewhere].join('; ');
      return { type: 'progress', label: s.title, done, total, note: note || undefined };
    });
    const overall = tally(
      sections.flatMap((s) => s.studied),
      mine,
    );
    const percent = overall.total ? Math.floor((overall.done / overall.total) * 100) : 0;
    const kept = describeOffTrack(off);
    const reviews = await reviewBlocks(ctx);
    return reply({
      heading: `Your progress: ${percent}%`,
      blocks: [
        ...blocks,
        text(`Overall: ${overall.done} of ${plural(overall.total, 'topic')} done (${percent}%).`),
        ...(kept ? [text(`${kept} \`track\` switches.`)] : []),
        ...reviews.blocks,
        text(
          `Streak: ${describeStreak(await streakOf(ctx.store, ctx.member, ctx.now, ctx.workspace.id))}. \`streak\` ` +
            `explains it.`,
        ),
      ],
      buttons: [
        ...(reviews.due ? [{ label: 'Review', command: 'review', style: 'primary' as const }] : []),
        { label: 'Next topic', command: 'next', ...(reviews.due ? {} : { style: 'primary' as const }) },
        ...off
          .slice(0, 2)
          .map((o) => ({ label: `Follow ${o.group.title ?? o.group.slug}`, command: `track ${o.group.slug}` })),
      ],
    });
  },
};
