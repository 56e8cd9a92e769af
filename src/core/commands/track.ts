// `track [choice]`: show or choose my group in the roadmap's pick-one section(s), e.g. `track node`.
import { UserError } from '../model/errors.ts';
import { type Block, reply, text } from '../model/reply.ts';
import { namesOf, nearest, rank } from '../roadmap/match.ts';
import { type PlanGroup, type PlanSection, sectionsOf } from '../roadmap/plan.ts';
import type { Command } from './command.ts';

export const track: Command = {
  name: 'track',
  aliases: ['language'],
  args: [{ name: 'choice', kind: 'text', required: false, description: 'The track to follow, e.g. "node"' }],
  summary: 'Show or choose your track where the roadmap says "pick one"',
  examples: ['track', 'track node', 'track python'],
  async run(ctx, rest) {
    const tracks = await ctx.store.progress.tracks(ctx.member.id, ctx.roadmap.id);
    const sections = sectionsOf(ctx.roadmap, tracks).filter((s) => s.pickOne);
    if (sections.length === 0)
      throw new UserError('This roadmap has no tracks to choose: every topic is for everyone.');
    const choices = sections.flatMap((section) => section.groups.map((group) => ({ section, group })));
    if (!rest) {
      const blocks: Block[] = sections.map((s) => {
        const current = s.groups.find((g) => g.slug === s.chosen)?.title;
        return text({ strong: s.title }, current ? `: you follow ${current}.` : ': not chosen yet.');
      });
      return reply({
        heading: 'Your track',
        blocks: [...blocks, text('Choose with `track <name>`; your progress is kept when you change.')],
        buttons: choices.slice(0, 10).map(({ section, group }) => {
          const title = group.title ?? group.slug ?? section.title;
          return section.chosen === group.slug
            ? { label: `✓ ${title} (yours)`, command: `track ${group.slug}`, style: 'primary' as const }
            : { label: title, command: `track ${group.slug}` };
        }),
      });
    }
    const candidates = choices.map((c) => ({ value: c, names: namesOf(c.group.title, c.group.slug) }));
    const { score, best } = rank(rest, candidates);
    if (score === 0 || best.length !== 1) {
      const guess = nearest(rest, candidates);
      const closest = guess ? ` (closest: ${guess.group.title})` : '';
      throw new UserError(['There is no single track called ', { user: rest }, '.'], {
        hint: `Choose one of: ${choices.map((c) => `\`track ${c.group.slug}\``).join(', ')}${closest}.`,
      });
    }
    const { section, group } = best[0]! as { section: PlanSection; group: PlanGroup };
    if (section.chosen === group.slug) {
      return reply({
        heading: `You already follow ${group.title}`,
        blocks: [text(`\`next\` walks ${group.title} in ${section.title}.`)],
        buttons: [{ label: 'Next topic', command: 'next', style: 'primary' }],
      });
    }
    await ctx.store.progress.chooseTrack(ctx.member.id, ctx.roadmap.id, section.slug, group.slug!, ctx.now);
    return reply({
      heading: `Your track: ${group.title}`,
      blocks: [text(`From now on \`next\` walks ${group.title} in ${section.title}, then the rest of the roadmap.`)],
      buttons: [{ label: 'Next topic', command: 'next', style: 'primary' }],
    });
  },
};
