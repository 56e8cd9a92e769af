// Finds the topic, section or track a member means. An ambiguous query lists the candidates; an unknown one
// suggests the nearest. Retired topics are not found: they are no longer on the roadmap.
import type { RoadmapView, TopicRow } from '../store/index.ts';
import type { CommandContext } from './commands/command.ts';
import { UserError } from './errors.ts';
import { namesOf, nearest, rank, type Candidate } from './match.ts';
import { sectionsOf, type PlanSection } from './plan.ts';
import { list } from './reply.ts';

const MAX_CANDIDATES = 10;

export function findTopic(ctx: CommandContext, query: string, verb = 'topic'): TopicRow {
  const q = query.trim();
  if (!q) throw new UserError(`Which topic? For example: \`${verb} ${ctx.roadmap.topics[0]?.slug ?? 'express'}\`.`);
  const topics = ctx.roadmap.topics;
  const exact = topics.find((t) => t.path === q || t.path === `${ctx.roadmap.id}/${q}`);
  if (exact) return exact;

  const candidates = topicCandidates(ctx.roadmap);
  const { score, best } = rank(q, candidates);
  const found = [...new Set(best.flat())].sort((a, b) => a.position - b.position);
  if (score > 0 && found.length === 1) return found[0]!;
  if (score > 0) {
    throw new UserError([{ user: q }, ` could mean ${found.length} topics. Which one?`], {
      blocks: [list(found.slice(0, MAX_CANDIDATES).map((t) => [{ strong: t.title }, ` — ${t.groupTitle ?? t.sectionTitle}`]))],
      buttons: found.slice(0, 5).map((t) => ({ label: t.title, command: `${verb} ${t.path}` })),
    });
  }
  const guess = nearest(q, candidates)?.[0];
  throw new UserError(["I can't find a topic called ", { user: q }, '.'], {
    hint: guess ? `Did you mean \`${verb} ${guess.slug}\` (${guess.title})? \`topics\` lists them all.` : '`topics` lists them all.',
    buttons: guess ? [{ label: guess.title, command: `${verb} ${guess.path}` }] : [],
  });
}

export function findSection(ctx: CommandContext, query: string): PlanSection {
  const sections = sectionsOf(ctx.roadmap, ctx.store.progress.tracks(ctx.member.id, ctx.roadmap.id));
  const candidates = sections.map((s, i) => ({ value: s, names: namesOf(s.title, s.slug, String(i + 1)) }));
  const { score, best } = rank(query, candidates);
  if (score > 0 && best.length === 1) return best[0]!;
  if (score > 0) {
    throw new UserError([{ user: query }, ` could mean ${best.map((s) => s.title).join(' or ')}.`], {
      hint: 'Type more of the section name.',
    });
  }
  const guess = nearest(query, candidates);
  throw new UserError(['There is no section called ', { user: query }, '.'], {
    hint: `${guess ? `Did you mean \`topics ${guess.slug}\`? ` : ''}\`topics\` lists the sections.`,
  });
}

// A roadmap view is replaced whenever its content is reloaded, so its names can be worked out once per view.
const namesByRoadmap = new WeakMap<RoadmapView, Candidate<readonly TopicRow[]>[]>();

function topicCandidates(roadmap: RoadmapView): Candidate<readonly TopicRow[]>[] {
  let candidates = namesByRoadmap.get(roadmap);
  if (!candidates) {
    // Groups compete with topics, so "jwt" (a group) lists its topics instead of guessing one of them.
    const groups = sectionsOf(roadmap).flatMap((s) => s.groups).filter((g) => g.slug !== null);
    candidates = [
      ...roadmap.topics.map((t) => ({ value: [t], names: namesOf(t.title, t.groupTitle && `${t.groupTitle} ${t.title}`, t.slug) })),
      ...groups.map((g) => ({ value: g.topics, names: namesOf(g.title, g.slug) })),
    ];
    namesByRoadmap.set(roadmap, candidates);
  }
  return candidates;
}
