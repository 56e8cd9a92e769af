// The SQLite engine behind the store's seam: one better-sqlite3 connection per process with the pragmas the bot relies
// on, drizzle's migrator over migrations/sqlite, one prepared statement per SQL text, and transactions that take
// turns on the connection.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { APP_ROOT } from '../../app-root.ts';
import type { Database, Dialect, Params, Runner, TransactionOptions } from '../sql/database.ts';
import { type Checkpointer, type CheckpointerOptions, startCheckpointer } from './checkpointer.ts';
import { Turns } from './turns.ts';

export const SQLITE_MIGRATIONS = join(APP_ROOT, 'migrations', 'sqlite');

const DIALECT: Dialect = { name: 'sqlite' };

/** How often a long-lived connection refreshes the planner's statistics (SQLite suggests hourly to daily). */
export const OPTIMIZE_EVERY_MS = 60 * 60 * 1000;

/** better-sqlite3 binds numbers, strings, bigints, buffers and null: booleans become 1/0, undefined null. */
function bindable(params: Params): Params {
  let out: Params | undefined;
  for (const key in params) {
    const value = params[key];
    if (typeof value === 'boolean' || value === undefined) {
      out ??= { ...params };
      out[key] = value === undefined ? null : value ? 1 : 0;
    }
  }
  return out ?? params;
}

export class SqliteDatabase implements Database {
  readonly dialect = DIALECT;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  private readonly plucked = new Map<string, BetterSqlite3.Statement>();
  private readonly turns = new Turns();
  private readonly begin: BetterSqlite3.Statement;
  private readonly beginImmediate: BetterSqlite3.Statement;
  private readonly commit: BetterSqlite3.Statement;
  private readonly rollback: BetterSqlite3.Statement;
  private readonly runner: Runner;
  private readonly optimizing: NodeJS.Timeout;
  private checkpointer: Checkpointer | undefined;
  /** Checkpoints move to a worker thread at the first immediate transaction (see openSqlite), with these options. */
  private checkpointsInThread: CheckpointerOptions | undefined;

  /** The connection itself: for the composition root, the backup, the benchmark's bulk seed and tests only. */
  constructor(readonly sqlite: BetterSqlite3.Database) {
    this.begin = sqlite.prepare('begin');
    this.beginImmediate = sqlite.prepare('begin immediate');
    this.commit = sqlite.prepare('commit');
    this.rollback = sqlite.prepare('rollback');
    // The statistics the planner picks indexes by (sqlite_stat1): ANALYZE where tables changed much since the last
    // run, usually nothing (docs/decisions/020). unref: the timer alone does not keep the process up.
    // A failed run (the file busy past busy_timeout) only waits for the next.
    this.optimizing = setInterval(() => this.optimize().catch(() => {}), OPTIMIZE_EVERY_MS).unref();
    const statement = (sql: string) => this.statement(sql);
    this.runner = {
      dialect: DIALECT,
      all: async <T>(sql: string, params?: Params) => {
        const s = statement(sql);
        return (params ? s.all(bindable(params)) : s.all()) as T[];
      },
      column: async <T>(sql: string, params?: Params) => {
        const s = this.plucking(sql);
        return (params ? s.all(bindable(params)) : s.all()) as T[];
      },
      get: async <T>(sql: string, params?: Params) => {
        const s = statement(sql);
        return (params ? s.get(bindable(params)) : s.get()) as T | undefined;
      },
      run: async (sql: string, params?: Params) => {
        const s = statement(sql);
        const { changes } = params ? s.run(bindable(params)) : s.run();
        return { changes };
      },
    };
  }

  /** WAL checkpoints run in a worker thread from the first immediate transaction on, not in this connection's
   *  commits (checkpointer.ts): from the scheduler's first write, which is what fills the WAL. That comes after
   *  /readyz, so a start pays nothing for the thread, and tools that only migrate or load content never start it. */
  checkpointInThread(options: CheckpointerOptions = {}): void {
    this.checkpointsInThread = options;
  }

  /** The text's statement in pluck mode (first column only): prepared apart, as a mode belongs to the statement. */
  private plucking(sql: string): BetterSqlite3.Statement {
    let s = this.plucked.get(sql);
    if (!s) this.plucked.set(sql, (s = this.sqlite.prepare(sql).pluck()));
    return s;
  }

  private statement(sql: string): BetterSqlite3.Statement {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.sqlite.prepare(sql)));
    return s;
  }

  async transaction<T>(fn: (runner: Runner) => Promise<T>, options?: TransactionOptions): Promise<T> {
    const wait = this.turns.begin();
    if (wait) await wait;
    try {
      if (options?.immediate && this.checkpointsInThread && this.sqlite.open)
        this.checkpointer ??= startCheckpointer(this.sqlite, this.checkpointsInThread);
      if (this.checkpointer?.restartWanted()) await this.checkpointer.restart(); // in our turn: no transaction open
      (options?.immediate ? this.beginImmediate : this.begin).run();
      try {
        const result = await fn(this.runner);
        this.commit.run();
        return result;
      } catch (error) {
        // SQLite may already have rolled back on its own (some errors end the transaction).
        if (this.sqlite.inTransaction) this.rollback.run();
        throw error;
      }
    } finally {
      this.turns.end();
    }
  }

  /** Runs `fn` in the connection's next turn: no transaction of ours is open meanwhile, and none begins. */
  private async inTurn<T>(fn: () => T | Promise<T>): Promise<T> {
    const wait = this.turns.begin();
    if (wait) await wait;
    try {
      return await fn();
    } finally {
      this.turns.end();
    }
  }

  migrate(): Promise<void> {
    return this.inTurn(() => {
      migrate(drizzle(this.sqlite), { migrationsFolder: SQLITE_MIGRATIONS });
      // SQLite's advice for a connection's start: 0x10000 checks every table, not only those this connection used.
      // A database that never had statistics gets them here, once (about 0.1 s at 1,000,000 progress events).
      this.sqlite.pragma('optimize = 0x10002');
    });
  }

  async ready(): Promise<boolean> {
    if (!this.sqlite.open) return false;
    const journal = JSON.parse(readFileSync(join(SQLITE_MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as {
      entries: unknown[];
    };
    try {
      const applied = await this.transaction((r) =>
        r.get<{ n: number }>('select count(*) as "n" from __drizzle_migrations'),
      );
      return (applied?.n ?? 0) >= journal.entries.length;
    } catch {
      return false; // no migrations table yet
    }
  }

  /** PRAGMA optimize in its turn, so it never lands inside another caller's transaction. */
  optimize(): Promise<void> {
    return this.inTurn(() => {
      if (this.sqlite.open) this.sqlite.pragma('optimize');
    });
  }

  async close(): Promise<void> {
    clearInterval(this.optimizing);
    await this.checkpointer?.stop(); // its connection first: the bot's, closed last, then removes the WAL file
    await this.inTurn(() => {
      if (!this.sqlite.open) return;
      try {
        this.sqlite.pragma('optimize'); // SQLite's advice before closing: what this connection's queries showed
      } catch {
        // statistics are an optimisation: the connection closes whatever happens to them
      }
      this.sqlite.close();
    });
  }
}

/** The connection's page cache, KiB. */
const CACHE_KIB = 32 * 1024;

/** Opens (creating it and its folder if need be) the database file with the bot's pragmas; migrate() applies the
 *  migrations. Throws the driver's own errors: the command line turns them into a clear line (src/setup-error.ts),
 *  since only it knows which setting named the file. `checkpointsInThread`: the bot's own opening (open-database.ts)
 *  moves WAL checkpoints off the event loop once the scheduler writes; a worker thread costs ~60 ms of CPU and
 *  ~15 MB, which the many short-lived databases of tests need not pay. */
export function openSqlite(file: string, { checkpointsInThread = false } = {}): SqliteDatabase {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  try {
    sqlite.pragma('journal_mode = WAL'); // readers never wait for the writer; the first read: a foreign file fails here
    sqlite.pragma('synchronous = NORMAL'); // durable across process crashes in WAL mode
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000'); // a second process on the same file waits instead of failing
    // PRAGMA optimize's ANALYZE reads at most this many rows per index: its own default let it take 0.8-1.6 s on the
    // benchmark's 1,000,000 events, this one 0.1 s (SQLite's docs suggest 100 to 1000).
    sqlite.pragma('analysis_limit = 1000');
    // 32 MiB of pages (SQLite's default is 2 MiB). A board at 100k members counted the active days of the thousands of
    // members tied with the asker, one index seek each: the default cache held too few of those pages, and every board
    // read them back from the OS (week and month medians 23.0 and 26.3 ms, 13.3 and 17.0 with this; decision 030).
    // Those days are kept now (decision 032); the cache still holds a large workspace's working set. It fills only as
    // pages are read: the sender's peak RSS grew by 28 MB.
    sqlite.pragma(`cache_size = -${CACHE_KIB}`);
    // Statement journals (and temporary B-trees) in memory. A progress event's triggers nest (its local day, then the
    // day's week and month: decision 032), and such a statement's journal outgrew the 64 KiB SQLite keeps in memory, so
    // every `done` opened a temporary file: +50 µs a write here. A journal holds the pages one statement changes.
    sqlite.pragma('temp_store = MEMORY');
    const database = new SqliteDatabase(sqlite);
    if (checkpointsInThread && file !== ':memory:') database.checkpointInThread();
    return database;
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
