// SQLite and PostgreSQL hold the same schema: each dialect's migrations, applied to a fresh database and read back
// from its catalogue, give the same tables, columns (name, nullability, type family), primary keys, foreign keys
// (with their on delete), and indexes (unique or not, their columns and order, their partial predicate).
import { join } from 'node:path';
import type BetterSqlite from 'better-sqlite3';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as getSqliteTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as pgSchema from '../../src/store/postgres/schema.ts';
import * as sqliteTables from '../../src/store/schema.ts';
import type { Runner } from '../../src/store/sql/database.ts';
import { tempDir } from '../helpers.ts';
import { type OpenedEngine, POSTGRES_ENGINES } from './engines.ts';
import { migratedSqlite } from './sqlite-migrations.ts';

interface Column {
  name: string;
  notNull: boolean;
  family: 'integer' | 'text' | 'boolean' | string;
}
interface Index {
  name: string;
  unique: boolean;
  columns: string[]; // "done_count desc"
  where: string | null; // normalised: no quotes, table names, parentheses or casts
}
interface ForeignKey {
  from: string;
  table: string;
  to: string;
  onDelete: string;
}
interface Table {
  columns: Column[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
  indexes: Index[];
}
type Schema = Record<string, Table>;

/** "table.column" of every column SQLite stores as an integer that schema.ts declares boolean (mode: 'boolean'). */
const SQLITE_BOOLEANS = new Set(
  (Object.values(sqliteTables) as unknown[])
    .filter((t): t is SQLiteTable => t instanceof SQLiteTable)
    .flatMap((t) => {
      const config = getSqliteTableConfig(t);
      return config.columns.filter((c) => c.columnType === 'SQLiteBoolean').map((c) => `${config.name}.${c.name}`);
    }),
);

const byName = <T extends { name: string }>(xs: T[]) => [...xs].sort((a, b) => a.name.localeCompare(b.name));

/** A partial index's predicate in one spelling for both: SQLite's keeps the DDL's, PostgreSQL's is deparsed. */
function normalised(where: string | null | undefined, table: string): string | null {
  if (!where) return null;
  return where
    .replaceAll(`"${table}".`, '')
    .replace(/::\w+/g, '')
    .replace(/[()"]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function sqliteSchema(db: BetterSqlite.Database): Schema {
  const tables = db
    .prepare(
      "select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '\\_\\_%' escape '\\'",
    )
    .all() as { name: string }[];
  const schema: Schema = {};
  for (const { name } of tables) {
    const info = db.pragma(`table_info("${name}")`) as {
      name: string;
      type: string;
      notnull: number;
      dflt_value: string | null;
      pk: number;
    }[];
    const fks = db.pragma(`foreign_key_list("${name}")`) as {
      table: string;
      from: string;
      to: string;
      on_delete: string;
    }[];
    const indexes = (db.pragma(`index_list("${name}")`) as { name: string; unique: number; origin: string }[])
      .filter((i) => i.origin !== 'pk')
      .map((i): Index => {
        const keys = (db.pragma(`index_xinfo("${i.name}")`) as { name: string; desc: number; key: number }[]).filter(
          (k) => k.key,
        );
        const sql = (db.prepare('select sql from sqlite_master where name = ?').get(i.name) as { sql: string }).sql;
        return {
          name: i.name,
          unique: Boolean(i.unique),
          columns: keys.map((k) => `${k.name}${k.desc ? ' desc' : ''}`),
          where: normalised(/ where (.*)$/is.exec(sql)?.[1], name),
        };
      });
    schema[name] = {
      // SQLite has no boolean: drizzle's boolean columns are integers, known as booleans from schema.ts.
      columns: byName(
        info.map((c) => ({
          name: c.name,
          notNull: Boolean(c.notnull) || c.pk > 0,
          family:
            c.type.toLowerCase() === 'integer' && SQLITE_BOOLEANS.has(`${name}.${c.name}`)
              ? 'boolean'
              : c.type.toLowerCase(),
        })),
      ),
      primaryKey: info
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      foreignKeys: fks
        .map((f) => ({ from: f.from, table: f.table, to: f.to, onDelete: f.on_delete.toLowerCase() }))
        .sort((a, b) => a.from.localeCompare(b.from)),
      indexes: byName(indexes),
    };
  }
  return schema;
}

const FAMILY: Record<string, string> = {
  integer: 'integer',
  bigint: 'integer',
  text: 'text',
  boolean: 'boolean',
  'double precision': 'real', // SQLite's real is an 8-byte float too
};
const ON_DELETE: Record<string, string> = {
  a: 'no action',
  c: 'cascade',
  r: 'restrict',
  n: 'set null',
  d: 'set default',
};

async function postgresSchema(r: Runner): Promise<{ schema: Schema; types: Record<string, string> }> {
  const tables = await r.all<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
  );
  const schema: Schema = {};
  const types: Record<string, string> = {};
  for (const { name } of tables) {
    const columns = await r.all<{ name: string; nullable: string; type: string }>(
      `select column_name as name, is_nullable as nullable, data_type as type from information_schema.columns
       where table_schema = 'public' and table_name = @name`,
      { name },
    );
    for (const c of columns) types[`${name}.${c.name}`] = c.type;
    const primaryKey = await r.all<{ name: string }>(
      `select a.attname as name from pg_constraint c
         cross join unnest(c.conkey) with ordinality k(attnum, ord)
         join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
       where c.contype = 'p' and c.conrelid = ('public.' || @name)::regclass order by k.ord`,
      { name },
    );
    const foreignKeys = await r.all<ForeignKey>(
      `select a.attname as "from", t.relname as "table", fa.attname as "to", c.confdeltype as "onDelete"
       from pg_constraint c
         join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
         join pg_class t on t.oid = c.confrelid
         join pg_attribute fa on fa.attrelid = c.confrelid and fa.attnum = c.confkey[1]
       where c.contype = 'f' and c.conrelid = ('public.' || @name)::regclass and cardinality(c.conkey) = 1
       order by a.attname`,
      { name },
    );
    const indexes = await r.all<Index>(
      `select i.relname as name, ix.indisunique as "unique",
         array(select pg_get_indexdef(ix.indexrelid, k, true) ||
                 case when ix.indoption[k - 1] & 1 = 1 then ' desc' else '' end
               from generate_series(1, ix.indnkeyatts) k order by k) as columns,
         pg_get_expr(ix.indpred, ix.indrelid) as "where"
       from pg_index ix join pg_class i on i.oid = ix.indexrelid
       where ix.indrelid = ('public.' || @name)::regclass and not ix.indisprimary`,
      { name },
    );
    schema[name] = {
      columns: byName(
        columns.map((c) => ({ name: c.name, notNull: c.nullable === 'NO', family: FAMILY[c.type] ?? c.type })),
      ),
      primaryKey: primaryKey.map((p) => p.name),
      foreignKeys: foreignKeys.map((f) => ({ ...f, onDelete: ON_DELETE[f.onDelete] ?? f.onDelete })),
      // pg_get_indexdef quotes a column named like a keyword ("position").
      indexes: byName(
        indexes.map((i) => ({
          ...i,
          columns: i.columns.map((c) => c.replaceAll('"', '')),
          where: normalised(i.where, name),
        })),
      ),
    };
  }
  return { schema, types };
}

let sqlite: Schema;
beforeAll(() => {
  const { dir, cleanup } = tempDir();
  const db = migratedSqlite(join(dir, 'schema.db'));
  try {
    sqlite = sqliteSchema(db);
  } finally {
    db.close();
    cleanup();
  }
});

describe.each(POSTGRES_ENGINES.map((e) => [e.name, e] as const))('the schema on SQLite and %s', (_name, engine) => {
  let opened: OpenedEngine;
  let postgres: Schema;
  let types: Record<string, string>;
  beforeAll(async () => {
    opened = await engine.open();
    ({ schema: postgres, types } = await opened.db.transaction(postgresSchema));
  });
  afterAll(() => opened?.dispose());

  it('has the same tables', () => {
    expect(Object.keys(postgres).sort()).toEqual(Object.keys(sqlite).sort());
    expect(Object.keys(sqlite).length).toBeGreaterThan(15);
  });

  it.each(['columns', 'primaryKey', 'foreignKeys', 'indexes'] as const)('has the same %s in every table', (part) => {
    for (const table of Object.keys(sqlite))
      expect({ table, [part]: postgres[table]?.[part] }).toEqual({ table, [part]: sqlite[table]![part] });
  });

  it('keeps time as bigint epoch milliseconds (an int4 would overflow)', () => {
    const times = Object.entries(types).filter(([column]) => /\.(\w+_at|at|\w+_until)$/.test(column));
    expect(times.length).toBeGreaterThan(20);
    expect(times.filter(([, type]) => type !== 'bigint')).toEqual([]);
  });

  it('matches src/store/postgres/schema.ts: no edit to it is left without its generated migration', () => {
    const declared = Object.values(pgSchema as Record<string, unknown>)
      .filter((t): t is PgTable => t instanceof PgTable)
      .map((t) => getTableConfig(t))
      .map((t) => [t.name, t.columns.map((c) => c.name).sort()] as const);
    expect(Object.fromEntries(declared)).toEqual(
      Object.fromEntries(Object.entries(postgres).map(([name, t]) => [name, t.columns.map((c) => c.name).sort()])),
    );
  });
});
