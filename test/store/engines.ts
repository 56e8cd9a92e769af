// The database engines the shared store tests run on. PGlite always (PostgreSQL in this process, nothing to install);
// a real PostgreSQL server when TEST_DATABASE_URL names one (CI's .ci/run sets it), each open() on a database of its
// own, created for it and dropped after, so test files running in parallel never meet. Without TEST_DATABASE_URL the
// server leg is left out, and test/postgres-leg.ts says so once per run.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPglite } from '../../src/store/pglite/engine.ts';
import { openPostgres } from '../../src/store/postgres/engine.ts';
import type { Database } from '../../src/store/sql/database.ts';
import { openSqlite } from '../../src/store/sqlite/engine.ts';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

export interface OpenedEngine {
  db: Database;
  /** The server database's URL (postgres only), for a process of the bot to open. */
  url?: string;
  /** Another Database on the very same data, as a second replica would open it; undefined where there can be only
   *  one (PGlite lives in this process, one instance per data folder). */
  replica(): Database | undefined;
  /** Closes everything opened here and drops the database. */
  dispose(): Promise<void>;
}

export interface Engine {
  name: 'sqlite' | 'pglite' | 'postgres';
  /** Whether transactions run side by side (a pool of connections) rather than taking turns on one connection. */
  concurrent: boolean;
  /** A fresh, empty database: migrated unless told not to. */
  open(options?: { migrate?: boolean }): Promise<OpenedEngine>;
}

const pglite: Engine = {
  name: 'pglite',
  concurrent: false,
  async open({ migrate = true } = {}) {
    const db = openPglite();
    if (migrate) await db.migrate();
    return { db, replica: () => undefined, dispose: () => db.close() };
  },
};

/** A URL like `base` naming another database on the same server. */
function withDatabase(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs one administrative statement on the database TEST_DATABASE_URL names (create/drop database). */
async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A PostgreSQL server's engine: each open() a database of its own on the server `base` names. */
export const postgresServer = (base: string): Engine => ({
  name: 'postgres',
  concurrent: true,
  async open({ migrate = true } = {}) {
    // Named after the database TEST_DATABASE_URL names, so whoever made that one (.ci/run) can drop what a crashed
    // run left behind by prefix.
    const prefix = new URL(base).pathname.slice(1) || 'postgres';
    const name = `${prefix.slice(0, 30)}_t${process.pid}_${randomBytes(4).toString('hex')}`;
    await admin(`create database "${name}"`);
    const url = withDatabase(base, name);
    const opened: Database[] = [];
    const open = () => {
      const db = openPostgres(url, { poolSize: 4 });
      opened.push(db);
      return db;
    };
    const db = open();
    if (migrate) await db.migrate();
    return {
      db,
      url,
      replica: open,
      async dispose() {
        await Promise.all(opened.map((d) => d.close().catch(() => {}))); // a replica its test closed already
        await admin(`drop database if exists "${name}" with (force)`);
      },
    };
  },
});

/** The PostgreSQL engines: PGlite, and the server when TEST_DATABASE_URL is set. */
export const POSTGRES_ENGINES: Engine[] = [pglite, ...(TEST_DATABASE_URL ? [postgresServer(TEST_DATABASE_URL)] : [])];

const sqlite: Engine = {
  name: 'sqlite',
  concurrent: false,
  async open({ migrate = true } = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'roadmap-coach-engine-'));
    const db = openSqlite(join(dir, 'test.db'));
    if (migrate) await db.migrate();
    return {
      db,
      replica: () => undefined,
      async dispose() {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

/** Every engine: tests written over ENGINES run on SQLite, PGlite and (when set) the real server. */
export const ENGINES: Engine[] = [sqlite, ...POSTGRES_ENGINES];

/** The engine TEST_DIALECT names (sqlite by default; pglite; postgres, which needs TEST_DATABASE_URL): the command
 *  and scheduler suites run on it through test/store/open-test-database.ts. */
export function engineFromEnv(): Engine {
  const wanted = process.env.TEST_DIALECT || 'sqlite';
  if (wanted === 'postgres' && !TEST_DATABASE_URL)
    throw new Error('TEST_DIALECT=postgres needs TEST_DATABASE_URL (a server the tests may create databases on)');
  const engine = ENGINES.find((e) => e.name === wanted);
  if (!engine) throw new Error(`TEST_DIALECT=${wanted}: expected sqlite, pglite or postgres`);
  return engine;
}
