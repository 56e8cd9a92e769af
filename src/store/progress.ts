// A member's state on each topic, the append-only log of its changes, and their track choices.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from './db.ts';
import { progress, progressEvents, trackChoices } from './schema.ts';

export type TopicState = 'learning' | 'done' | 'skipped';

export interface TopicProgress {
  state: TopicState;
  updatedAt: number;
}

export function createProgressStore(db: Db) {
  const byMember = db
    .select({ topicId: progress.topicId, state: progress.state, updatedAt: progress.updatedAt })
    .from(progress)
    .where(eq(progress.memberId, sql.placeholder('memberId')))
    .prepare();

  const tracksOf = db
    .select()
    .from(trackChoices)
    .where(
      and(
        eq(trackChoices.memberId, sql.placeholder('memberId')),
        eq(trackChoices.roadmapId, sql.placeholder('roadmapId')),
      ),
    )
    .prepare();

  const eventsOf = db
    .select({ at: progressEvents.at })
    .from(progressEvents)
    .where(eq(progressEvents.memberId, sql.placeholder('memberId')))
    .orderBy(asc(progressEvents.at))
    .prepare();

  return {
    forMember(memberId: number): Map<number, TopicProgress> {
      const rows = byMember.all({ memberId });
      return new Map(rows.map((r) => [r.topicId, { state: r.state, updatedAt: r.updatedAt }]));
    },

    /** Sets (or with null, clears) a member's state on a topic and logs the change. Returns the previous state. */
    set(memberId: number, topicId: number, state: TopicState | null, now: number): TopicState | null {
      const where = and(eq(progress.memberId, memberId), eq(progress.topicId, topicId));
      const previous = db.select({ state: progress.state }).from(progress).where(where).get()?.state ?? null;
      if (previous === state) return previous;
      if (state === null) db.delete(progress).where(where).run();
      else {
        db.insert(progress)
          .values({ memberId, topicId, state, updatedAt: now })
          .onConflictDoUpdate({ target: [progress.memberId, progress.topicId], set: { state, updatedAt: now } })
          .run();
      }
      db.insert(progressEvents).values({ memberId, topicId, fromState: previous, toState: state, at: now }).run();
      return previous;
    },

    /** When each of the member's progress events happened, oldest first: the source of streaks. */
    eventTimes(memberId: number): number[] {
      return eventsOf.all({ memberId }).map((r) => r.at);
    },

    /** Chosen group per pick-one section of a roadmap: section slug → group slug. */
    tracks(memberId: number, roadmapId: string): Map<string, string> {
      const rows = tracksOf.all({ memberId, roadmapId });
      return new Map(rows.map((r) => [r.sectionSlug, r.groupSlug]));
    },

    chooseTrack(memberId: number, roadmapId: string, sectionSlug: string, groupSlug: string, now: number): void {
      db.insert(trackChoices)
        .values({ memberId, roadmapId, sectionSlug, groupSlug, chosenAt: now })
        .onConflictDoUpdate({
          target: [trackChoices.memberId, trackChoices.roadmapId, trackChoices.sectionSlug],
          set: { groupSlug, chosenAt: now },
        })
        .run();
    },
  };
}
