// What the two PostgreSQL engines (node-postgres and PGlite) share: the store's SQL text with @named parameters
// turned into PostgreSQL's $1, $2 …, the values bound in that order, bigint and numeric read as JS numbers, and the
// Runner over a query function.
import type { Dialect, Params, Runner } from '../sql/database.ts';

export const postgresDialect: Dialect = { name: 'postgres' };

/** One SQL text as PostgreSQL takes it. */
export interface Statement {
  /** The text with each @name replaced by its $n (a name used twice is one $n). */
  readonly text: string;
  /** The parameter names, in $n order. */
  readonly names: readonly string[];
  /** A prepared statement's name, the same for the same text in this process. */
  readonly name: string;
  readonly source: string;
}

// Skipped whole, so an @ inside them is left alone: quoted strings (E'…' with its backslash escapes), quoted
// identifiers, comments, dollar-quoted bodies. A parameter is an @ that follows no word character or @ and starts a
// name; so `a <@ b`, `@@` and `x::bigint` are untouched (write the jsonb operators with a space after the @).
const TOKENS =
  /(?<!\w)[Ee]'(?:[^'\\]|\\.|'')*'|'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\/|\$([A-Za-z_]\w*)?\$[\s\S]*?\$\1\$|(?<![\w@])@([A-Za-z_]\w*)/g;

// The store's texts are a fixed set (plus a few built per table by `forget`); the bound keeps a text built from data
// by mistake from growing the cache without end. Past it, a text is translated each time and not prepared by name.
const CACHE_LIMIT = 2000;
const cache = new Map<string, Statement>();

/** The text translated once and remembered: queries run thousands of times a second. */
export function statementFor(sql: string): Statement {
  const known = cache.get(sql);
  if (known) return known;
  const names: string[] = [];
  const text = sql.replace(TOKENS, (token: string, _tag: string | undefined, name: string | undefined) => {
    if (name === undefined) return token;
    let at = names.indexOf(name);
    if (at < 0) at = names.push(name) - 1;
    return `$${at + 1}`;
  });
  const statement = { text, names, name: `rc_${cache.size}`, source: sql };
  if (cache.size < CACHE_LIMIT) cache.set(sql, statement);
  else return { ...statement, name: '' };
  return statement;
}

/** The values in $n order. Undefined binds as null; a name the text uses but the call leaves out is a mistake. */
export function valuesFor(statement: Statement, params: Params = {}): unknown[] {
  return statement.names.map((name) => {
    if (!(name in params)) throw new Error(`SQL parameter @${name} has no value in: ${statement.source.slice(0, 200)}`);
    return params[name] ?? null;
  });
}

const INT8 = 20;
const NUMERIC = 1700;

/** count(*) and sum() come back as int8 or numeric, which both drivers give as strings by default: numbers here, as
 *  SQLite gives them. An int8 past 2^53 would lose digits silently, so it fails instead (times are ms: 2^53 is far). */
function toNumber(text: string): number {
  const n = Number(text);
  if (Number.isInteger(n) && !Number.isSafeInteger(n))
    throw new RangeError(`${text} is too large for a JS number (past 2^53)`);
  return n;
}

/** The parsers by type id, for the pool's `types` option and for PGlite's `parsers`. */
export const numberParsers: Record<number, (text: string) => number> = { [INT8]: toNumber, [NUMERIC]: toNumber };

/** Runs one statement on the engine's connection: rows by column name, and how many rows it changed. */
export type Query = (statement: Statement, values: unknown[]) => Promise<{ rows: unknown[]; changes: number }>;

/** A Runner that works only while its transaction is open (a query that outlives it is refused, not run outside), and
 *  sends its statements one after another. */
export function runnerOver(query: Query): { runner: Runner; end(): void } {
  let open = true;
  // One connection runs one statement at a time: statements asked for together (Promise.all over a list) queue here
  // in the order asked, rather than in node-postgres's deprecated client-side queue (an error from pg 9 on).
  let previous: Promise<unknown> = Promise.resolve();
  const run = (sql: string, params?: Params) => {
    if (!open) return Promise.reject(new Error('This runner belongs to a transaction that has ended.'));
    const statement = statementFor(sql);
    const values = valuesFor(statement, params);
    const result = previous.then(
      () => query(statement, values),
      () => query(statement, values),
    );
    previous = result.catch(() => {});
    return result;
  };
  const runner: Runner = {
    dialect: postgresDialect,
    all: async <T>(sql: string, params?: Params) => (await run(sql, params)).rows as T[],
    column: async <T>(sql: string, params?: Params) =>
      (await run(sql, params)).rows.map((row) => Object.values(row as object)[0] as T),
    get: async <T>(sql: string, params?: Params) => (await run(sql, params)).rows[0] as T | undefined,
    run: async (sql: string, params?: Params) => ({ changes: (await run(sql, params)).changes }),
  };
  return { runner, end: () => (open = false) };
}
