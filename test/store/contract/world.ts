// What every contract test starts from: a fresh migrated database on one engine, the store over it, the repository's
// content loaded by the real sync, and helpers to make people. The tests assert the same literal results on every
// engine, so "the same on SQLite, PGlite and PostgreSQL" is each engine agreeing with one written expectation.
import type { Roadmap } from '../../../src/content/roadmap.ts';
import { syncContent } from '../../../src/content/sync.ts';
import { createStore } from '../../../src/store/index.ts';
import type { MemberRow, RoadmapView, Store, Tx, WorkspaceRow } from '../../../src/store/port.ts';
import { tableNames } from '../../../src/store/sql/fragments.ts';
import { CONTENT_DIR } from '../../helpers.ts';
import type { Engine, OpenedEngine } from '../engines.ts';
import { rawSql } from '../raw-sql.ts';

export const NOW = Date.parse('2026-11-26T09:00:00Z');
export const DAY = 86_400_000;

export interface World {
  opened: OpenedEngine;
  store: Store;
  /** Raw SQL in the dialect both engines share, each call its own transaction: for reading under the port. */
  sql: ReturnType<typeof rawSql>;
  /** The backend roadmap as loaded from content/. */
  roadmap: RoadmapView;
  /** Shorthand for one transaction. */
  tx<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Row count of every table, by name. */
  rowCounts(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

export async function openWorld(engine: Engine): Promise<World> {
  const opened = await engine.open();
  const store = createStore(opened.db);
  const report = await syncContent(CONTENT_DIR, store, NOW);
  if (report.failed.length) throw new Error(`content did not load: ${report.failed[0]!.message}`);
  const roadmap = (await store.transaction((tx) => tx.content.roadmap('backend')))!;
  const sql = rawSql(opened.db);
  return {
    opened,
    store,
    sql,
    roadmap,
    tx: (fn) => store.transaction(fn),
    async rowCounts() {
      const names = await sql.values<string>(tableNames(opened.db.dialect));
      const counts: Record<string, number> = {};
      for (const name of names) counts[name] = (await sql.value<number>(`select count(*) as "n" from "${name}"`))!;
      return counts;
    },
    close: () => opened.dispose(),
  };
}

export interface Person {
  workspace: WorkspaceRow;
  member: MemberRow;
  identityId: number;
}

/** A member reaching the bot from `platform`/`workspace` as `userId`, created on first contact as the core does. */
export async function person(
  tx: Tx,
  userId: string,
  opts: { platform?: string; workspace?: string; name?: string; now?: number } = {},
): Promise<Person> {
  const now = opts.now ?? NOW;
  const workspace = await tx.workspaces.ensure({
    platform: opts.platform ?? 'terminal',
    externalId: opts.workspace ?? 'local',
    roadmapId: 'backend',
    now,
  });
  const member = await tx.members.resolve({
    workspaceId: workspace.id,
    platformUserId: userId,
    displayName: opts.name ?? userId,
    now,
  });
  const identityId = (await tx.links.identity(workspace.id, userId))!.id;
  return { workspace, member, identityId };
}

/** The ids of the roadmap's topics outside its pick-one section (every member studies them), in roadmap order. */
export function sharedTopics(world: World): number[] {
  return world.roadmap.topics.filter((t) => !t.pickOne).map((t) => t.id);
}

/** A small roadmap of our own, for content tests that change it. */
export function tinyRoadmap(topics: string[]): Roadmap {
  return {
    id: 'tiny',
    title: 'Tiny',
    sections: [
      {
        slug: 'only',
        title: 'Only',
        pickOne: false,
        groups: [
          {
            slug: 'g',
            title: 'G',
            topics: topics.map((slug) => ({
              path: `tiny/only/${slug}`,
              slug,
              title: slug.toUpperCase(),
              summary: `About ${slug}`,
              resources: [{ type: 'article' as const, title: `Read ${slug}`, url: `https://example.org/${slug}` }],
              recall: [],
              line: 1,
            })),
          },
        ],
      },
    ],
  };
}
