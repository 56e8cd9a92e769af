// SQLite's planner statistics (docs/decisions/020): PRAGMA optimize when the bot opens its database, periodically, and
// at close, so the planner knows the tables' sizes (production never ran ANALYZE before). Real files, real SQLite.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/store/sqlite/engine.ts';
import { tempDir } from '../helpers.ts';
import { migratedSqlite } from './sqlite-migrations.ts';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

/** 200 members with 100 progress events each: enough rows for SQLite to find the table worth analysing. */
const EVENTS = `
  insert into roadmaps (id, title, source_hash, loaded_at) values ('r', 'R', '', 0);
  insert into topics (roadmap_id, path, position, section_slug, section_title, slug, title, summary, resources)
    values ('r', 'r/s/a', 0, 's', 'S', 'a', 'A', '', '[]');
  with recursive seq(n) as (select 1 union all select n + 1 from seq where n < 200)
  insert into members (id, display_name, created_at) select n, 'M' || n, 0 from seq;
  with recursive seq(n) as (select 0 union all select n + 1 from seq where n < 19999)
  insert into progress_events (member_id, topic_id, from_state, to_state, at)
    select n % 200 + 1, (select id from topics), null, 'done', n * 1000 from seq;`;

/** The tables sqlite_stat1 holds statistics for, read on a connection of its own. */
function analysed(file: string): string[] {
  const sqlite = new Database(file, { readonly: true });
  try {
    const hasStats = sqlite.prepare("select 1 from sqlite_master where name = 'sqlite_stat1'").get();
    if (!hasStats) return [];
    return (sqlite.prepare('select distinct tbl from sqlite_stat1 order by tbl').all() as { tbl: string }[]).map(
      (r) => r.tbl,
    );
  } finally {
    sqlite.close();
  }
}

describe('SQLite statistics', () => {
  it('a database that never had statistics gets them when the bot opens it', async () => {
    const file = join(tmp.dir, 'old.db');
    const old = migratedSqlite(file); // as a bot before this change left it: rows, never analysed
    old.exec(EVENTS);
    old.close();
    expect(analysed(file)).not.toContain('progress_events');

    const db = openSqlite(file);
    await db.migrate();
    expect(analysed(file)).toContain('progress_events');
    await db.close();
  });

  it('a long-lived connection refreshes them in optimize(), which the hourly timer runs, and at close', async () => {
    for (const stop of ['optimize', 'close'] as const) {
      const file = join(tmp.dir, `${stop}.db`);
      const db = openSqlite(file);
      await db.migrate(); // empty tables: nothing worth analysing yet
      expect(analysed(file)).not.toContain('progress_events');
      await db.transaction(async (r) => {
        db.sqlite.exec(EVENTS);
        await r.get('select count(*) from progress_events where member_id = 7'); // the planner looked at the table
      });
      await (stop === 'optimize' ? db.optimize() : db.close());
      expect(analysed(file), stop).toContain('progress_events');
      await db.close();
    }
  });
});
