// The one place tests open a database: the command, scheduler and store suites all come through here, so running them
// on another engine is a branch here (TEST_DIALECT=pglite|postgres, see test/store/engines.ts), not a copy of the
// tests. By default: SQLite, a real file.
import type { Database } from '../../src/store/sql/database.ts';
import { openSqlite, type SqliteDatabase } from '../../src/store/sqlite/engine.ts';
import { type Engine, engineFromEnv } from './engines.ts';

export interface TestDatabase extends Database {
  /** Another Database on the very same data, as a second process or replica would open it. */
  replica(): Promise<Database>;
}

/** A fresh, migrated database on the engine TEST_DIALECT names (or the one given); `file` is where SQLite keeps it (a
 *  temp folder of the caller's). Closing it also drops a server's test database. */
export async function openTestDatabase(file: string, engine: Engine = engineFromEnv()): Promise<TestDatabase> {
  if (engine.name === 'sqlite') {
    const db = await openMigratedSqlite(file);
    return Object.assign(db, { replica: () => openMigratedSqlite(file) });
  }
  const opened = await engine.open();
  const db = opened.db;
  return {
    dialect: db.dialect,
    transaction: (fn, options) => db.transaction(fn, options),
    migrate: () => db.migrate(),
    ready: () => db.ready(),
    ...(db.leaderLock ? { leaderLock: () => db.leaderLock!() } : {}),
    close: () => opened.dispose(),
    async replica() {
      const other = opened.replica();
      if (!other) throw new Error(`${engine.name} keeps its data in this process: it has no second connection`);
      return other;
    },
  };
}

/** SQLite at `file`, opened with the bot's pragmas and migrated: for the tests that are about SQLite itself. */
export async function openMigratedSqlite(file: string): Promise<SqliteDatabase> {
  const database = openSqlite(file);
  await database.migrate();
  return database;
}

/** Whether the suites run on SQLite (TEST_DIALECT unset or sqlite). The few tests that are about SQLite itself (a
 *  second process on the same file, a synchronous read of its connection from inside a fake's request handler) run
 *  only then: `it.skipIf(!onSqlite())`, so the PostgreSQL leg reports them as skipped, by name. */
export function onSqlite(): boolean {
  return engineFromEnv().name === 'sqlite';
}
