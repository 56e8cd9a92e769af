// When a board was last posted in each channel, so members' posts are spaced out across restarts and processes.
import { and, eq } from 'drizzle-orm';
import type { Db } from './db.ts';
import { channelPosts } from './schema.ts';

export function createChannelPostStore(db: Db) {
  return {
    lastAt(workspaceId: number, channelId: string): number | undefined {
      return db
        .select({ at: channelPosts.postedAt })
        .from(channelPosts)
        .where(and(eq(channelPosts.workspaceId, workspaceId), eq(channelPosts.channelId, channelId)))
        .get()?.at;
    },
    record(workspaceId: number, channelId: string, now: number): void {
      db.insert(channelPosts)
        .values({ workspaceId, channelId, postedAt: now })
        .onConflictDoUpdate({ target: [channelPosts.workspaceId, channelPosts.channelId], set: { postedAt: now } })
        .run();
    },
  };
}
