// What `progress` shows of reviews: how many finished topics are due, and FSRS's estimated recall per section (the
// mean retrievability of its reviewed topics; a topic never reviewed yet has no estimate and is left out).
import type { ReviewCardRow, TopicRow } from '../../store/port.ts';
import { recallOf } from './fsrs.ts';

export interface SectionRecall {
  section: string; // its title
  recall: number; // 0…1
  topics: number; // reviewed topics it averages
}

export function retentionOf(
  cards: readonly ReviewCardRow[],
  topics: readonly TopicRow[],
  now: number,
): { due: number; sections: SectionRecall[] } {
  const byId = new Map(topics.map((t) => [t.id, t]));
  const live = cards.filter((c) => byId.has(c.topicId));
  const sums = new Map<string, { sum: number; n: number }>();
  for (const card of live) {
    const recall = recallOf(card, now);
    if (recall === undefined) continue;
    const s = sums.get(byId.get(card.topicId)!.sectionTitle) ?? { sum: 0, n: 0 };
    sums.set(byId.get(card.topicId)!.sectionTitle, { sum: s.sum + recall, n: s.n + 1 });
  }
  // Roadmap order: the first topic of each section decides where it stands.
  const order = [...new Set(topics.map((t) => t.sectionTitle))];
  const sections = order
    .filter((title) => sums.has(title))
    .map((title) => ({
      section: title,
      recall: sums.get(title)!.sum / sums.get(title)!.n,
      topics: sums.get(title)!.n,
    }));
  return { due: live.filter((c) => c.dueAt <= now).length, sections };
}
