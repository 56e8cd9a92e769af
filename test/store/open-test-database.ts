// The one place tests open a database: the command, scheduler and store suites all come through here, so running them
// on another engine is a branch here (TEST_DIALECT), not a copy of the tests. Today: SQLite, a real file.
import type { Database } from '../../src/store/sql/database.ts';
import { openSqlite, type SqliteDatabase } from '../../src/store/sqlite/engine.ts';

/** A fresh, migrated database; `file` is where SQLite keeps it (a temp folder of the caller's). */
export async function openTestDatabase(file: string): Promise<Database> {
  return openMigratedSqlite(file);
}

/** SQLite at `file`, opened with the bot's pragmas and migrated: for the tests that are about SQLite itself. */
export async function openMigratedSqlite(file: string): Promise<SqliteDatabase> {
  const database = openSqlite(file);
  await database.migrate();
  return database;
}
