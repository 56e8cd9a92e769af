// Opens the SQLite file with the pragmas the bot relies on and applies pending migrations.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.ts';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const MIGRATIONS = fileURLToPath(new URL('../../migrations', import.meta.url));

/** Whether every migration in migrations/ has been applied to this database (for /readyz). */
export function migrationsApplied(db: Db): boolean {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  const applied = db.$client.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number };
  return applied.n >= journal.entries.length;
}

/** Opens (creating it and its folder if need be) and migrates the database. Throws the driver's own errors: the
 *  command line turns them into a clear line (src/setup-error.ts), since only it knows which setting named the file. */
export function openDb(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  try {
    sqlite.pragma('journal_mode = WAL'); // readers never wait for the writer; the first read: a foreign file fails here
    sqlite.pragma('synchronous = NORMAL'); // durable across process crashes in WAL mode
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000'); // a second process on the same file waits instead of failing
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder: MIGRATIONS });
    return db;
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
