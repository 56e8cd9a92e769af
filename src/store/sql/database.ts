// The one seam between the store's queries and a database engine. Queries are written once, as SQL text with named
// parameters (@name) and double-quoted aliases, and run on SQLite (better-sqlite3) or PostgreSQL (node-postgres,
// PGlite) through these interfaces; what differs in the SQL itself comes from the engine's Dialect.

/** Named parameters: `@workspaceId` in the text, `{ workspaceId: 3 }` here. Booleans are bound as the engine wants
 *  them; undefined is bound as null. */
export type Params = Record<string, unknown>;

/** Runs statements on one connection inside one transaction. Engines cache each text's prepared statement. */
export interface Runner {
  readonly dialect: Dialect;
  /** Every row, with its columns named as the SQL aliases them. Integers (bigint on PostgreSQL) come back as numbers. */
  all<T>(sql: string, params?: Params): Promise<T[]>;
  /** The first column of every row, as a list: no object per row, for long lists of one value (a member's event
   *  times: a third of the time `streak` took). */
  column<T>(sql: string, params?: Params): Promise<T[]>;
  /** The first row, or undefined. */
  get<T>(sql: string, params?: Params): Promise<T | undefined>;
  /** A write; how many rows it changed. */
  run(sql: string, params?: Params): Promise<{ changes: number }>;
}

export interface TransactionOptions {
  /** SQLite: take the write lock before the first read (BEGIN IMMEDIATE), as claims must. PostgreSQL rows are locked by
   *  the statements themselves (FOR UPDATE SKIP LOCKED), so it changes nothing there. */
  immediate?: boolean;
}

/** A lock at most one process holds at a time, kept on a connection of its own (PostgreSQL's session advisory lock):
 *  the replica holding it leads. It goes with its connection, so a process that dies loses it at once. */
export interface LeaderLock {
  /** Takes the lock when it is free, or checks that a held one still is (its connection answers); whether this
   *  process holds it now. Never throws: a connection that fails is a lock not held. */
  hold(): Promise<boolean>;
  /** fn runs each time a held lock is lost between two hold() calls: its connection failed or ended. */
  onLost(fn: (reason: string) => void): void;
  /** Gives the lock up (its connection closes). */
  release(): Promise<void>;
}

/** An open database: the only way to run a statement is inside a transaction, so no query can slip outside one. */
export interface Database {
  readonly dialect: Dialect;
  /** Runs fn in one transaction: committed when it resolves, rolled back when it throws (the error is rethrown). On
   *  SQLite one connection serves the process, so transactions take turns; on PostgreSQL each takes a pooled client. */
  transaction<T>(fn: (runner: Runner) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Applies the engine's pending migrations. */
  migrate(): Promise<void>;
  /** Whether the database answers and every migration is applied (for /readyz). */
  ready(): Promise<boolean>;
  /** The lock that elects the one replica that ticks and sends; absent where the engine serves one process (SQLite,
   *  PGlite), which then always ticks and sends. Each call: a lock handle with a connection of its own. */
  leaderLock?(): LeaderLock;
  close(): Promise<void>;
}

/** The SQL that differs between engines, as fragments the queries splice in. Each engine provides one. */
export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
}
