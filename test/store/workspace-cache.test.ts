// The workspace rows a process keeps across transactions (src/store/queries/workspaces.ts, docs/decisions/026): read
// again when another connection has committed, never holding what a rolled-back transaction wrote, and seeing this
// process's own changes at once. Real SQLite files; the other connection is a second process's, as a CLI or a replica
// would open it.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../src/store/index.ts';
import type { SqliteDatabase } from '../../src/store/sqlite/engine.ts';
import { tempDir } from '../helpers.ts';
import { openMigratedSqlite } from './open-test-database.ts';

let tmp: ReturnType<typeof tempDir>;
let db: SqliteDatabase;
let store: Store;
beforeEach(async () => {
  tmp = tempDir();
  db = await openMigratedSqlite(join(tmp.dir, 'cache.db'));
  store = createStore(db);
});
afterEach(async () => {
  await store.close();
  tmp.cleanup();
});

const ensure = (s: Store) =>
  s.transaction((tx) => tx.workspaces.ensure({ platform: 'slack', externalId: 'T1', roadmapId: 'backend', now: 1 }));
const find = (s: Store) => s.transaction((tx) => tx.workspaces.find('slack', 'T1'));

describe('the workspace cache', () => {
  it('serves the row it read while no other connection commits', async () => {
    const { timeZone } = await ensure(store);
    expect((await find(store))?.timeZone).toBe(timeZone);
    // A write on this very connection that bypasses the store moves no change version: the kept row is served.
    db.sqlite.prepare("update workspaces set time_zone = 'Asia/Tokyo'").run();
    expect((await find(store))?.timeZone).toBe(timeZone);
  });

  it('reads the row again once another connection has committed', async () => {
    const { id, timeZone } = await ensure(store);
    expect((await find(store))?.timeZone).toBe(timeZone);
    const other = createStore(await openMigratedSqlite(join(tmp.dir, 'cache.db')));
    try {
      await other.transaction((tx) => tx.workspaces.update(id, { timeZone: 'Europe/Paris' }));
    } finally {
      await other.close();
    }
    expect((await find(store))?.timeZone).toBe('Europe/Paris');
  });

  it('sees its own process change a setting at once', async () => {
    const { id } = await ensure(store);
    await find(store);
    await store.transaction((tx) => tx.workspaces.update(id, { roadmapId: 'frontend', leaderboardEnabled: false }));
    const row = await find(store);
    expect(row?.roadmapId).toBe('frontend');
    expect(row?.leaderboardEnabled).toBe(false);
  });

  it('keeps nothing a rolled-back transaction wrote', async () => {
    const failed = store.transaction(async (tx) => {
      await tx.workspaces.ensure({ platform: 'slack', externalId: 'T1', roadmapId: 'backend', now: 1 });
      expect(await tx.workspaces.find('slack', 'T1')).toBeDefined(); // seen inside the transaction
      throw new Error('the command failed');
    });
    await expect(failed).rejects.toThrow('the command failed');
    expect(await find(store)).toBeUndefined();
    const { id } = await ensure(store);
    expect((await find(store))?.id).toBe(id);
  });

  it('hands out rows no caller can change for the others', async () => {
    await ensure(store);
    const row = await find(store);
    expect(() => {
      (row as { timeZone: string | null }).timeZone = 'UTC';
    }).toThrow(TypeError);
  });
});
