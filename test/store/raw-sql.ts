// Raw SQL for tests, through the database's own runner (each call its own transaction): for the reads and the
// arranging that the store's port has no query for. Written in the SQL SQLite and PostgreSQL share, with named
// @params and double-quoted aliases, so the suites that use it can run on either engine.
import type { Database, Params } from '../../src/store/sql/database.ts';

export function rawSql(database: Database) {
  const get = <T = Record<string, unknown>>(sql: string, params?: Params) =>
    database.transaction((r) => r.get<T>(sql, params));
  const all = <T = Record<string, unknown>>(sql: string, params?: Params) =>
    database.transaction((r) => r.all<T>(sql, params));
  return {
    get,
    all,
    run: (sql: string, params?: Params) => database.transaction((r) => r.run(sql, params)),
    /** The first column of the first row (undefined: no row). */
    value: async <T = unknown>(sql: string, params?: Params): Promise<T | undefined> => {
      const row = await get(sql, params);
      return row === undefined ? undefined : (Object.values(row)[0] as T);
    },
    /** The first column of every row. */
    values: async <T = unknown>(sql: string, params?: Params): Promise<T[]> =>
      (await all(sql, params)).map((row) => Object.values(row)[0] as T),
  };
}
