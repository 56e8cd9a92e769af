// The store's Database over PGlite: PostgreSQL compiled to WebAssembly, in this process. The same SQL and migrations
// as the server engine (src/store/postgres), so a machine without a PostgreSQL server still runs them: the tests'
// always-on PostgreSQL leg. One connection: transactions take turns, as on SQLite.
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { allMigrationsApplied, POSTGRES_MIGRATIONS } from '../postgres/migrations.ts';
import { numberParsers, postgresDialect, runnerOver } from '../postgres/statements.ts';
import type { Database, Runner } from '../sql/database.ts';

/** Opens PGlite in memory, or on disk in `dataDir` (a folder). */
export function openPglite(dataDir?: string): Database {
  // Options as one object: PGlite drops the second argument when the first (the folder) is undefined.
  const pglite = new PGlite({ ...(dataDir ? { dataDir } : {}), parsers: numberParsers });
  // drizzle's migrator reads what is applied before its transaction: two calls at once would both apply everything.
  let migrating = Promise.resolve();
  return {
    dialect: postgresDialect,

    transaction<T>(fn: (runner: Runner) => Promise<T>): Promise<T> {
      // PGlite begins, commits, and on a throw rolls back and rethrows.
      return pglite.transaction(async (tx) => {
        const { runner, end } = runnerOver(async (statement, values) => {
          const result = await tx.query(statement.text, values);
          return { rows: result.rows, changes: result.affectedRows ?? 0 };
        });
        try {
          return await fn(runner);
        } finally {
          end();
        }
      });
    },

    migrate(): Promise<void> {
      const run = migrating.then(() => migrate(drizzle({ client: pglite }), { migrationsFolder: POSTGRES_MIGRATIONS }));
      migrating = run.catch(() => undefined);
      return run;
    },

    async ready(): Promise<boolean> {
      try {
        await pglite.query('select 1');
        return await allMigrationsApplied(async (sql) => (await pglite.query<Record<string, unknown>>(sql)).rows);
      } catch {
        return false;
      }
    },

    close: () => pglite.close(),
  };
}
