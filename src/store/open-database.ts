// Which engine the configuration selects: PostgreSQL when DATABASE_URL is set (a pool of DATABASE_POOL_SIZE
// connections), else the SQLite file at DATABASE_PATH. The composition root opens the database through this alone.
import type { Config } from '../config.ts';
import type { PostgresOptions } from './postgres/engine.ts';
import type { Database } from './sql/database.ts';
import { openSqlite } from './sqlite/engine.ts';

type DatabaseConfig = Pick<Config, 'DATABASE_PATH' | 'DATABASE_URL' | 'DATABASE_POOL_SIZE'>;

/** The Database the configuration names; not migrated yet (call migrate()). Nothing connects before first use.
 *  PostgreSQL's engine (and node-postgres) is imported only when DATABASE_URL names it: a SQLite bot never loads it. */
export async function openDatabaseFor(
  config: DatabaseConfig,
  options: Pick<PostgresOptions, 'onIdleError'> = {},
): Promise<Database> {
  if (config.DATABASE_URL) {
    const { openPostgres } = await import('./postgres/engine.ts');
    return openPostgres(config.DATABASE_URL, { ...options, poolSize: config.DATABASE_POOL_SIZE });
  }
  return openSqlite(config.DATABASE_PATH, { checkpointsInThread: true }); // the bot's connection: long-lived, writing
}

/** Where the database is, for messages and logs: the file, or PostgreSQL's host, port and database (no password). */
export function describeDatabase(config: DatabaseConfig): string {
  if (!config.DATABASE_URL) return config.DATABASE_PATH;
  const url = new URL(config.DATABASE_URL);
  return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
