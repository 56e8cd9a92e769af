// `unplanned` (src/store/sql/fragments.ts, docs/decisions/026): on SQLite a unary plus keeps the planner from looking at
// a parameter's value (which had every such statement parsed and planned again on each call), and must leave the
// column's index in use. Checked on the store's own statements, through SQLite's plan for each.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unplanned } from '../../src/store/sql/fragments.ts';
import type { SqliteDatabase } from '../../src/store/sqlite/engine.ts';
import { tempDir } from '../helpers.ts';
import { openMigratedSqlite } from './open-test-database.ts';

let tmp: ReturnType<typeof tempDir>;
let db: SqliteDatabase;
beforeEach(async () => {
  tmp = tempDir();
  db = await openMigratedSqlite(join(tmp.dir, 'plan.db'));
});
afterEach(async () => {
  await db.close();
  tmp.cleanup();
});

/** SQLite's plan for the text, one line per step. */
function planOf(sql: string): string[] {
  const params = Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map((m) => [m[1], 1]));
  return (db.sqlite.prepare(`explain query plan ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);
}

const sqlite = { name: 'sqlite' as const };
const postgres = { name: 'postgres' as const };

describe('unplanned parameters', () => {
  it('hides the value from SQLite with a unary plus and leaves PostgreSQL its plain parameter', () => {
    expect(unplanned(sqlite, '@memberId')).toBe('+@memberId');
    expect(unplanned(postgres, '@memberId')).toBe('@memberId');
  });

  it.each([
    [
      'a member’s event times',
      `select at from progress_events where member_id = ${unplanned(sqlite, '@memberId')} order by at`,
      /COVERING INDEX progress_events_member_at \(member_id=\?\)/,
    ],
    [
      'a member’s card on a topic',
      `select id from review_cards where member_id = ${unplanned(sqlite, '@memberId')}
        and topic_id = ${unplanned(sqlite, '@topicId')}`,
      /INDEX \S+ \(member_id=\? AND topic_id=\?\)/,
    ],
    [
      'a workspace’s holidays',
      `select date from holidays where workspace_id = ${unplanned(sqlite, '@workspaceId')} order by date`,
      /INDEX \S+ \(workspace_id=\?\)/,
    ],
  ])('keeps the index for %s', (_name, sql, index) => {
    const plan = planOf(sql);
    expect(plan.join('\n')).toMatch(index);
    expect(plan.join('\n')).not.toMatch(/^SCAN|USE TEMP B-TREE/m);
  });
});
