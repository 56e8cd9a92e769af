// `topics [section]`: the roadmap's sections, or one section's groups and topics with my state on each.

import { type Block, list, reply, text } from '../model/reply.ts';
import { STATE_MARK } from '../roadmap/cards.ts';
import { findSection } from '../roadmap/lookup.ts';
import { sectionsOf } from '../roadmap/plan.ts';
import { tally } from '../roadmap/suggest.ts';
import type { Command } from './command.ts';

const MAX_BUTTONS = 25; // what Slack and Discord allow on one message

export const topics: Command = {
  name: 'topics',
  aliases: ['list', 'roadmap', 'sections'],
  args: [{ name: 'section', kind: 'section', required: false, description: 'A section name or number' }],
  summary: 'The sections of the roadmap, or the topics of one section',
  examples: ['topics', 'topics databases', 'topics 4'],
  async run(ctx, rest) {
    const progress = await ctx.store.progress.forMember(ctx.member.id);
    if (!rest) {
      const sections = sectionsOf(ctx.roadmap, await ctx.store.progress.tracks(ctx.member.id, ctx.roadmap.id));
      return reply({
        heading: ctx.roadmap.title,
        blocks: [
          list(
            sections.map((s, i) => {
              const { done, total } = tally(s.studied, progress);
              const count = s.pickOne && !s.chosen ? `choose one of ${s.groups.length}` : `${done}/${total} done`;
              return [`${i + 1}. `, { strong: s.title }, ` — ${count}`];
            }),
          ),
          text('Type `topics <section>` to see a section, e.g. `topics 2`.'),
        ],
        // Every section: renderers lay buttons out in rows (Slack 5 a row, 25 a message; Discord 25 a message).
        buttons: sections
          .slice(0, MAX_BUTTONS)
          .map((s, i) => ({ label: `${i + 1}. ${s.title}`, command: `topics ${s.slug}` })),
      });
    }
    const section = await findSection(ctx, rest);
    const blocks: Block[] = [];
    if (section.pickOne) {
      const chosen = section.groups.find((g) => g.slug === section.chosen)?.title;
      blocks.push(
        text(chosen ? `Your track: ${chosen}. Change it with \`track\`.` : 'Pick one track with `track <name>`.'),
      );
    }
    for (const group of section.groups) {
      if (group.title) blocks.push(text({ strong: group.title }));
      blocks.push(
        list(
          group.topics.map((t) => [
            `${STATE_MARK[progress.get(t.id)?.state ?? 'new']} ${t.title}`,
            t.summary ? ` — ${t.summary}` : '',
          ]),
        ),
      );
    }
    blocks.push(
      text(
        `${STATE_MARK.done} done  ${STATE_MARK.learning} learning  ${STATE_MARK.skipped} skipped  ${STATE_MARK.new} ` +
          `not started. \`topic <name>\` opens one.`,
      ),
    );
    return reply({ heading: section.title, blocks });
  },
};
