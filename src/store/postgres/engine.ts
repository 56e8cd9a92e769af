// The store's Database over a PostgreSQL server (node-postgres), pooled: each transaction takes a client of its own,
// so replicas and concurrent commands run side by side; rows are locked by the statements (FOR UPDATE SKIP LOCKED).
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Database, Runner } from '../sql/database.ts';
import { connectionProblem } from './connection-problem.ts';
import { leaderLockOn } from './leader-lock.ts';
import { allMigrationsApplied, POSTGRES_MIGRATIONS } from './migrations.ts';
import { numberParsers, postgresDialect, runnerOver } from './statements.ts';

export interface PostgresOptions {
  poolSize?: number;
  /** An idle pooled connection broke (the server restarted, say): the pool drops it and opens another when needed. */
  onIdleError?: (error: Error) => void;
}

// One key for every replica of the bot: whoever holds it migrates; the others wait, then find nothing left to do.
const MIGRATION_LOCK = 0x526d436f; // "RmCo"

/** Per pool, not pg.types: another pg user in the process keeps its own parsing. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    numberParsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** Opens a pool on `url` (postgres://…); nothing connects until the first use. Errors reaching the server are
 *  SetupErrors naming its host and port (connection-problem.ts). */
export function openPostgres(url: string, options: PostgresOptions = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 10_000,
    types,
  });
  pool.on('error', (error) => options.onIdleError?.(error));

  const connect = async () => {
    try {
      return await pool.connect();
    } catch (error) {
      throw connectionProblem(error, url) ?? error;
    }
  };

  return {
    dialect: postgresDialect,

    async transaction<T>(fn: (runner: Runner) => Promise<T>): Promise<T> {
      const client = await connect();
      const { runner, end } = runnerOver(async (statement, values) => {
        const result = await client.query({
          text: statement.text,
          values,
          ...(statement.name ? { name: statement.name } : {}),
        });
        return { rows: result.rows, changes: result.rowCount ?? 0 };
      });
      let broken: Error | undefined;
      try {
        await client.query('begin');
        const result = await fn(runner);
        await client.query('commit');
        return result;
      } catch (error) {
        try {
          await client.query('rollback');
        } catch (rollbackError) {
          broken = rollbackError as Error; // the connection is gone: the pool must not hand it out again
        }
        throw error;
      } finally {
        end();
        client.release(broken);
      }
    },

    async migrate(): Promise<void> {
      const client = await connect();
      try {
        // Session-level, on this connection: two replicas starting together take turns, and the second finds every
        // migration recorded. drizzle runs the pending ones in one transaction on the same connection.
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
        try {
          await migrate(drizzle({ client }), { migrationsFolder: POSTGRES_MIGRATIONS });
        } finally {
          await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
        }
      } finally {
        client.release();
      }
    },

    async ready(): Promise<boolean> {
      try {
        const client = await pool.connect();
        try {
          await client.query('select 1');
          return await allMigrationsApplied(async (sql) => (await client.query(sql)).rows);
        } finally {
          client.release();
        }
      } catch {
        return false;
      }
    },

    leaderLock: () => leaderLockOn(url),

    close: () => pool.end(),
  };
}
