// Members and their platform identities: one person may reach the bot from several accounts.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from './db.ts';
import { identities, members } from './schema.ts';

export type MemberRow = typeof members.$inferSelect;

export interface IdentityInput {
  workspaceId: number;
  platformUserId: string;
  displayName: string;
  timeZone?: string;
  now: number;
}

export function createMemberStore(db: Db) {
  const byIdentity = db
    .select({ member: members, identityName: identities.displayName, identityId: identities.id })
    .from(identities)
    .innerJoin(members, eq(members.id, identities.memberId))
    .where(
      and(
        eq(identities.workspaceId, sql.placeholder('workspaceId')),
        eq(identities.platformUserId, sql.placeholder('userId')),
      ),
    )
    .prepare();

  return {
    /** The member behind a platform account, created on first contact; a changed display name is kept up to date. */
    resolve(input: IdentityInput): MemberRow {
      const found = byIdentity.get({ workspaceId: input.workspaceId, userId: input.platformUserId });
      if (found) {
        if (found.identityName !== input.displayName) {
          db.update(identities)
            .set({ displayName: input.displayName })
            .where(eq(identities.id, found.identityId))
            .run();
          db.update(members).set({ displayName: input.displayName }).where(eq(members.id, found.member.id)).run();
          return { ...found.member, displayName: input.displayName };
        }
        return found.member;
      }
      const member = db
        .insert(members)
        .values({ displayName: input.displayName, timeZone: input.timeZone ?? null, createdAt: input.now })
        .returning()
        .get();
      db.insert(identities)
        .values({
          workspaceId: input.workspaceId,
          platformUserId: input.platformUserId,
          memberId: member.id,
          displayName: input.displayName,
          createdAt: input.now,
        })
        .run();
      return member;
    },

    /** Changes a member's own settings: privacy on boards, streak mode, time zone (null: UTC). */
    updateSettings(memberId: number, settings: Partial<Pick<MemberRow, 'privacy' | 'streakMode' | 'timeZone'>>): void {
      db.update(members).set(settings).where(eq(members.id, memberId)).run();
    },
  };
}
