// Progress on a track the member does not follow (or before choosing one): kept, never counted, always explained.
import type { TopicProgress, TopicRow } from '../../store/port.ts';
import type { PlanGroup, PlanSection } from './plan.ts';

export interface OffTrack {
  section: PlanSection;
  group: PlanGroup;
  done: number; // topics done in that group
}

/** Groups of pick-one sections, other than the chosen one, where the member has done something. */
export function offTrackDone(
  sections: readonly PlanSection[],
  progress: ReadonlyMap<number, TopicProgress>,
): OffTrack[] {
  const found: OffTrack[] = [];
  for (const section of sections) {
    if (!section.pickOne) continue;
    for (const group of section.groups) {
      if (group.slug === section.chosen) continue;
      const done = group.topics.filter((t) => progress.get(t.id)?.state === 'done').length;
      if (done) found.push({ section, group, done });
    }
  }
  return found;
}

/** The group a topic belongs to when it is on a track the member does not follow; undefined when it counts. */
export function offTrackGroup(
  topic: TopicRow,
  sections: readonly PlanSection[],
): { section: PlanSection; group: PlanGroup } | undefined {
  if (!topic.pickOne) return undefined;
  const section = sections.find((s) => s.slug === topic.sectionSlug);
  const group = section?.groups.find((g) => g.slug === topic.groupSlug);
  if (!section || !group || section.chosen === group.slug) return undefined;
  return { section, group };
}

/** "1 more done on Node.js, a track you don't follow" — for the counts in `progress` and after `done`. */
export function describeOffTrack(found: readonly OffTrack[]): string | undefined {
  if (!found.length) return undefined;
  const parts = found.map((f) => `${f.done} on ${f.group.title ?? f.group.slug}`);
  return `Kept but not counted, on ${found.length === 1 ? 'a track' : 'tracks'} you don't follow: ${parts.join(', ')}.`;
}
