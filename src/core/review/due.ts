// Which of a member's cards to ask now: the longest overdue first, passing over cards of topics no longer on the
// roadmap (retired), and the question each one asks. Shared by `review` and the daily nudge, so both ask alike.
import { recallPrompts } from '../../content/recall.ts';
import type { ReviewCardRow, ReviewQueries, TopicRow } from '../../store/port.ts';

export interface DueReview {
  card: ReviewCardRow;
  topic: TopicRow;
}

// Rows read per look-up: enough to pass over retired topics' cards and still find live ones, in one indexed query
// (review_cards_member_due) that stops after this many.
export const LOOK_AHEAD = 50;

/** Up to `limit` of the member's due cards whose topic is still on the roadmap, the longest overdue first. */
export async function dueReviews(
  reviews: Pick<ReviewQueries, 'due'>,
  memberId: number,
  topics: readonly TopicRow[],
  now: number,
  limit: number,
): Promise<DueReview[]> {
  const byId = new Map(topics.map((t) => [t.id, t]));
  const live: DueReview[] = [];
  for (const card of await reviews.due(memberId, now, LOOK_AHEAD)) {
    const topic = byId.get(card.topicId);
    if (topic) live.push({ card, topic });
    if (live.length === limit) break;
  }
  return live;
}

/** The question a card asks this time: a topic's questions take turns, so it is not always asked the same way. */
export function questionOf({ card, topic }: DueReview): string {
  const prompts = recallPrompts(topic);
  return prompts[card.reps % prompts.length]!;
}
