// The benchmarks' data: one workspace of N members (each with a time zone, as every Slack member has) and their
// progress over the year before the benchmark's fixed "now", bulk-inserted with SQL. Shared by the core, dashboard,
// dialects and Slack benchmarks, so each measures the same shape of data.
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { fixedClock } from '../src/clock.ts';
import { syncContent } from '../src/content/sync.ts';
import { catchUpLocalDays } from '../src/core/boards/local-days.ts';
import { createStore } from '../src/store/index.ts';
import { CONTENT_DIR, type tempDir } from '../test/helpers.ts';
import { openMigratedSqlite } from '../test/store/open-test-database.ts';

export const NOW = '2026-11-26T09:00:00Z';
const NOW_MS = Date.parse(NOW);
const YEAR_MS = 365 * 86_400_000;

export interface Scale {
  members: number;
  events: number; // progress events, spread evenly over the year before NOW
}

export const SCALES: Record<string, Scale> = {
  '1k': { members: 1_000, events: 100_000 },
  '10k': { members: 10_000, events: 1_000_000 },
  '100k': { members: 100_000, events: 10_000_000 },
};

/** Zones the seeded members live in (member id modulo the list): both hemispheres, half-hour offsets, no DST. */
export const MEMBER_ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Sydney',
  'America/Sao_Paulo',
  'Asia/Tokyo',
  'Europe/London',
  'America/Los_Angeles',
];

/** Event n's time, as SQL: the log ends just before NOW, so nothing lies in the future. */
export function eventAtSql(scale: Scale, n = 'n'): string {
  const step = Math.floor(YEAR_MS / scale.events);
  return `(${NOW_MS - step * scale.events} + ${n} * ${step})`;
}

/** When each seeded topic state was last set, as SQL over progress's columns: somewhere in the year before NOW. */
// The cast: PostgreSQL multiplies two integers as int4, and seconds × 1000 overflows it (SQLite's integers are 64-bit).
export const PROGRESS_UPDATED_AT_SQL = `${NOW_MS - YEAR_MS} + cast((member_id * 7919 + topic_id * 104729) % ${YEAR_MS / 1000} as bigint) * 1000`;

/** Time zones for the seeded members, as SQL both engines run. */
export const MEMBER_ZONES_SQL = `update members set time_zone = case id % ${MEMBER_ZONES.length} ${MEMBER_ZONES.map(
  (zone, i) => `when ${i} then '${zone}'`,
).join(' ')} end`;

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
    select m.id, t.id, 'learning', 0 from members m join topics t on t.position = m.id % 30 where m.id % 3 = 0;
  update progress set updated_at = ${PROGRESS_UPDATED_AT_SQL};`;

/** member_stats, member_days, workspace_member_stats, workspace_period_points and workspace_counts from the rows, as the triggers would
 *  have kept them (the backfills of migrations/sqlite 0006, 0015, 0018 and 0020; the UTC month's first day is the one thing
 *  the engines spell differently). */
export function keptTotalsSql(engine: 'sqlite' | 'postgres'): string {
  const monthStartDay = (at: string) =>
    engine === 'sqlite'
      ? `cast(julianday(date(${at} / 1000, 'unixepoch', 'start of month')) - 2440587.5 as integer)`
      : `(date_trunc('month', to_timestamp(${at} / 1000.0) at time zone 'UTC')::date - date '1970-01-01')`;
  return `
  insert into member_days (member_id, day) select distinct member_id, at / 86400000 from progress_events;
  insert into member_stats (member_id, done_count, last_progress_at, active_days)
    select m.id, coalesce(p.n, 0), e.at, coalesce(d.n, 0) from members m
      left join (select member_id, count(*) n from progress where state = 'done' group by member_id) p
        on p.member_id = m.id
      left join (select member_id, max(at) at from progress_events group by member_id) e on e.member_id = m.id
      left join (select member_id, count(*) n from member_days group by member_id) d on d.member_id = m.id
    where p.n is not null or e.at is not null;
  insert into workspace_member_stats (workspace_id, member_id, hidden, done_count, active_days, last_progress_at,
      joined_at)
    select i.workspace_id, m.id, case when m.privacy = 'hide' then 1 else 0 end, s.done_count, s.active_days,
      s.last_progress_at, min(i.created_at)
    from identities i join members m on m.id = i.member_id join member_stats s on s.member_id = m.id
    group by i.workspace_id, m.id, m.privacy, s.done_count, s.active_days, s.last_progress_at;
  insert into workspace_period_points (workspace_id, member_id, kind, start_day, hidden, points)
    select w.workspace_id, w.member_id, k.kind, case k.kind
        when 'week' then p.updated_at / 86400000 - (p.updated_at / 86400000 + 3) % 7
        else ${monthStartDay('p.updated_at')} end, w.hidden, count(*)
    from workspace_member_stats w join progress p on p.member_id = w.member_id and p.state = 'done'
      cross join (select 'week' as kind union all select 'month') k
    group by 1, 2, 3, 4, 5;
  insert into workspace_counts (workspace_id, visible, visible_scorers, hidden_scorers)
    select workspace_id, sum(case when hidden = 0 then 1 else 0 end),
      sum(case when hidden = 0 and done_count > 0 then 1 else 0 end),
      sum(case when hidden = 1 and done_count > 0 then 1 else 0 end)
    from workspace_member_stats group by workspace_id;`;
}

/** A store in a temp folder with the roadmap loaded and the scale's seed, on a clock fixed at NOW. */
export async function seededStore(tmp: ReturnType<typeof tempDir>, scale: Scale = SCALES['10k']!, file = 'bench.db') {
  const db = await openMigratedSqlite(join(tmp.dir, file));
  const store = createStore(db);
  const clock = fixedClock(NOW);
  await syncContent(CONTENT_DIR, store, clock.now().getTime());
  const seeded = seed(db.sqlite, scale);
  // The boards' local days, counted as the bot counts them when it first opens a database the triggers did not fill
  // (decision 032): the seed leaves the workspace's days_zone empty.
  const started = performance.now();
  await catchUpLocalDays(store, clock.now().getTime());
  seeded.recountMs = performance.now() - started;
  // As the bot runs: WAL checkpoints in a worker thread, which its sender's first heartbeat (an immediate transaction,
  // at start) sets going.
  db.checkpointInThread();
  await db.transaction(async () => {}, { immediate: true });
  return { db, store, clock, seeded };
}

/** Bulk rows with SQL: members with zones and identities in one workspace (Europe/Berlin), a 30-topic spread of
 *  progress, and the scale's events round-robin over the members. The statistics are gathered, as production's
 *  `PRAGMA optimize` does. */
export function seed(sqlite: BetterSqlite3.Database, scale: Scale = SCALES['10k']!) {
  const start = performance.now();
  // Bulk rows go in with the triggers off (a trigger per event is most of a 10M-event seed) and a large page cache;
  // the kept totals are then filled in one statement each, as the migrations fill them for an existing database.
  const triggers = sqlite
    .prepare("select name, sql from sqlite_master where type = 'trigger' and sql is not null")
    .all() as { name: string; sql: string }[];
  const cacheSize = sqlite.pragma('cache_size', { simple: true });
  sqlite.pragma('cache_size = -1000000');
  sqlite.transaction(() => {
    for (const t of triggers) sqlite.exec(`drop trigger "${t.name}"`);
    sqlite
      .prepare(
        "insert into workspaces (platform, external_id, name, roadmap_id, time_zone, created_at) values ('bench', " +
          "'bench', 'Bench', 'backend', 'Europe/Berlin', 0)",
      )
      .run();
    sqlite.exec(`
      with recursive seq(n) as (select 0 union all select n + 1 from seq where n < ${scale.members - 1})
      insert into members (id, display_name, created_at) select n + 1, 'Member ' || n, 0 from seq;
      ${MEMBER_ZONES_SQL};
      insert into identities (workspace_id, platform_user_id, member_id, display_name, created_at)
        select 1, 'u' || (id - 1), id, display_name, 0 from members;
      ${TRACKS_AND_PROGRESS_SQL}
      with recursive seq(n) as (select 0 union all select n + 1 from seq where n < ${scale.events - 1})
      insert into progress_events (member_id, topic_id, from_state, to_state, at)
        select n % ${scale.members} + 1, (n / ${scale.members}) % 39 + 1, null, case n % 3 when 0 then 'learning'
          else 'done' end, ${eventAtSql(scale)} from seq;
    `);
    sqlite.exec(keptTotalsSql('sqlite'));
    for (const t of triggers) sqlite.exec(t.sql);
  })();
  sqlite.pragma(`cache_size = ${cacheSize}`);
  sqlite.exec('analyze');
  const count = (t: string) => (sqlite.prepare(`select count(*) n from ${t}`).get() as { n: number }).n;
  return {
    members: count('members'),
    events: count('progress_events'),
    progress: count('progress'),
    ms: performance.now() - start,
    recountMs: 0, // seededStore's recount of the local days, when it made one
  };
}

/** A topic no seeded member has touched: the seed's progress stops at position 29 (`TRACKS_AND_PROGRESS_SQL`). */
export const UNSEEDED_TOPIC = 'monitoring';

/** Every sample a real write: `done` for an asker who has not done the topic, `reset` for one who has. With a topic
 *  half the seeded members had done (`redis`), asked done and reset in turn, 42–78% of the samples wrote nothing
 *  ("already done", or a reset of nothing). `place` keeps askers of different databases apart. */
export function toggling(topic: string): (asker: number, place: string) => string {
  const done = new Set<string>();
  return (asker, place) => {
    const key = `${place}/${asker}`;
    if (done.delete(key)) return `reset ${topic}`;
    done.add(key);
    return `done ${topic}`;
  };
}
