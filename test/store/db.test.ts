import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.ts';
import { openMigratedSqlite } from './open-test-database.ts';

describe('openSqlite', () => {
  const tmp = tempDir();
  afterEach(() => tmp.cleanup());

  it('creates the folder, applies migrations, and turns on WAL and foreign keys', async () => {
    const db = await openMigratedSqlite(join(tmp.dir, 'nested', 'coach.db'));
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.sqlite
      .prepare("select name from sqlite_master where type='table'")
      .all()
      .map((r) => (r as { name: string }).name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'roadmaps',
        'topics',
        'members',
        'identities',
        'progress',
        'progress_events',
        'workspaces',
      ]),
    );
    expect(() => db.sqlite.prepare('insert into progress values (999, 999, ?, 0)').run('done')).toThrow(/FOREIGN KEY/);
    db.sqlite.close();
    const again = await openMigratedSqlite(join(tmp.dir, 'nested', 'coach.db')); // migrations already applied: a no-op
    again.sqlite.close();
  });
});
