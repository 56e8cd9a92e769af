// Every piece of SQL that SQLite and PostgreSQL spell differently, in one place. The queries (src/store/queries) are
// written in the SQL both share and splice these in, chosen by the runner's dialect; nothing else in a query may
// depend on the engine. PostgreSQL's side assumes JSON columns stored as text and booleans as boolean.
import type { Dialect } from './database.ts';

type D = Pick<Dialect, 'name'>;

/** Rows of integers out of a JSON array bound as text: `x in (${integersOf(d, '@ids')})`. */
export function integersOf(d: D, param: string): string {
  return d.name === 'sqlite'
    ? `select value from json_each(${param})`
    : `select cast(value as bigint) from jsonb_array_elements_text(cast(${param} as jsonb))`;
}

/** A JSON array (as text) of the expression over a group. */
export function jsonArrayAgg(d: D, expr: string): string {
  return d.name === 'sqlite' ? `json_group_array(${expr})` : `cast(json_agg(${expr} order by ${expr}) as text)`;
}

/** A JSON object (as text) from key, value, key, value… */
export function jsonObject(d: D, ...pairs: string[]): string {
  return d.name === 'sqlite'
    ? `json_object(${pairs.join(', ')})`
    : `cast(json_build_object(${pairs.join(', ')}) as text)`;
}

/** 24 random hex characters (a nonce). */
export function randomHex24(d: D): string {
  return d.name === 'sqlite'
    ? 'lower(hex(randomblob(12)))'
    : 'substr(md5(random()::text || clock_timestamp()::text), 1, 24)';
}

/** a differs from b, nulls compared as values. */
export function isDistinct(d: D, a: string, b: string): string {
  return d.name === 'sqlite' ? `${a} is not ${b}` : `${a} is distinct from ${b}`;
}

/** SQLite's planner is told which partial index to walk; PostgreSQL chooses it itself. */
export function indexedBy(d: D, index: string): string {
  return d.name === 'sqlite' ? `indexed by ${index}` : '';
}

/** Locks the rows a claim picks, passing over those another transaction holds; SQLite's IMMEDIATE transaction already
 *  serializes claims. */
export function skipLocked(d: D): string {
  return d.name === 'sqlite' ? '' : 'for update skip locked';
}

/** Every single-column foreign key of the schema as rows ("table", "from", "to", "parent"): the child table, its
 *  column, the parent's column and the parent table. */
export function foreignKeys(d: D): string {
  return d.name === 'sqlite'
    ? `select m.name as "table", f."from" as "from", coalesce(f."to", 'rowid') as "to", f."table" as "parent"
      from sqlite_master m join pragma_foreign_key_list(m.name) f
      where m.type = 'table' and m.name not like 'sqlite_%' order by m.rowid, f.id`
    : `select c.conrelid::regclass::text as "table", a.attname::text as "from", af.attname::text as "to",
        c.confrelid::regclass::text as "parent"
      from pg_constraint c
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
        join pg_attribute af on af.attrelid = c.confrelid and af.attnum = c.confkey[1]
      where c.contype = 'f' and c.connamespace = current_schema()::regnamespace
      order by 1, c.conname`;
}

/** A bound value the planner must not plan on: `column = ${unplanned(d, '@id')}`. SQLite's planner, weighing a loop
 *  that does not use an equality's index, asks whether the equality's value is 0 or 1 (a row-count guess) and so
 *  marks the statement to be re-prepared when that value is cleared; better-sqlite3 clears a statement's values after
 *  every run, so such a statement was parsed and planned again on every call (a tenth of a command's time,
 *  docs/decisions/026). A unary plus hides the value from the planner; the column, and so its index, are untouched. */
export function unplanned(d: D, param: string): string {
  return d.name === 'sqlite' ? `+${param}` : param;
}

/** A number that changes whenever another connection commits (SQLite's data_version), or undefined when the engine
 *  has none: then a cache must check its stamp on every read. */
export function changeCounter(d: D): string | undefined {
  return d.name === 'sqlite' ? 'select data_version as "v" from pragma_data_version' : undefined;
}

/** Every table of the schema, as rows ("name"): for tests that count what a failed command left behind. */
export function tableNames(d: D): string {
  return d.name === 'sqlite'
    ? `select name as "name" from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`
    : `select tablename::text as "name" from pg_tables where schemaname = current_schema() order by tablename`;
}

/** The columns of a table (@table), as rows ("name"): for tests that check every member-keyed column declares its
 *  foreign key. */
export function columnNames(d: D): string {
  return d.name === 'sqlite'
    ? `select name as "name" from pragma_table_info(@table)`
    : `select column_name::text as "name" from information_schema.columns
      where table_schema = current_schema() and table_name = @table order by ordinal_position`;
}

/** A text field of a JSON object stored as text: `jsonField(d, 'd.payload', 'kind')`. */
export function jsonField(d: D, column: string, key: string): string {
  return d.name === 'sqlite' ? `json_extract(${column}, '$.${key}')` : `(cast(${column} as jsonb) ->> '${key}')`;
}

/** Rows ("key", "a", "b", "n") of a JSON object bound as text whose values are [text, text, number] triples. */
export function tripleRows(d: D, param: string): string {
  return d.name === 'sqlite'
    ? `select key as "key", json_extract(value, '$[0]') as "a", json_extract(value, '$[1]') as "b",
        json_extract(value, '$[2]') as "n" from json_each(${param})`
    : `select key as "key", value ->> 0 as "a", value ->> 1 as "b", cast(value ->> 2 as bigint) as "n"
        from jsonb_each(cast(${param} as jsonb))`;
}
