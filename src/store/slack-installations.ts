// Slack installations: rows keyed by team (or enterprise) id; the payload arrives already sealed by the adapter.
import { eq } from 'drizzle-orm';
import type { Db } from './db.ts';
import { slackInstallations } from './schema.ts';

export type SlackInstallationRow = typeof slackInstallations.$inferSelect;

export function createSlackInstallationStore(db: Db) {
  return {
    /** Inserts or replaces the installation for its id (a reinstall brings a new token). */
    save(row: SlackInstallationRow): void {
      const { id, ...rest } = row;
      db.insert(slackInstallations).values(row).onConflictDoUpdate({ target: slackInstallations.id, set: rest }).run();
    },
    find(id: string): SlackInstallationRow | undefined {
      return db.select().from(slackInstallations).where(eq(slackInstallations.id, id)).get();
    },
    /** Removes the installation; returns how many rows went (0 when it was not installed). */
    remove(id: string): number {
      return db.delete(slackInstallations).where(eq(slackInstallations.id, id)).run().changes;
    },
  };
}
