// Core benchmark: a store with 10,000 members and 1,000,000 progress events; next, topic and progress through the
// core, and the time to load content/backend.md. Targets (issue 2): p99 under 1 ms per command, load under 100 ms.
import { join } from 'node:path';
import { fixedClock } from '../src/clock.ts';
import { syncContent } from '../src/content/sync.ts';
import { createCore } from '../src/core/index.ts';
import { createLog } from '../src/log.ts';
import { createStore } from '../src/store/index.ts';
import { CONTENT_DIR, tempDir } from '../test/helpers.ts';
import { openMigratedSqlite } from '../test/store/open-test-database.ts';
import { report, timeEach } from './stats.ts';

const MEMBERS = 10_000;
const EVENTS = 1_000_000;
const RUNS = 5_000;

/** A store in a temp folder with the roadmap loaded and the 10,000-member / 1,000,000-event seed, on a fixed clock. */
/** Tracks and progress for the seeded members, in SQL both engines run (bench/dialects.ts seeds PostgreSQL with it). */
export const TRACKS_AND_PROGRESS_SQL = `
  insert into track_choices (member_id, roadmap_id, section_slug, group_slug, chosen_at)
    select id, 'backend', 'choose-your-backend-language', case id % 4 when 0 then 'nodejs' when 1 then 'python'
      when 2 then 'go' else 'ruby-on-rails' end, 0
    from members where id % 5 <> 0;
  insert into progress (member_id, topic_id, state, updated_at)
    select m.id, t.id, case when t.position % 7 = 3 then 'skipped' else 'done' end, 0 from members m
      join topics t on t.position < m.id % 30;
  insert into progress (member_id, topic_id, state, updated_at)
    select m.id, t.id, 'learning', 0 from members m join topics t on t.position = m.id % 30 where m.id % 3 = 0;`;

export async function seededStore(tmp: ReturnType<typeof tempDir>) {
  const db = await openMigratedSqlite(join(tmp.dir, 'bench.db'));
  const store = createStore(db);
  const clock = fixedClock('2026-11-26T09:00:00Z');
  await syncContent(CONTENT_DIR, store, clock.now().getTime());
  return { db, store, clock, seeded: seed(db.sqlite) };
}

export async function runCoreBench(print: (line: string) => void = console.log): Promise<void> {
  const tmp = tempDir();
  try {
    const { store, clock, seeded } = await seededStore(tmp);
    print(
      `core: seeded ${seeded.members} members, ${seeded.events} progress events, ${seeded.progress} progress rows in ` +
        `${seeded.ms.toFixed(0)} ms`,
    );

    const core = createCore({ store, clock, log: createLog('error'), defaultRoadmap: 'backend' });
    const ask = (text: string, i: number) =>
      core.handle({
        platform: 'bench',
        workspace: { id: 'bench' },
        user: { id: `u${(i * 7919) % MEMBERS}`, displayName: `Member ${(i * 7919) % MEMBERS}` },
        place: { direct: true },
        text,
      });
    await timeEach(1000, (i) => ask('next', i)); // warm caches and the JIT
    print(report('next', await timeEach(RUNS, (i) => ask('next', i)), 1));
    print(report('topic graphql resolvers', await timeEach(RUNS, (i) => ask('topic graphql resolvers', i)), 1));
    print(report('topic kuberneetes pods', await timeEach(RUNS, (i) => ask('topic kuberneetes pods', i)), 1));
    print(report('progress', await timeEach(RUNS, (i) => ask('progress', i)), 1));
    print(report('done|reset (writes)', await timeEach(RUNS, (i) => ask(i % 2 ? 'done redis' : 'reset redis', i))));
    await store.close();

    // Each load goes into a fresh database, the cold case: every topic is inserted.
    const loads: number[] = [];
    for (let i = 0; i < 20; i++) {
      const fresh = await openMigratedSqlite(join(tmp.dir, `load-${i}.db`));
      const [sample] = await timeEach(1, () => syncContent(CONTENT_DIR, createStore(fresh), 1));
      loads.push(sample!);
      await fresh.close();
    }
    print(report('load content/backend.md', loads, 100));
  } finally {
    tmp.cleanup();
  }
}

/** Bulk rows with SQL: members with identities, a 30-topic spread
 *  of progress, and 100 events each. Shared with bench/team.ts. */
export function seed(sqlite: import('better-sqlite3').Database) {
  const start = performance.now();
  sqlite.transaction(() => {
    sqlite
      .prepare(
        "insert into workspaces (platform, external_id, name, roadmap_id, created_at) values ('bench', 'bench', " +
          "'Bench', 'backend', 0)",
      )
      .run();
    sqlite.exec(`
      with recursive seq(n) as (select 0 union all select n + 1 from seq where n < ${MEMBERS - 1})
      insert into members (id, display_name, created_at) select n + 1, 'Member ' || n, 0 from seq;
      insert into identities (workspace_id, platform_user_id, member_id, display_name, created_at)
        select 1, 'u' || (id - 1), id, display_name, 0 from members;
      ${TRACKS_AND_PROGRESS_SQL}
      with recursive seq(n) as (select 0 union all select n + 1 from seq where n < ${EVENTS - 1})
      insert into progress_events (member_id, topic_id, from_state, to_state, at)
        select n % ${MEMBERS} + 1, (n / ${MEMBERS}) % 39 + 1, null, case n % 3 when 0 then 'learning'
          else 'done' end, 1767225600000 + n * 30000 from seq;
    `);
  })();
  const count = (t: string) => (sqlite.prepare(`select count(*) n from ${t}`).get() as { n: number }).n;
  return {
    members: count('members'),
    events: count('progress_events'),
    progress: count('progress'),
    ms: performance.now() - start,
  };
}
