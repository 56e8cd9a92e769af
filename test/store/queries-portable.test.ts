// The queries are written once for SQLite and PostgreSQL (docs/decisions/014): whatever only one engine understands
// must come from src/store/sql/fragments.ts, chosen by the dialect. This reads every query module and refuses the
// spellings of one engine alone, so a new query cannot quietly work on SQLite only.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const QUERIES = new URL('../../src/store/queries/', import.meta.url).pathname;

// Each: what it looks like, and what to use instead.
const ONE_ENGINE_ONLY: [RegExp, string][] = [
  [/\bjson_each\b/i, 'integersOf(), tripleRows()'],
  [/\bjson_extract\b/i, 'jsonField()'],
  [/\bjson_group_array\b/i, 'jsonArrayAgg()'],
  [/\bjson_object\s*\(/i, 'jsonObject()'],
  [/\brandomblob\b/i, 'randomHex24()'],
  [/\bindexed\s+by\b/i, 'indexedBy()'],
  [/\bpragma\b/i, 'a fragment (foreignKeys(), changeCounter())'],
  [/\bsqlite_master\b/i, 'foreignKeys()'],
  [/\bis\s+not\s+(?!null\b)[@\w]/i, 'isDistinct() (`is not <value>` is SQLite only)'],
  [/\bjsonb?_(?:array_elements|agg|build_object)\w*/i, 'the fragment that spells it per engine'],
  [/\bskip\s+locked\b/i, 'skipLocked()'],
  [/\bas\s+integer\b/i, '`as bigint` (milliseconds overflow a PostgreSQL integer)'],
  [/\bilike\b|::\w+/i, 'the SQL both engines share'],
];

/** The SQL of a module: its string and template literals. */
function sqlOf(source: string): string[] {
  return [...source.matchAll(/`([^`]*)`|'([^'\n]*)'/g)].map((m) => m[1] ?? m[2] ?? '');
}

function offences(source: string): string[] {
  return sqlOf(source).flatMap((text) =>
    ONE_ENGINE_ONLY.filter(([pattern]) => pattern.test(text)).map(([pattern, instead]) => `${pattern} → ${instead}`),
  );
}

it('writes every query in the SQL SQLite and PostgreSQL share, engine-only spellings coming from fragments', () => {
  const files = readdirSync(QUERIES).filter((f) => f.endsWith('.ts'));
  expect(files.length).toBeGreaterThan(10);
  const found = files.flatMap((f) => offences(readFileSync(join(QUERIES, f), 'utf8')).map((o) => `${f}: ${o}`));
  expect(found).toEqual([]);
});

it('catches each engine-only spelling', () => {
  expect(offences("const X = 'select value from json_each(@ids)';")).toHaveLength(1);
  expect(offences('const X = `update s set c = @c where c is not @c`;')).toHaveLength(1);
  expect(offences('const X = `select 1 where c is not null`;')).toEqual([]);
  expect(offences('const X = `cast(x as integer)`;')).toHaveLength(1);
  expect(offences('const X = `select id::text from t`;')).toHaveLength(1);
});
