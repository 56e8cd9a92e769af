// The roadmap as one member studies it: sections in order, and for a pick-one section only the chosen group.
import type { RoadmapView, TopicRow } from '../store/index.ts';

export interface PlanGroup {
  slug: string | null;
  title: string | null;
  topics: TopicRow[];
}

export interface PlanSection {
  slug: string;
  title: string;
  pickOne: boolean;
  groups: PlanGroup[]; // every group in the file
  chosen?: string; // pick-one: the member's group slug, if chosen
  studied: TopicRow[]; // what counts for this member: all topics, or the chosen group's, or none yet
}

export function sectionsOf(roadmap: RoadmapView, tracks: ReadonlyMap<string, string> = new Map()): PlanSection[] {
  const sections: PlanSection[] = [];
  for (const topic of roadmap.topics) {
    let section = sections.at(-1);
    if (section?.slug !== topic.sectionSlug) {
      const chosen = topic.pickOne ? tracks.get(topic.sectionSlug) : undefined;
      section = { slug: topic.sectionSlug, title: topic.sectionTitle, pickOne: topic.pickOne, groups: [], studied: [], chosen };
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
