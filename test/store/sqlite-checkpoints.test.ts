// WAL checkpoints in a worker thread (docs/decisions/024): the bot's connection stops checkpointing inside its commits
// once the scheduler writes, a worker copies the WAL into the database file instead, and close() leaves no WAL file.
// Real files, real SQLite, a real worker thread.
import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCheckpointer } from '../../src/store/sqlite/checkpointer.ts';
import { openSqlite } from '../../src/store/sqlite/engine.ts';
import { tempDir } from '../helpers.ts';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

const autocheckpoint = (sqlite: BetterSqlite3.Database) => sqlite.pragma('wal_autocheckpoint', { simple: true });

/** The WAL header's checkpoint sequence: one more each time the log starts over (sqlite.org/fileformat.html). */
function walSequence(wal: string): number {
  const header = Buffer.alloc(16);
  const fd = openSync(wal, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return header.readUInt32BE(12);
}

async function until(done: () => boolean, ms = 5000): Promise<void> {
  for (const end = Date.now() + ms; !done(); await new Promise((r) => setTimeout(r, 20)))
    if (Date.now() > end) throw new Error('timed out');
}

describe('WAL checkpoints in a worker thread', () => {
  it('start at the first immediate transaction, and the worker copies the WAL into the database file', async () => {
    const file = join(tmp.dir, 'bot.db');
    const db = openSqlite(file, { checkpointsInThread: true });
    db.sqlite.exec('create table scratch (x blob)');
    await db.transaction(async (r) => r.run('insert into scratch values (1)')); // a command's: not yet
    expect(autocheckpoint(db.sqlite)).toBe(1000);

    const before = statSync(file).size;
    await db.transaction(
      async (r) => {
        for (let i = 0; i < 2000; i++) await r.run('insert into scratch values (randomblob(1000))');
      },
      { immediate: true },
    );
    expect(autocheckpoint(db.sqlite)).toBe(0); // the commit copied nothing: the worker does
    await until(() => statSync(file).size > before + 1_000_000);
    await db.close();
    expect(existsSync(`${file}-wal`)).toBe(false); // the worker's connection closed first: the bot's removed the WAL
  });

  it('keep the WAL bounded while the bot writes without a pause, and fail none of its transactions', async () => {
    const file = join(tmp.dir, 'busy.db');
    const db = openSqlite(file);
    db.checkpointInThread({ everyMs: 20, restartPages: 256 }); // a restart past ~1 MB of WAL
    db.sqlite.exec('create table scratch (k integer primary key, x blob)');
    const empty = statSync(file).size;
    await db.transaction(async () => {}, { immediate: true }); // the worker starts
    // Its first pass, which copies the table into the file: the worker takes 0.1-0.5 s to start, and the WAL grows
    // unchecked until then (up to a quarter of the loop's writes on a loaded machine), which is not what this measures.
    await until(() => statSync(file).size > empty);
    // Back to back, never returning to the event loop between transactions; each deferred, as a command's: it reads,
    // then writes (beside a RESTART holding the write lock, that write would fail with SQLITE_BUSY).
    const row = 5000; // bytes of blob: two pages a row in the WAL
    let written = 0;
    for (let k = 0, end = Date.now() + 1500; Date.now() < end; k++) {
      await db.transaction(async (r) => {
        await r.get('select count(*) from scratch where k = @k', { k });
        await r.run('insert into scratch values (@k, randomblob(@row))', { k, row });
      });
      written += row;
    }
    const wal = statSync(`${file}-wal`).size; // never shrinks below its largest here (journal_size_limit is far above)
    const startedOver = walSequence(`${file}-wal`);
    await db.close();
    expect(written).toBeGreaterThan(10_000_000);
    // With PASSIVE passes alone, the WAL never starts over and holds everything written. Here it starts over every
    // 20-60 ms; its largest stretch was 10-25% of the writes with the machine's two cores loaded threefold.
    expect(startedOver).toBeGreaterThanOrEqual(5);
    expect(wal).toBeLessThan(written / 2);
  });

  it('are not moved for a database opened without asking (tests, tools)', async () => {
    const db = openSqlite(join(tmp.dir, 'tool.db'));
    await db.transaction(async (r) => r.get('select 1'), { immediate: true });
    expect(autocheckpoint(db.sqlite)).toBe(1000);
    await db.close();
  });

  it('go back to the connection when the worker fails', async () => {
    const file = join(tmp.dir, 'gone.db');
    const sqlite = new BetterSqlite3(file);
    sqlite.pragma('journal_mode = WAL');
    const checkpointer = startCheckpointer(sqlite);
    rmSync(file); // the worker, still starting, finds no file to open (the connection keeps its own handle)
    expect(autocheckpoint(sqlite)).toBe(0);
    await until(() => autocheckpoint(sqlite) === 1000);
    await checkpointer.stop();
    sqlite.close();
  });
});
