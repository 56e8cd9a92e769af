// WAL checkpoints in a worker thread (src/store/sqlite/checkpoints.ts, docs/decisions/026): the bot's own connection
// never checkpoints inside a commit, the worker moves the WAL's pages into the database file, and closing leaves no
// WAL behind. Real files, real SQLite, a real worker thread.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/store/sqlite/engine.ts';
import { tempDir } from '../helpers.ts';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

/** About 12 MB in one transaction: three times SQLite's own checkpoint threshold (1,000 pages of 4 KiB). */
const WRITE_12_MB = `with recursive seq(n) as (select 1 union all select n + 1 from seq where n < 3000)
  insert into filler (bytes) select randomblob(4000) from seq`;

async function until(probe: () => boolean, ms = 10_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

describe('SQLite checkpoints apart', () => {
  it('commits without checkpointing, and the worker moves the pages into the database file', async () => {
    const file = join(tmp.dir, 'bot.db');
    const db = openSqlite(file);
    try {
      db.sqlite.exec('create table filler (bytes blob)');
      expect(await db.checkpointApart(50)).toBeDefined();
      expect(db.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      const before = statSync(file).size;
      await db.transaction(async (r) => r.run(WRITE_12_MB));
      // The commit returned with its pages in the WAL only: none of them was copied while the command waited (a tick
      // of the worker may have copied what was committed before).
      expect(statSync(file).size).toBeLessThan(before + 1_000_000);
      expect(statSync(`${file}-wal`).size).toBeGreaterThan(12_000_000);
      expect(await until(() => statSync(file).size > before + 12_000_000)).toBe(true);
    } finally {
      await db.close();
    }
    expect(existsSync(`${file}-wal`)).toBe(false); // the worker closed first; the last connection removed the WAL
  });

  it('does not start for a connection that closes within its first second', async () => {
    const file = join(tmp.dir, 'short.db');
    const db = openSqlite(file);
    db.sqlite.exec('create table filler (bytes blob)');
    await db.transaction(async (r) => r.run(WRITE_12_MB));
    // SQLite checkpointed inside that commit, as it does by default: the pages are in the file already.
    expect(statSync(file).size).toBeGreaterThan(12_000_000);
    expect(db.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await db.close();
  });
});
