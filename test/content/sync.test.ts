import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { consequence, syncContent } from '../../src/content/sync.ts';
import { createStore } from '../../src/store/index.ts';
import { CONTENT_DIR, createTestApp, rowCounts, type TestApp, tempDir, textOf } from '../helpers.ts';
import { openMigratedSqlite } from '../store/open-test-database.ts';

const OURS = readFileSync(join(CONTENT_DIR, 'backend.md'), 'utf8');

describe('syncContent', () => {
  let app: TestApp;
  let content: ReturnType<typeof tempDir>;
  afterEach(async () => {
    await app.close();
    content.cleanup();
  });

  async function setup(markdown = OURS) {
    content = tempDir();
    writeFileSync(join(content.dir, 'backend.md'), markdown);
    app = await createTestApp({ contentDir: content.dir });
    return content.dir;
  }

  it('loads every content file and is idempotent', async () => {
    const dir = await setup();
    copyFileSync(new URL('../fixtures/roadmaps/hand-written.md', import.meta.url), join(dir, 'frontend.md'));
    const first = await syncContent(dir, app.store, 1);
    expect(first.failed).toEqual([]);
    expect(first.loaded.map((l) => [l.roadmap, l.added])).toEqual([
      ['backend', 0],
      ['frontend', 5],
    ]);
    const before = await rowCounts(app);
    const again = await syncContent(dir, app.store, 2);
    expect(again.loaded.every((l) => l.unchanged)).toBe(true);
    expect(await rowCounts(app)).toEqual(before);
  });

  it(
    'keeps progress when a file is edited, retires removed ' + 'topics without deleting them, and revives them',
    async () => {
      const dir = await setup();
      await app.say('done redis');
      await app.say('start mongodb');
      const edited = OURS.replace(/^- \*\*Redis\*\*.*\n( {2}- .*\n)+/m, '').replace(
        '**MongoDB**: ',
        '**MongoDB**: Edited summary. ',
      );
      writeFileSync(join(dir, 'backend.md'), edited);
      const report = await syncContent(dir, app.store, 2);
      expect(report.loaded[0]).toMatchObject({ retired: 1, added: 0, unchanged: false });

      expect(textOf(await app.say('topic mongodb'))).toContain('Edited summary.');
      expect(textOf(await app.say('topic mongodb'))).toContain('Your progress: learning');
      expect(textOf(await app.say('topic redis'))).toContain("can't find a topic");
      const progressRows = (await app.sql.get('select count(*) n from progress')) as { n: number };
      expect(progressRows.n).toBe(2); // the retired topic's "done" is kept

      writeFileSync(join(dir, 'backend.md'), OURS);
      const restoring = await syncContent(dir, app.store, 3);
      expect(restoring.loaded[0]).toMatchObject({
        restored: 1,
        added: 0,
        retired: 0,
        updated: restoring.loaded[0]!.topics - 1,
      });
      expect(textOf(await app.say('topic redis'))).toContain('Your progress: done');
    },
  );

  it('a load by another process on the same database file shows in the next command here', async () => {
    const dir = await setup();
    expect(textOf(await app.say('topic mongodb'))).not.toContain('Reloaded summary');
    writeFileSync(join(dir, 'backend.md'), OURS.replace('**MongoDB**: ', '**MongoDB**: Reloaded summary. '));
    // `load-content` in another process: a second connection to the same file.
    const other = await openMigratedSqlite(app.sqlite.name);
    expect((await syncContent(dir, createStore(other), 5)).loaded).toEqual([
      expect.objectContaining({ roadmap: 'backend', unchanged: false }),
    ]);
    other.sqlite.close();
    expect(textOf(await app.say('topic mongodb'))).toContain('Reloaded summary');
  });

  it('rejects a malformed file whole: nothing of it is loaded and the previous version stays', async () => {
    const dir = await setup();
    const before = await rowCounts(app);
    const broken = OURS.replace('- **Flask**:', '#### Oops\n- **Flask**:').replace(/Express\.js/g, 'Express 5');
    writeFileSync(join(dir, 'backend.md'), broken);
    const report = await syncContent(dir, app.store, 2);
    expect(report.loaded).toEqual([]);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]!.message).toMatch(/backend\.md:\d+: headings go three levels deep/);
    expect(report.failed[0]).toMatchObject({ roadmap: 'backend', keptPrevious: true });
    expect(await rowCounts(app)).toEqual(before);
    expect(textOf(await app.say('topic express'))).toContain('Express.js');
  });

  it('refuses a file that is not UTF-8 by file and line, and says a new roadmap was never loaded', async () => {
    const dir = await setup();
    const latin1 = Buffer.from('# Cafe roadmap\n\n## Basics\n\n- **Café**: the accent is one Latin-1 byte\n', 'latin1');
    writeFileSync(join(dir, 'cafe.md'), latin1);
    const report = await syncContent(dir, app.store, 2);
    expect(report.loaded.map((l) => l.roadmap)).toEqual(['backend']);
    expect(report.failed).toEqual([
      {
        roadmap: 'cafe',
        file: join(dir, 'cafe.md'),
        line: 5,
        keptPrevious: false,
        message:
          `${join(dir, 'cafe.md')}:5: ` +
          'the file is not UTF-8 text (another encoding, such as Latin-1?); save it as UTF-8',
      },
    ]);
    expect(consequence(report.failed[0]!)).toBe('roadmap "cafe" is not loaded (no earlier version of it was)');
    expect(await app.q.content.roadmap('cafe')).toBeUndefined();

    // The same file saved as UTF-8 loads, with its accent intact.
    writeFileSync(join(dir, 'cafe.md'), latin1.toString('latin1'));
    expect((await syncContent(dir, app.store, 3)).failed).toEqual([]);
    expect((await app.q.content.roadmap('cafe'))!.topics.map((t) => t.title)).toEqual(['Café']);
  });
});
