// Account linking: one-time codes (kept hashed), failed attempts, and joining or splitting members.
import { createHash, randomInt } from 'node:crypto';
import { and, count, eq, gte, inArray, isNull } from 'drizzle-orm';
import type { Db } from './db.ts';
import {
  deliveries,
  identities,
  linkAttempts,
  linkCodes,
  members,
  notes,
  progress,
  progressEvents,
  schedules,
  trackChoices,
} from './schema.ts';

// No 0/O, 1/I/L: a code read aloud or copied from a phone survives.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const RANK = { done: 3, learning: 2, skipped: 1 } as const;

export const hashCode = (code: string) => createHash('sha256').update(code).digest('hex');
export type IdentityRow = typeof identities.$inferSelect;

export function createLinkStore(db: Db) {
  return {
    identity(workspaceId: number, platformUserId: string): IdentityRow | undefined {
      return db
        .select()
        .from(identities)
        .where(and(eq(identities.workspaceId, workspaceId), eq(identities.platformUserId, platformUserId)))
        .get();
    },

    identitiesOf(memberId: number): IdentityRow[] {
      return db.select().from(identities).where(eq(identities.memberId, memberId)).all();
    },

    /** A fresh 8-character code for this identity; any earlier unused one stops working. */
    issueCode(identityId: number, now: number, ttlMs: number): string {
      const code = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
      db.delete(linkCodes)
        .where(and(eq(linkCodes.identityId, identityId), isNull(linkCodes.usedAt)))
        .run();
      db.insert(linkCodes)
        .values({ codeHash: hashCode(code), identityId, createdAt: now, expiresAt: now + ttlMs })
        .run();
      return code;
    },

    /** The identity that issued a live code, marking the code used; undefined for a wrong, used or expired code. */
    redeem(code: string, now: number): IdentityRow | undefined {
      const row = db
        .select()
        .from(linkCodes)
        .where(eq(linkCodes.codeHash, hashCode(code)))
        .get();
      if (!row || row.usedAt !== null || row.expiresAt <= now) return undefined;
      db.update(linkCodes).set({ usedAt: now }).where(eq(linkCodes.codeHash, row.codeHash)).run();
      return db.select().from(identities).where(eq(identities.id, row.identityId)).get();
    },

    recordFailure(identityId: number, now: number): void {
      db.insert(linkAttempts).values({ identityId, at: now }).run();
    },

    failuresSince(identityId: number, since: number): number {
      return db
        .select({ n: count() })
        .from(linkAttempts)
        .where(and(eq(linkAttempts.identityId, identityId), gte(linkAttempts.at, since)))
        .get()!.n;
    },

    /** Moves everything of `absorbed` into `survivor` and deletes `absorbed`. Call inside a transaction. */
    merge(survivorId: number, absorbedId: number): void {
      const mine = new Map(
        db
          .select()
          .from(progress)
          .where(eq(progress.memberId, survivorId))
          .all()
          .map((p) => [p.topicId, p]),
      );
      for (const theirs of db.select().from(progress).where(eq(progress.memberId, absorbedId)).all()) {
        const kept = mine.get(theirs.topicId);
        // The most advanced state wins (done > learning > skipped); between equals, the latest time.
        const better =
          !kept ||
          RANK[theirs.state] > RANK[kept.state] ||
          (theirs.state === kept.state && theirs.updatedAt > kept.updatedAt);
        if (better) {
          db.insert(progress)
            .values({ ...theirs, memberId: survivorId })
            .onConflictDoUpdate({
              target: [progress.memberId, progress.topicId],
              set: { state: theirs.state, updatedAt: theirs.updatedAt },
            })
            .run();
        }
      }
      db.delete(progress).where(eq(progress.memberId, absorbedId)).run();
      const chosen = new Set(
        db
          .select()
          .from(trackChoices)
          .where(eq(trackChoices.memberId, survivorId))
          .all()
          .map((t) => `${t.roadmapId}/${t.sectionSlug}`),
      );
      for (const choice of db.select().from(trackChoices).where(eq(trackChoices.memberId, absorbedId)).all()) {
        if (!chosen.has(`${choice.roadmapId}/${choice.sectionSlug}`))
          db.insert(trackChoices)
            .values({ ...choice, memberId: survivorId })
            .run();
      }
      db.delete(trackChoices).where(eq(trackChoices.memberId, absorbedId)).run();
      db.update(progressEvents).set({ memberId: survivorId }).where(eq(progressEvents.memberId, absorbedId)).run();
      db.update(notes).set({ memberId: survivorId }).where(eq(notes.memberId, absorbedId)).run();
      mergeSchedules(survivorId, absorbedId);
      db.update(identities).set({ memberId: survivorId }).where(eq(identities.memberId, absorbedId)).run();
      const absorbed = db.select().from(members).where(eq(members.id, absorbedId)).get();
      const survivor = db.select().from(members).where(eq(members.id, survivorId)).get();
      if (absorbed && survivor && !survivor.timeZone && absorbed.timeZone) {
        db.update(members).set({ timeZone: absorbed.timeZone }).where(eq(members.id, survivorId)).run();
      }
      db.delete(members).where(eq(members.id, absorbedId)).run();
    },

    /** Gives one identity a member of its own again, starting from a copy of the shared progress. */
    split(identity: IdentityRow, now: number): number {
      const from = db.select().from(members).where(eq(members.id, identity.memberId)).get()!;
      const { id: _id, ...profile } = from;
      const fresh = db
        .insert(members)
        .values({ ...profile, displayName: identity.displayName, createdAt: now })
        .returning()
        .get();
      for (const p of db.select().from(progress).where(eq(progress.memberId, from.id)).all())
        db.insert(progress)
          .values({ ...p, memberId: fresh.id })
          .run();
      for (const t of db.select().from(trackChoices).where(eq(trackChoices.memberId, from.id)).all())
        db.insert(trackChoices)
          .values({ ...t, memberId: fresh.id })
          .run();
      db.update(identities).set({ memberId: fresh.id }).where(eq(identities.id, identity.id)).run();
      // A nudge that DMs this account goes with it.
      db.update(schedules)
        .set({ memberId: fresh.id })
        .where(and(eq(schedules.memberId, from.id), eq(schedules.identityId, identity.id)))
        .run();
      return fresh.id;
    },
  };

  /** The issuer's nudge wins: the other one ends (its queued sends
   *  are skipped), or moves over if the issuer has none. */
  function mergeSchedules(survivorId: number, absorbedId: number): void {
    const theirs = db
      .select({ id: schedules.id })
      .from(schedules)
      .where(eq(schedules.memberId, absorbedId))
      .all()
      .map((s) => s.id);
    if (theirs.length === 0) return;
    const mine = db.select({ id: schedules.id }).from(schedules).where(eq(schedules.memberId, survivorId)).get();
    if (!mine) {
      db.update(schedules).set({ memberId: survivorId }).where(inArray(schedules.id, theirs)).run();
      return;
    }
    db.update(deliveries)
      .set({ status: 'skipped', lastError: 'replaced: accounts linked' })
      .where(and(inArray(deliveries.scheduleId, theirs), inArray(deliveries.status, ['pending', 'sending'])))
      .run();
    db.update(deliveries).set({ scheduleId: null }).where(inArray(deliveries.scheduleId, theirs)).run();
    db.delete(schedules).where(inArray(schedules.id, theirs)).run();
  }
}
