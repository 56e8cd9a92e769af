// Which topic a member should study next, and why. Pure: the roadmap in order and the member's progress in.
import type { TopicProgress, TopicRow } from '../../store/port.ts';
import type { PlanSection } from './plan.ts';

export type Suggestion =
  | { kind: 'continue'; topic: TopicRow; since: number }
  | { kind: 'choose-track'; section: PlanSection }
  | { kind: 'next'; topic: TopicRow; skippedBefore: number }
  | { kind: 'finished' };

export function suggestNext(
  sections: readonly PlanSection[],
  progress: ReadonlyMap<number, TopicProgress>,
): Suggestion {
  // A topic already being learned comes first, wherever it is on the roadmap.
  // (Plain loops: `next` runs on every nudge and button, and this walk allocates nothing.)
  for (const section of sections) {
    for (const group of section.groups) {
      for (const topic of group.topics) {
        const p = progress.get(topic.id);
        if (p?.state === 'learning') return { kind: 'continue', topic, since: p.updatedAt };
      }
    }
  }
  let skippedBefore = 0;
  for (const section of sections) {
    if (section.pickOne && !section.chosen) return { kind: 'choose-track', section };
    for (const topic of section.studied) {
      const state = progress.get(topic.id)?.state;
      if (state === 'skipped') skippedBefore++;
      if (!state) return { kind: 'next', topic, skippedBefore };
    }
  }
  return { kind: 'finished' };
}

/** Done and total over what the member studies; skipped topics leave the total, so skipping is not failing. */
export function tally(topics: readonly TopicRow[], progress: ReadonlyMap<number, TopicProgress>) {
  let done = 0;
  let skipped = 0;
  for (const t of topics) {
    const state = progress.get(t.id)?.state;
    if (state === 'done') done++;
    else if (state === 'skipped') skipped++;
  }
  return { done, skipped, total: topics.length - skipped };
}
