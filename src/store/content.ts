// Roadmaps and their topics as the core reads them; the content sync writes them.
import { createHash } from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Roadmap } from '../content/roadmap.ts';
import type { Db } from './db.ts';
import { roadmaps, topics } from './schema.ts';

export type TopicRow = typeof topics.$inferSelect;

export interface RoadmapView {
  id: string;
  title: string;
  topics: TopicRow[]; // live topics in roadmap order
}

export function createContentStore(db: Db) {
  // Topics change only when content is loaded, which bumps roadmaps.loaded_at: cache by that stamp, so a load by
  // another process on the same file is seen on the next command. The stamp is read again only when SQLite's
  // data_version says another connection has committed since the entry was checked; this connection's own loads
  // (save below) drop the entry themselves. That spares a query on every command.
  const cache = new Map<string, { loadedAt: number; checkedAt: number; view: RoadmapView }>();
  const stamp = db
    .select({ title: roadmaps.title, loadedAt: roadmaps.loadedAt })
    .from(roadmaps)
    .where(eq(roadmaps.id, sql.placeholder('id')))
    .prepare();
  const dataVersion = db.$client.prepare('pragma data_version').pluck();

  return {
    roadmap(id: string): RoadmapView | undefined {
      const version = dataVersion.get() as number;
      const hit = cache.get(id);
      if (hit?.checkedAt === version) return hit.view;
      const row = stamp.get({ id });
      if (!row) return undefined;
      if (hit && hit.loadedAt === row.loadedAt) {
        hit.checkedAt = version;
        return hit.view;
      }
      const rows = db
        .select()
        .from(topics)
        .where(and(eq(topics.roadmapId, id), isNull(topics.retiredAt)))
        .orderBy(asc(topics.position))
        .all();
      const view = { id, title: row.title, topics: rows };
      cache.set(id, { loadedAt: row.loadedAt, checkedAt: version, view });
      return view;
    },
    roadmapIds(): string[] {
      return db
        .select({ id: roadmaps.id })
        .from(roadmaps)
        .orderBy(asc(roadmaps.id))
        .all()
        .map((r) => r.id);
    },
    /** Writes a parsed roadmap in one transaction; topics no longer in it are retired, never deleted. */
    save(roadmap: Roadmap, source: string, now: number): SaveResult {
      const sourceHash = createHash('sha256').update(source).digest('hex');
      cache.delete(roadmap.id);
      return db.$client.transaction(() => {
        const previous = db.select().from(roadmaps).where(eq(roadmaps.id, roadmap.id)).get();
        if (previous?.sourceHash === sourceHash)
          return { added: 0, updated: 0, restored: 0, retired: 0, unchanged: true };
        // loaded_at is the cache stamp: it must move even when two loads land in the same millisecond.
        const loadedAt = Math.max(now, (previous?.loadedAt ?? 0) + 1);
        db.insert(roadmaps)
          .values({ id: roadmap.id, title: roadmap.title, sourceHash, loadedAt })
          .onConflictDoUpdate({ target: roadmaps.id, set: { title: roadmap.title, sourceHash, loadedAt } })
          .run();
        const existing = new Map(
          db
            .select({ id: topics.id, path: topics.path, retiredAt: topics.retiredAt })
            .from(topics)
            .where(eq(topics.roadmapId, roadmap.id))
            .all()
            .map((t) => [t.path, t]),
        );
        const result: SaveResult = { added: 0, updated: 0, restored: 0, retired: 0, unchanged: false };
        let position = 0;
        for (const section of roadmap.sections) {
          for (const group of section.groups) {
            for (const topic of group.topics) {
              const values = {
                roadmapId: roadmap.id,
                path: topic.path,
                position: position++,
                sectionSlug: section.slug,
                sectionTitle: section.title,
                pickOne: section.pickOne,
                groupSlug: group.slug,
                groupTitle: group.title,
                slug: topic.slug,
                title: topic.title,
                summary: topic.summary,
                resources: topic.resources,
                retiredAt: null,
              };
              const row = existing.get(topic.path);
              if (row === undefined) {
                db.insert(topics).values(values).run();
                result.added++;
              } else {
                db.update(topics).set(values).where(eq(topics.id, row.id)).run();
                existing.delete(topic.path);
                // A retired topic back in the file comes back with its members' progress: restored, not just updated.
                if (row.retiredAt === null) result.updated++;
                else result.restored++;
              }
            }
          }
        }
        for (const { id } of existing.values()) {
          const retired = db
            .update(topics)
            .set({ retiredAt: now })
            .where(and(eq(topics.id, id), isNull(topics.retiredAt)))
            .run();
          result.retired += retired.changes;
        }
        return result;
      })();
    },
  };
}

export interface SaveResult {
  added: number;
  updated: number;
  restored: number; // retired topics that are back in the file
  retired: number;
  unchanged: boolean;
}
