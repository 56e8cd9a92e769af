// Finds the topic, section or track a member means. An ambiguous query lists the candidates; an unknown one
// suggests the nearest. Retired topics are not found: they are no longer on the roadmap.
import type { RoadmapView, TopicRow } from '../../store/port.ts';
import type { CommandContext } from '../commands/command.ts';
import { UserError } from '../model/errors.ts';
import { type Button, list } from '../model/reply.ts';
import { type Candidate, mentions, namesOf, nearest, rank, wordsOf } from './match.ts';
import { type PlanSection, sectionsOf } from './plan.ts';
import { byPath, refOf } from './topic-paths.ts';

const MAX_CANDIDATES = 10;
const MAX_BUTTONS = 5;

/**
 * How a query found its topics, strongest first: a path; a name (exact, prefix, words); a whole name with small
 * typos ("reslovers"); loosely, word by word with typos ("remove" for "resolvers"); only a mention in a summary or a
 * resource title. Only the first three may change anything: the last two are guesses and searches, shown with
 * buttons that open a topic, never with ones that mark it.
 */
export type Tier = 'path' | 'name' | 'typo' | 'loose' | 'mention';
const WEAK: readonly Tier[] = ['loose', 'mention'];
export interface TopicMatch {
  tier: Tier;
  topics: readonly TopicRow[]; // in roadmap order; several when the query fits a group or several names alike
}

/** What a query names on the roadmap, or undefined. `tiers` limits how loosely it may match. */
export function matchTopics(
  roadmap: RoadmapView,
  query: string,
  tiers: readonly Tier[] = ['path', 'name', 'typo', 'loose', 'mention'],
): TopicMatch | undefined {
  const q = query.trim();
  if (!q) return undefined;
  if (tiers.includes('path')) {
    const exact = byPath(roadmap, q);
    if (exact) return { tier: 'path', topics: [exact] };
  }
  const { score, best } = rank(q, topicCandidates(roadmap));
  // match.ts: names score 50 and up, whole-name typos 30 to 40, word-by-word typos 25.
  const tier: Tier = score >= 50 ? 'name' : score >= 30 ? 'typo' : 'loose';
  if (score > 0 && tiers.includes(tier))
    return { tier, topics: [...new Set(best.flat())].sort((a, b) => a.position - b.position) };
  if (score > 0 || !tiers.includes('mention')) return undefined;
  const mentioned = roadmap.topics.filter((t) => mentions(q, proseOf(roadmap, t)));
  return mentioned.length ? { tier: 'mention', topics: mentioned } : undefined;
}

/**
 * The one topic a query names, for `verb`. Anything else is refused with choices: when the query fits several
 * topics, buttons run `verb` on each, carrying `tail` (the rest of the command, e.g. " | my note") along; a mere
 * mention or a guess offers only buttons that open a topic.
 */
export function findTopic(ctx: CommandContext, query: string, verb = 'topic', tail = ''): TopicRow {
  const q = query.trim();
  if (!q) throw new UserError(`Which topic? For example: \`${verb} ${ctx.roadmap.topics[0]?.slug ?? 'express'}\`.`);
  const found = matchTopics(ctx.roadmap, q);
  const weak = found && WEAK.includes(found.tier);
  if (found?.topics.length === 1 && (!weak || verb === 'topic')) return found.topics[0]!; // a weak match may only open
  if (found && !weak) {
    throw new UserError([{ user: q }, ` could mean ${found.topics.length} topics. Which one?`], {
      blocks: [listOf(found.topics)],
      buttons: found.topics
        .slice(0, MAX_BUTTONS)
        .map((t) => ({ label: t.title, command: `${verb} ${tail ? refOf(ctx.roadmap, t) : t.path}${tail}` })),
    });
  }
  if (found?.tier === 'loose') {
    throw new UserError(
      [
        "I can't find a topic called ",
        { user: q },
        `. Did you mean ${found.topics.length === 1 ? 'this one' : 'one of these'}?`,
      ],
      {
        blocks: [listOf(found.topics)],
        hint: `Open one, then use \`${verb}\` with its name.`,
        buttons: viewButtons(found.topics),
      },
    );
  }
  if (found) {
    throw new UserError(
      [
        'No topic is called ',
        { user: q },
        `, but ${found.topics.length === 1 ? 'this one mentions' : 'these mention'} it:`,
      ],
      {
        blocks: [listOf(found.topics)],
        hint: verb === 'topic' ? 'Open one to read it.' : `Open one, then use \`${verb}\` with its name.`,
        buttons: viewButtons(found.topics),
      },
    );
  }
  const guess = nearest(q, topicCandidates(ctx.roadmap))?.[0];
  const number = /^\d+$/.test(q) ? ` Sections have numbers: \`topics ${q}\` opens one.` : '';
  throw new UserError(["I can't find a topic called ", { user: q }, '.'], {
    hint: guess
      ? `Did you mean ${guess.title}?${number} \`topics\` lists them all.`
      : `${number.trim()} \`topics\` lists them all.`.trim(),
    buttons: guess ? viewButtons([guess]) : [],
  });
}

/** Buttons that only open topics: all a weak match may offer. */
export function viewButtons(topics: readonly TopicRow[]): Button[] {
  return topics.slice(0, MAX_BUTTONS).map((t) => ({ label: t.title, command: `topic ${t.path}` }));
}

function listOf(topics: readonly TopicRow[]) {
  const more = topics.length - MAX_CANDIDATES;
  return list([
    ...topics.slice(0, MAX_CANDIDATES).map((t) => [{ strong: t.title }, ` — ${t.groupTitle ?? t.sectionTitle}`]),
    ...(more > 0 ? [[`…and ${more} more`]] : []),
  ]);
}

export async function findSection(ctx: CommandContext, query: string): Promise<PlanSection> {
  const sections = sectionsOf(ctx.roadmap, await ctx.store.progress.tracks(ctx.member.id, ctx.roadmap.id));
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
const proseByRoadmap = new WeakMap<RoadmapView, Map<number, string[]>>();

export function topicCandidates(roadmap: RoadmapView): Candidate<readonly TopicRow[]>[] {
  let candidates = namesByRoadmap.get(roadmap);
  if (!candidates) {
    // Groups compete with topics, so "jwt" (a group) lists its topics instead of guessing one of them.
    const groups = sectionsOf(roadmap)
      .flatMap((s) => s.groups)
      .filter((g) => g.slug !== null);
    candidates = [
      ...roadmap.topics.map((t) => ({
        value: [t],
        names: namesOf(t.title, t.groupTitle && `${t.groupTitle} ${t.title}`, t.slug),
      })),
      ...groups.map((g) => ({ value: g.topics, names: namesOf(g.title, g.slug) })),
    ];
    namesByRoadmap.set(roadmap, candidates);
  }
  return candidates;
}

/** The words of a topic's summary and resource titles, searched when no name fits. */
function proseOf(roadmap: RoadmapView, topic: TopicRow): string[] {
  let byTopic = proseByRoadmap.get(roadmap);
  if (!byTopic) proseByRoadmap.set(roadmap, (byTopic = new Map()));
  let words = byTopic.get(topic.id);
  if (!words)
    byTopic.set(topic.id, (words = wordsOf([topic.summary, ...topic.resources.map((r) => r.title)].join(' '))));
  return words;
}
