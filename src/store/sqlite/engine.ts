// PLACEHOLDER on branch i14p only, so that src/store/open-database.ts type-checks: the SQLite engine is built on branch
// i14s, and its src/store/sqlite/engine.ts replaces this file whole at the merge (take theirs).
import type { Database } from '../sql/database.ts';

export function openSqlite(path: string): Database {
  throw new Error(`openSqlite(${path}): the SQLite engine arrives with branch i14s (this is a placeholder)`);
}
