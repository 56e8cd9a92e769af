// Spaced review scheduled by FSRS (ts-fsrs): the only place that knows the library. A card is due on a local date in
// the member's zone, from its midnight: FSRS's intervals are whole days (short-term steps off), and a day is a
// calendar day for the learner, 23 or 25 hours across a DST change, not 24 hours after the last answer.
import { DateTime } from 'luxon';
import { type Card, computeDecayFactor, createEmptyCard, fsrs, type Grade, generatorParameters, Rating } from 'ts-fsrs';
import type { ReviewCardState, ReviewLogInput } from '../../store/port.ts';
import { localDayOf, rememberedByDay } from '../time/by-local-day.ts';

/** A finished topic's first recall check: a few days after `done`, when it has had time to fade a little. */
export const FIRST_REVIEW_DAYS = 3;

// No fuzz: the same answers give the same dates, which the member can be told and the tests can check.
export const scheduler = fsrs(generatorParameters({ enable_short_term: false, enable_fuzz: false }));

/** The forgetting curve's constants for these parameters, R = (1 + factor·t/S)^decay: the store estimates a whole
 *  team's recall with them in SQL rather than reading every card. */
export const FORGETTING_CURVE: { factor: number; decay: number } = computeDecayFactor(scheduler.parameters.w);

export type Answer = 'again' | 'hard' | 'good' | 'easy';
export const ANSWERS: readonly Answer[] = ['again', 'hard', 'good', 'easy'];
export const RATING: Record<Answer, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

const dayStarts = new Map<string, number>();

/** Midnight in `zone` of the local day `days` after the one `at` falls on. */
export function localDayStart(at: number, zone: string, days: number): number {
  return rememberedByDay(dayStarts, `${zone}|${localDayOf(at, zone)}|${days}`, () =>
    DateTime.fromMillis(at, { zone }).startOf('day').plus({ days }).toMillis(),
  );
}

export function toCard(s: ReviewCardState): Card {
  return {
    due: new Date(s.dueAt),
    stability: s.stability,
    difficulty: s.difficulty,
    elapsed_days: s.elapsedDays,
    scheduled_days: s.scheduledDays,
    learning_steps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    state: s.state,
    last_review: s.lastReviewAt === null ? undefined : new Date(s.lastReviewAt),
  };
}

function stateOf(c: Card): ReviewCardState {
  return {
    dueAt: c.due.getTime(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsed_days,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    lastReviewAt: c.last_review ? c.last_review.getTime() : null,
  };
}

/** The card a topic gets when it is marked done: new to FSRS, first due FIRST_REVIEW_DAYS local days later. */
export function newCard(doneAt: number, zone: string): ReviewCardState {
  return { ...stateOf(createEmptyCard(new Date(doneAt))), dueAt: localDayStart(doneAt, zone, FIRST_REVIEW_DAYS) };
}

/** The card after an answer at `now`, due at the start of the local day FSRS's interval lands on, and its log. */
export function answer(
  card: ReviewCardState,
  given: Answer,
  now: number,
  zone: string,
): { next: ReviewCardState; log: ReviewLogInput } {
  const { card: after, log } = scheduler.next(toCard(card), new Date(now), RATING[given]);
  return {
    next: { ...stateOf(after), dueAt: localDayStart(now, zone, after.scheduled_days) },
    log: {
      rating: log.rating,
      state: log.state,
      dueAt: card.dueAt,
      stability: log.stability,
      difficulty: log.difficulty,
      elapsedDays: log.elapsed_days,
      lastElapsedDays: log.last_elapsed_days,
      scheduledDays: log.scheduled_days,
      learningSteps: log.learning_steps,
      reviewedAt: now,
    },
  };
}

/** FSRS's estimate that the member would recall the topic at `now` (0…1); undefined before the first review. */
export function recallOf(card: ReviewCardState, now: number): number | undefined {
  if (card.lastReviewAt === null) return undefined;
  return scheduler.get_retrievability(toCard(card), new Date(now), false);
}
