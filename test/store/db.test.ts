import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db.ts';
import { tempDir } from '../helpers.ts';

describe('openDb', () => {
  const tmp = tempDir();
  afterEach(() => tmp.cleanup());

  it('creates the folder, applies migrations, and turns on WAL and foreign keys', () => {
    const db = openDb(join(tmp.dir, 'nested', 'coach.db'));
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.$client
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
    expect(() => db.$client.prepare('insert into progress values (999, 999, ?, 0)').run('done')).toThrow(/FOREIGN KEY/);
    db.$client.close();
    const again = openDb(join(tmp.dir, 'nested', 'coach.db')); // migrations already applied: a no-op
    again.$client.close();
  });
});
