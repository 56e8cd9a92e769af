// Upgrading a database whose roadmap was loaded before topics had recall questions: the migration that adds the
// column makes the next content sync load the file again (it skips a file whose hash it has seen), so the questions
// arrive without anyone editing the file.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, expect, it } from 'vitest';
import { syncContent } from '../../src/content/sync.ts';
import { createStore } from '../../src/store/index.ts';
import { openSqlite } from '../../src/store/sqlite/engine.ts';
import { CONTENT_DIR, tempDir } from '../helpers.ts';
import { SQLITE_MIGRATIONS } from './sqlite-migrations.ts';

const temp = tempDir();
afterEach(() => temp.cleanup());

it('reloads every roadmap once after the recall column arrives, and the questions reach the store', async () => {
  // The migrations as they were before the column: the journal cut at the one that adds topics.recall (…_topic_recall).
  const before = join(temp.dir, 'before');
  cpSync(SQLITE_MIGRATIONS, before, { recursive: true });
  const journal = JSON.parse(readFileSync(join(before, 'meta/_journal.json'), 'utf8'));
  const cut = journal.entries.findIndex((e: { tag: string }) => e.tag.endsWith('_topic_recall'));
  expect(cut).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, cut);
  writeFileSync(join(before, 'meta/_journal.json'), JSON.stringify(journal));

  const file = join(temp.dir, 'old.db');
  const old = new Database(file);
  migrate(drizzle(old), { migrationsFolder: before });
  old.prepare("insert into roadmaps (id, title, source_hash, loaded_at) values ('backend', 'B', 'seen-it', 1)").run();
  old.close();

  const db = openSqlite(file);
  await db.migrate(); // to the latest, as the bot does at start
  const store = createStore(db);
  try {
    const hash = await db.transaction((r) => r.get<{ h: string }>('select source_hash as "h" from roadmaps'));
    expect(hash).toEqual({ h: '' });
    const report = await syncContent(CONTENT_DIR, store, Date.now());
    expect(report.failed).toEqual([]);
    const roadmap = await store.transaction((tx) => tx.content.roadmap('backend'));
    expect(roadmap!.topics[0]!.recall.length).toBeGreaterThan(0);
  } finally {
    await store.close();
  }
});
