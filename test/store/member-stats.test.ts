// member_stats is kept by triggers (migrations/sqlite/0006). Whatever path writes progress, it must equal a recount.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catchUpLocalDays } from '../../src/core/boards/local-days.ts';
import { plain } from '../../src/core/model/reply.ts';
import { createStore } from '../../src/store/index.ts';
import { createTestApp, type TestApp, tempDir } from '../helpers.ts';
import { openMigratedSqlite } from './open-test-database.ts';

let app: TestApp;
beforeEach(async () => (app = await createTestApp({ now: '2026-11-10T09:00:00Z' })));
afterEach(() => app.close());

const ADA = { id: 'ada', platform: 'terminal', workspace: 'local', displayName: 'Ada' };
const ADA_ON_DISCORD = { id: '1400000000000000001', platform: 'discord', workspace: 'guild-1', displayName: 'Ada L' };
const GRACE = { id: 'grace', platform: 'terminal', workspace: 'local', displayName: 'Grace' };

interface Stats {
  member_id: number;
  done_count: number;
  last_progress_at: number | null;
}

/** What the triggers keep, and the same figures counted from the rows themselves, for members with any. */
function kept(): Stats[] {
  return app.sqlite
    .prepare(
      'select member_id, done_count, last_progress_at from member_stats where done_count > 0 or last_progress_at is ' +
        'not null order by member_id',
    )
    .all() as Stats[];
}
function recounted(): Stats[] {
  return app.sqlite
    .prepare(`
    select m.id member_id,
      (select count(*) from progress p where p.member_id = m.id and p.state = 'done') done_count,
      (select max(at) from progress_events e where e.member_id = m.id) last_progress_at
    from members m where done_count > 0 or last_progress_at is not null order by m.id`)
    .all() as Stats[];
}

async function codeFor(who: object): Promise<string> {
  const reply = await app.say('link', who);
  const line = reply.blocks
    .flatMap((b) => (b.type === 'text' ? [plain(b.spans)] : []))
    .find((t) => t.startsWith('/roadmap link '));
  return line!.slice('/roadmap link '.length);
}

describe('member_stats', () => {
  it('follows done, redo, start, skip and reset', async () => {
    await app.say('done redis', ADA);
    await app.say('done redis', ADA); // no change of state: no double count
    await app.say('done mysql', ADA);
    app.clock.set('2026-11-11T09:00:00Z');
    await app.say('start mysql confirm', ADA); // done → learning (a done topic is started again only when confirmed)
    await app.say('skip docker compose', ADA);
    await app.say('done docker compose', ADA); // skipped → done
    await app.say('reset redis', ADA); // done → no row
    expect(kept()).toEqual([{ member_id: 1, done_count: 1, last_progress_at: Date.parse('2026-11-11T09:00:00Z') }]);
    expect(kept()).toEqual(recounted());
  });

  it('follows a link merge with overlapping progress, then an unlink that copies it', async () => {
    await app.say('done redis', ADA);
    await app.say('start mysql', ADA);
    app.clock.set('2026-11-12T09:00:00Z');
    await app.say('done mysql', ADA_ON_DISCORD); // more advanced than Ada's learning: it wins the merge
    await app.say('done redis', ADA_ON_DISCORD); // done on both sides: counted once
    await app.say('done docker compose', ADA_ON_DISCORD);
    await app.say('done redis', GRACE);
    await app.say(`link ${await codeFor(ADA)}`, ADA_ON_DISCORD);
    const merged = kept();
    expect(merged).toHaveLength(2);
    expect(merged.map((s) => s.done_count).sort()).toEqual([1, 3]);
    expect(merged.find((s) => s.done_count === 3)!.last_progress_at).toBe(Date.parse('2026-11-12T09:00:00Z'));
    expect(merged).toEqual(recounted());

    await app.say('unlink', ADA_ON_DISCORD); // a new member starting from a copy of the progress
    const split = app.sqlite.prepare('select member_id, done_count from member_stats where done_count = 3').all();
    expect(split).toHaveLength(2);
    expect(kept().filter((s) => s.last_progress_at !== null)).toEqual(
      recounted().filter((s) => s.last_progress_at !== null),
    );
    expect(app.sqlite.prepare('select count(*) n from member_stats').get()).toEqual({ n: recounted().length });
  });

  it('goes with the member on forget, and nothing brings it back', async () => {
    await app.say('done redis', ADA);
    await app.say('done mysql', ADA);
    await app.say('done redis', GRACE);
    await app.say('forget', ADA);
    await app.say('forget confirm', ADA);
    const grace = app.sqlite.prepare("select member_id from identities where platform_user_id = 'grace'").get() as {
      member_id: number;
    };
    expect(kept()).toEqual([expect.objectContaining({ member_id: grace.member_id, done_count: 1 })]);
    expect(app.sqlite.prepare('select count(*) n from member_stats').get()).toEqual({ n: 1 });
    expect(kept()).toEqual(recounted());
  });
});

describe('the member_stats migration', () => {
  it('counts the progress a database already holds when it is upgraded', async () => {
    const tmp = tempDir();
    try {
      // A database as the release before member_stats left it: migrations up to 0005 only.
      const older = join(tmp.dir, 'migrations');
      cpSync(join('migrations', 'sqlite'), older, { recursive: true });
      const journalFile = join(older, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
      writeFileSync(
        journalFile,
        JSON.stringify({ ...journal, entries: journal.entries.filter((e) => e.tag < '0006') }),
      );
      const file = join(tmp.dir, 'coach.db');
      const sqlite = new Database(file);
      migrate(drizzle(sqlite), { migrationsFolder: older });
      sqlite.exec(`
        insert into roadmaps values ('backend', 'Backend', 'x', 0);
        insert into topics (roadmap_id, path, position, section_slug, section_title, slug, title, summary, resources)
          values ('backend', 'b/a', 0, 's', 'S', 'a', 'A', '', '[]'), ('backend', 'b/b', 1, 's', 'S', 'b', 'B', '',
            '[]');
        insert into members (id, display_name, created_at) values (1, 'Ada', 0), (2, 'Grace', 0), (3, 'Linus', 0);
        insert into workspaces (id, platform, external_id, roadmap_id, created_at) values (1, 't', 'w', 'backend', 0);
        insert into identities (workspace_id, platform_user_id, member_id, display_name, created_at)
          values (1, 'ada', 1, 'Ada', 3), (1, 'ada2', 1, 'Ada', 2), (1, 'grace', 2, 'Grace', 4);
        insert into progress values (1, 1, 'done', 5), (1, 2, 'done', 2764800000), (2, 1, 'learning', 7);
        insert into progress_events (member_id, topic_id, to_state, at) values (1, 1, 'done', 5), (1, 2, 'done', 6),
          (1, 2, 'done', 86400006), (2, 1, 'learning', 7);`);
      sqlite.close();

      const upgraded = await openMigratedSqlite(file);
      expect(upgraded.sqlite.prepare('select * from member_stats order by member_id').all()).toEqual([
        { member_id: 1, done_count: 2, last_progress_at: 86400006, active_days: 2 },
        { member_id: 2, done_count: 0, last_progress_at: 7, active_days: 1 },
        { member_id: 3, done_count: 0, last_progress_at: null, active_days: 0 },
      ]);
      // 0014's backfill: each member of a workspace once, joined with their earliest identity there.
      expect(upgraded.sqlite.prepare('select * from workspace_member_stats order by member_id').all()).toEqual([
        {
          workspace_id: 1,
          member_id: 1,
          hidden: 0,
          done_count: 2,
          active_days: 2,
          last_progress_at: 86400006,
          joined_at: 2,
        },
        { workspace_id: 1, member_id: 2, hidden: 0, done_count: 0, active_days: 1, last_progress_at: 7, joined_at: 4 },
      ]);
      // 0018's backfill: Ada's two topics done, one on Thursday 1 January 1970 (the UTC week from Monday 29 December,
      // day -3) and one on Monday 2 February (day 32, a week and a month of its own).
      const bucket = (kind: string, start_day: number) => ({
        workspace_id: 1,
        member_id: 1,
        kind,
        start_day,
        hidden: 0,
        points: 1,
        days: 0,
      });
      const buckets = () =>
        upgraded.sqlite.prepare('select * from workspace_period_points order by member_id, kind, start_day').all();
      expect(buckets()).toEqual([bucket('month', 0), bucket('month', 31), bucket('week', -3), bucket('week', 32)]);
      // 0025 counts no local days (SQL has no zone database): the bot does, when it opens the file (decision 032).
      expect(upgraded.sqlite.prepare('select count(*) n from workspace_member_days').get()).toEqual({ n: 0 });
      expect(await catchUpLocalDays(createStore(upgraded), 2 * 86_400_000)).toBe(1);
      expect(upgraded.sqlite.prepare('select * from workspace_member_days order by member_id, day').all()).toEqual([
        { workspace_id: 1, member_id: 1, day: 0 },
        { workspace_id: 1, member_id: 1, day: 1 },
        { workspace_id: 1, member_id: 2, day: 0 },
      ]);
      // Ada's days 0 and 1 fall in the week from day -3 and the month from day 0; Grace has buckets of days alone.
      expect(buckets()).toEqual([
        { ...bucket('month', 0), days: 2 },
        bucket('month', 31),
        { ...bucket('week', -3), days: 2 },
        bucket('week', 32),
        { ...bucket('month', 0), member_id: 2, points: 0, days: 1 },
        { ...bucket('week', -3), member_id: 2, points: 0, days: 1 },
      ]);
      expect(upgraded.sqlite.prepare('select days_zone, days_from from workspaces').all()).toEqual([
        { days_zone: 'UTC', days_from: 2 * 86_400_000 - 62 * 86_400_000 },
      ]);
      upgraded.sqlite.close();
    } finally {
      tmp.cleanup();
    }
  });
});
