// Roadmaps and their topics as the core reads them; the content sync writes them.
import { createHash } from 'node:crypto';
import type { Roadmap } from '../../content/roadmap.ts';
import type { ContentQueries, RoadmapView, SaveResult, TopicRow } from '../port.ts';
import type { Runner } from '../sql/database.ts';
import type { ChangeVersion } from './change-version.ts';
import { topicColumns, toTopic } from './columns.ts';

const STAMP = 'select title as "title", loaded_at as "loadedAt" from roadmaps where id = @id';
const LIVE_TOPICS = `select ${topicColumns()} from topics where roadmap_id = @id and retired_at is null order by position`;
const IDS = 'select id as "id" from roadmaps order by id';
const PREVIOUS = 'select source_hash as "sourceHash", loaded_at as "loadedAt" from roadmaps where id = @id';
const UPSERT_ROADMAP = `insert into roadmaps (id, title, source_hash, loaded_at) values (@id, @title, @sourceHash, @loadedAt)
  on conflict (id) do update set title = excluded.title, source_hash = excluded.source_hash,
    loaded_at = excluded.loaded_at`;
const EXISTING = 'select id as "id", path as "path", retired_at as "retiredAt" from topics where roadmap_id = @id';
const INSERT_TOPIC = `insert into topics (roadmap_id, path, position, section_slug, section_title, pick_one, group_slug,
    group_title, slug, title, summary, resources, recall, retired_at)
  values (@roadmapId, @path, @position, @sectionSlug, @sectionTitle, @pickOne, @groupSlug, @groupTitle, @slug, @title,
    @summary, @resources, @recall, null)`;
const UPDATE_TOPIC = `update topics set roadmap_id = @roadmapId, path = @path, position = @position,
    section_slug = @sectionSlug, section_title = @sectionTitle, pick_one = @pickOne, group_slug = @groupSlug,
    group_title = @groupTitle, slug = @slug, title = @title, summary = @summary, resources = @resources,
    recall = @recall, retired_at = null
  where id = @id`;
const RETIRE = 'update topics set retired_at = @now where id = @id and retired_at is null';

/** Topics change only when content is loaded, which bumps roadmaps.loaded_at: views are cached by that stamp, shared by
 *  every transaction of the process, so a load by another process is seen on the next command. */
export interface ContentCache {
  entries: Map<string, { loadedAt: number; checkedAt: number | undefined; view: RoadmapView }>;
}

export const createContentCache = (): ContentCache => ({ entries: new Map() });

export function contentQueries(r: Runner, cache: ContentCache, changeVersion: ChangeVersion): ContentQueries {
  // The stamp is read again only when the engine's change version says another connection has committed since the
  // entry was checked (SQLite's data_version); this process's own loads (save below) drop the entry themselves. That
  // spares a query on every command. An engine without a counter reads the stamp every time.
  return {
    async roadmap(id) {
      const version = await changeVersion();
      const hit = cache.entries.get(id);
      if (hit && version !== undefined && hit.checkedAt === version) return hit.view;
      const row = await r.get<{ title: string; loadedAt: number }>(STAMP, { id });
      if (!row) return undefined;
      if (hit && hit.loadedAt === row.loadedAt) {
        hit.checkedAt = version;
        return hit.view;
      }
      const topics = (await r.all<TopicRow>(LIVE_TOPICS, { id })).map(toTopic);
      const view = { id, title: row.title, topics };
      cache.entries.set(id, { loadedAt: row.loadedAt, checkedAt: version, view });
      return view;
    },
    async roadmapIds() {
      return (await r.all<{ id: string }>(IDS)).map((x) => x.id);
    },
    async save(roadmap: Roadmap, source: string, now: number): Promise<SaveResult> {
      const sourceHash = createHash('sha256').update(source).digest('hex');
      cache.entries.delete(roadmap.id);
      const previous = await r.get<{ sourceHash: string; loadedAt: number }>(PREVIOUS, { id: roadmap.id });
      if (previous?.sourceHash === sourceHash)
        return { added: 0, updated: 0, restored: 0, retired: 0, unchanged: true };
      // loaded_at is the cache stamp: it must move even when two loads land in the same millisecond.
      const loadedAt = Math.max(now, (previous?.loadedAt ?? 0) + 1);
      await r.run(UPSERT_ROADMAP, { id: roadmap.id, title: roadmap.title, sourceHash, loadedAt });
      const rows = await r.all<{ id: number; path: string; retiredAt: number | null }>(EXISTING, { id: roadmap.id });
      const existing = new Map(rows.map((t) => [t.path, t]));
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
              resources: JSON.stringify(topic.resources),
              recall: JSON.stringify(topic.recall),
            };
            const row = existing.get(topic.path);
            if (row === undefined) {
              await r.run(INSERT_TOPIC, values);
              result.added++;
            } else {
              await r.run(UPDATE_TOPIC, { ...values, id: row.id });
              existing.delete(topic.path);
              // A retired topic back in the file comes back with its members' progress: restored, not just updated.
              if (row.retiredAt === null) result.updated++;
              else result.restored++;
            }
          }
        }
      }
      for (const { id } of existing.values()) result.retired += (await r.run(RETIRE, { id, now })).changes;
      return result;
    },
  };
}
