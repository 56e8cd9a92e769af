// The roadmap as one member studies it: sections in order, and for a pick-one section only the chosen group.
import type { RoadmapView, TopicRow } from '../../store/port.ts';

export interface PlanGroup {
  readonly slug: string | null;
  readonly title: string | null;
  readonly topics: readonly TopicRow[];
}

export interface PlanSection {
  readonly slug: string;
  readonly title: string;
  readonly pickOne: boolean;
  readonly groups: readonly PlanGroup[]; // every group in the file
  readonly chosen?: string; // pick-one: the member's group slug, if chosen
  readonly studied: readonly TopicRow[]; // what counts for this member: all topics, or the chosen group's, or none yet
}

// Members share a handful of plans (one per combination of track choices), and most commands need one: each is built
// once per loaded roadmap and shared, read-only. A roadmap reload is a new RoadmapView, so its plans start afresh.
const plans = new WeakMap<RoadmapView, Map<string, readonly PlanSection[]>>();
const MAX_PLANS = 64; // per roadmap; more combinations than this are only rebuilt, never wrong
const NO_TRACKS: ReadonlyMap<string, string> = new Map();

export function sectionsOf(
  roadmap: RoadmapView,
  tracks: ReadonlyMap<string, string> = NO_TRACKS,
): readonly PlanSection[] {
  let cached = plans.get(roadmap);
  if (!cached) plans.set(roadmap, (cached = new Map()));
  const key =
    tracks.size === 0
      ? ''
      : [...tracks]
          .map(([section, group]) => `${section}=${group}`)
          .sort()
          .join('&');
  let plan = cached.get(key);
  if (!plan) {
    if (cached.size >= MAX_PLANS) cached.clear();
    cached.set(key, (plan = build(roadmap, tracks)));
  }
  return plan;
}

function build(roadmap: RoadmapView, tracks: ReadonlyMap<string, string>): PlanSection[] {
  const sections: {
    slug: string;
    title: string;
    pickOne: boolean;
    groups: { slug: string | null; title: string | null; topics: TopicRow[] }[];
    chosen?: string;
    studied: TopicRow[];
  }[] = [];
  for (const topic of roadmap.topics) {
    let section = sections.at(-1);
    if (section?.slug !== topic.sectionSlug) {
      const chosen = topic.pickOne ? tracks.get(topic.sectionSlug) : undefined;
      section = {
        slug: topic.sectionSlug,
        title: topic.sectionTitle,
        pickOne: topic.pickOne,
        groups: [],
        studied: [],
        chosen,
      };
      sections.push(section);
    }
    let group = section.groups.at(-1);
    if (!group || group.slug !== topic.groupSlug) {
      group = { slug: topic.groupSlug, title: topic.groupTitle, topics: [] };
      section.groups.push(group);
    }
    group.topics.push(topic);
    if (!section.pickOne || topic.groupSlug === section.chosen) section.studied.push(topic);
  }
  return sections;
}

/** "Databases & Storage › SQL Databases" */
export function placeOf(topic: TopicRow): string {
  return topic.groupTitle ? `${topic.sectionTitle} › ${topic.groupTitle}` : topic.sectionTitle;
}
