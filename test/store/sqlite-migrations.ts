// SQLite's migrations folder, wherever it lives: migrations/sqlite once the dialects each have their own folder,
// migrations/ before. Tests that compare SQLite with PostgreSQL open SQLite straight from it (better-sqlite3 and
// drizzle's migrator), so they need no store code of either branch.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';

const ROOT = new URL('../..', import.meta.url).pathname;

export const SQLITE_MIGRATIONS = existsSync(join(ROOT, 'migrations/sqlite/meta/_journal.json'))
  ? join(ROOT, 'migrations/sqlite')
  : join(ROOT, 'migrations');

/** A SQLite file at `file` with every migration applied and foreign keys on, as the bot opens it. */
export function migratedSqlite(file: string): Database.Database {
  const sqlite = new Database(file);
  sqlite.pragma('foreign_keys = ON');
  migrate(drizzle(sqlite), { migrationsFolder: SQLITE_MIGRATIONS });
  return sqlite;
}
