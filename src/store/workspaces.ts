// Workspaces: a Slack team, a Discord guild, or the local terminal. Each follows one roadmap.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from './db.ts';
import { workspaces } from './schema.ts';

export type WorkspaceRow = typeof workspaces.$inferSelect;

export function createWorkspaceStore(db: Db) {
  const byExternalId = db
    .select()
    .from(workspaces)
    .where(
      and(
        eq(workspaces.platform, sql.placeholder('platform')),
        eq(workspaces.externalId, sql.placeholder('externalId')),
      ),
    )
    .prepare();
  const find = (platform: string, externalId: string): WorkspaceRow | undefined =>
    byExternalId.get({ platform, externalId });

  return {
    find,
    /** Changes a workspace's settings; only the fields given. */
    update(
      id: number,
      settings: Partial<Pick<WorkspaceRow, 'roadmapId' | 'timeZone' | 'leaderboardEnabled' | 'boardPosts'>>,
    ): WorkspaceRow {
      return db.update(workspaces).set(settings).where(eq(workspaces.id, id)).returning().get();
    },
    /** The workspace, created on first contact with the default roadmap. */
    ensure(input: {
      platform: string;
      externalId: string;
      name?: string;
      roadmapId: string;
      now: number;
    }): WorkspaceRow {
      const found = find(input.platform, input.externalId);
      if (found) return found;
      return db
        .insert(workspaces)
        .values({
          platform: input.platform,
          externalId: input.externalId,
          name: input.name ?? null,
          roadmapId: input.roadmapId,
          createdAt: input.now,
        })
        .returning()
        .get();
    },
  };
}
