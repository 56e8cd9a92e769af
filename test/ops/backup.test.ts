// An online backup taken while the bot writes: it opens, passes SQLite's integrity check, and holds every row
// committed before it began, with no gap.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../src/ops/backup.ts';
import { createTestApp, type TestApp } from '../helpers.ts';

let app: TestApp;
afterEach(() => app.close());

describe('backupDatabase', () => {
  it('copies a consistent snapshot during writes', async () => {
    app = await createTestApp();
    const file = app.sqlite.name;
    const topics = (await app.q.content.roadmap('backend'))!.topics;
    let writes = 0;
    const write = () =>
      app.say(`${writes % 2 ? 'reset' : 'done'} ${topics[writes % topics.length]!.path}`, { id: `u${writes++ % 50}` });
    for (let i = 0; i < 300; i++) await write();
    const committedBefore = (app.sqlite.prepare('select count(*) n from progress_events').get() as { n: number }).n;

    let writing = true;
    const writer = (async () => {
      while (writing) {
        await write();
        await new Promise((r) => setImmediate(r));
      }
    })();
    const destination = join(file, '..', 'backup.db');
    const { pages } = await backupDatabase(file, destination);
    writing = false;
    await writer;
    expect(pages).toBeGreaterThan(10);

    const copy = new Database(destination, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const { n, max } = copy.prepare('select count(*) n, max(id) max from progress_events').get() as {
      n: number;
      max: number;
    };
    expect(n).toBeGreaterThanOrEqual(committedBefore);
    expect(max).toBe(n); // ids 1..n: no committed row missing in the middle
    expect(copy.prepare('select count(*) n from topics').get()).toEqual({ n: topics.length });
    copy.close();
  });

  it('refuses to overwrite a file or to copy a database that does not exist', async () => {
    app = await createTestApp();
    const file = app.sqlite.name;
    await expect(backupDatabase(file, file)).rejects.toThrow(/exists already/);
    await expect(backupDatabase(join(file, '..', 'missing.db'), join(file, '..', 'x.db'))).rejects.toThrow(
      /no database/,
    );
  });
});
