// Dialects benchmark (issue 14): the same seed (10,000 members, 1,000,000 progress events) in SQLite and in
// PostgreSQL, then the real core's commands and the 100,000-schedule enqueue on each, side by side in one table.
// Targets: SQLite command p99 < 1 ms, boards < 25 ms, enqueue < 2 s (issues 2, 3, the scheduler's); PostgreSQL on
// loopback command p99 < 5 ms, boards < 50 ms, enqueue < 5 s. The PostgreSQL column needs a server the bench may
// create a database on: BENCH_DATABASE_URL (or TEST_DATABASE_URL); the database is dropped after.
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { fixedClock } from '../src/clock.ts';
import { syncContent } from '../src/content/sync.ts';
import { catchUpLocalDays } from '../src/core/boards/local-days.ts';
import { createCore } from '../src/core/index.ts';
import { queueDue } from '../src/core/outbound/queue-due.ts';
import { createLog } from '../src/log.ts';
import { createStore, type Store } from '../src/store/index.ts';
import { openPostgres } from '../src/store/postgres/engine.ts';
import { CONTENT_DIR, tempDir } from '../test/helpers.ts';
import { openMigratedSqlite } from '../test/store/open-test-database.ts';
import {
  eventAtSql,
  keptTotalsSql,
  MEMBER_ZONES_SQL,
  SCALES,
  seed as seedSqlite,
  TRACKS_AND_PROGRESS_SQL,
  toggling,
  UNSEEDED_TOPIC,
} from './seed.ts';
import { judge, percentile, timeEach } from './stats.ts';

const MEMBERS = 10_000;
const EVENTS = 1_000_000;
const SCHEDULES = 100_000;
// Per command and engine (a multiple of ROUNDS): p99 of 2,000 samples is the 20th slowest.
const RUNS = Math.ceil((Number(process.env.BENCH_RUNS) || 2_000) / 10) * 10;
const ROUNDS = 10;
const WARM = 200;
const NOW = '2026-11-26T09:00:00Z';
const DUE = Date.parse(NOW);
const YEAR_START = 1767225600000; // 2026-01-01, where the seeded events start

export const DIALECTS_URL = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
export const SKIPPED_LINE =
  'dialects: PostgreSQL column skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a server the bench may ' +
  'create a database on, e.g. BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench dialects';

/** What each engine's column is measured on. `sql` runs one raw statement outside the store: seeding and checks only. */
interface Engine {
  name: 'SQLite' | 'PostgreSQL';
  store: Store;
  sql(text: string): Promise<Record<string, unknown>[]>;
  seedMs: number;
  close(): Promise<void>;
}

interface Row {
  label: string;
  kind: 'command' | 'board' | 'enqueue' | 'info';
  cells: Partial<Record<Engine['name'], string>>;
  p99: Partial<Record<Engine['name'], number>>;
}

// p99 targets per kind and engine, in ms; 'info' rows have none.
const TARGETS = {
  command: { SQLite: 1, PostgreSQL: 5 },
  board: { SQLite: 25, PostgreSQL: 50 },
  enqueue: { SQLite: 2000, PostgreSQL: 5000 },
} as const;

export async function runDialectsBench(print: (line: string) => void = console.log): Promise<void> {
  const tmp = tempDir();
  const engines: Engine[] = [];
  try {
    engines.push(await openSqliteEngine(join(tmp.dir, 'bench.db')));
    if (DIALECTS_URL) engines.push(await openPostgresEngine(DIALECTS_URL));
    for (const e of engines) print(`dialects: ${e.name} seeded in ${(e.seedMs / 1000).toFixed(1)} s`);
    print(`dialects: load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores before measuring`);
    await sameData(engines, print);

    const rows: Row[] = [];
    // Engines take turns in rounds, so a slow spell on a shared machine falls on both columns alike.
    const measure = async (label: string, kind: Row['kind'], text: (asker: number, engine: string) => string) => {
      const row: Row = { label, kind, cells: {}, p99: {} };
      const asks = engines.map((e) => asker(e.store, e.name, text));
      const samples = engines.map((): number[] => []);
      for (const ask of asks) await timeEach(WARM, (i) => ask(i)); // caches, the JIT, prepared plans
      for (let round = 0; round < ROUNDS; round++) {
        const from = (round * RUNS) / ROUNDS;
        for (const [n, ask] of asks.entries())
          samples[n]!.push(...(await timeEach(RUNS / ROUNDS, (i) => ask(from + i))));
      }
      for (const [n, e] of engines.entries()) {
        row.p99[e.name] = percentile(samples[n]!, 99);
        row.cells[e.name] = `${percentile(samples[n]!, 50).toFixed(3)} / ${row.p99[e.name]!.toFixed(3)} ms`;
      }
      rows.push(row);
    };
    await measure('next', 'command', () => 'next');
    await measure('topic graphql resolvers', 'command', () => 'topic graphql resolvers');
    await measure('topic kuberneetes pods', 'command', () => 'topic kuberneetes pods');
    await measure('progress', 'command', () => 'progress');
    await measure('leaderboard week', 'board', () => 'leaderboard week');
    await measure('leaderboard all', 'board', () => 'leaderboard all');
    await measure('team', 'board', () => 'team');
    await measure('done|reset (writes)', 'info', toggling(UNSEEDED_TOPIC));

    const enqueue: Row = { label: `enqueue ${SCHEDULES / 1000}k (one run)`, kind: 'enqueue', cells: {}, p99: {} };
    for (const e of engines) {
      await addSchedules(e);
      const start = performance.now();
      const { queued } = await queueDue({ store: e.store }, DUE);
      const ms = performance.now() - start;
      if (queued !== SCHEDULES) throw new Error(`${e.name}: queued ${queued} of ${SCHEDULES} due schedules`);
      enqueue.p99[e.name] = ms;
      enqueue.cells[e.name] = `${(ms / 1000).toFixed(2)} s`;
    }
    rows.push(enqueue);

    for (const line of table(rows, engines.length > 1)) print(line);
    print(`dialects: load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores after measuring`);
    if (!DIALECTS_URL) print(SKIPPED_LINE);
  } finally {
    for (const e of engines) await e.close();
    tmp.cleanup();
  }
}

/** Sample i's ask on one engine: rotating askers, and what each types (`engine` keeps a stateful text's askers of the
 *  two databases apart). */
function asker(store: Store, engine: string, textOf: (asker: number, engine: string) => string) {
  const core = createCore({ store, clock: fixedClock(NOW), log: createLog('error'), defaultRoadmap: 'backend' });
  return (i: number) => {
    const n = (i * 7919) % MEMBERS;
    return core.handle({
      platform: 'bench',
      workspace: { id: 'bench' },
      user: { id: `u${n}`, displayName: `Member ${n}` },
      place: { direct: true },
      text: textOf(n, engine),
    });
  };
}

/** command | SQLite median/p99 | PostgreSQL median/p99 | target | ok */
function table(rows: Row[], withPostgres: boolean): string[] {
  const target = (kind: Row['kind']) => {
    if (kind === 'info') return '(no target)';
    const t = TARGETS[kind];
    return kind === 'enqueue'
      ? `< ${t.SQLite / 1000} s | < ${t.PostgreSQL / 1000} s`
      : `p99 < ${t.SQLite} ms | < ${t.PostgreSQL} ms`;
  };
  const verdict = (row: Row) => {
    if (row.kind === 'info') return '';
    const t = TARGETS[row.kind];
    const missed = (['SQLite', 'PostgreSQL'] as const).filter((e) => row.p99[e] !== undefined && row.p99[e] >= t[e]);
    const ok = judge(
      `${row.label} on SQLite and PostgreSQL`,
      (['SQLite', 'PostgreSQL'] as const)
        .filter((e) => row.p99[e] !== undefined)
        .map((e) => `${e} ${row.p99[e]!.toFixed(row.kind === 'enqueue' ? 0 : 3)}`)
        .join(', '),
      target(row.kind),
      !missed.length,
    );
    return missed.length ? `${ok} (${missed.join(', ')})` : ok;
  };
  const widths = [26, 22, 24, 24];
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [
    line(['command', 'SQLite median / p99', 'PostgreSQL median / p99', 'target SQLite | PG', 'ok']),
    line(widths.map((w) => '-'.repeat(w)).concat('--')),
    ...rows.map((r) =>
      line([
        r.label,
        r.cells.SQLite ?? '',
        withPostgres ? (r.cells.PostgreSQL ?? '') : 'skipped',
        target(r.kind),
        verdict(r),
      ]),
    ),
    `(${RUNS} samples per command and engine after ${WARM} warm-up, in ${ROUNDS} alternating rounds; BENCH_RUNS sets the count)`,
  ];
}

// ---- SQLite: the shared bulk seed of bench/seed.ts ----

async function openSqliteEngine(file: string): Promise<Engine> {
  const db = await openMigratedSqlite(file);
  const store = createStore(db);
  const start = performance.now();
  await syncContent(CONTENT_DIR, store, DUE);
  seedSqlite(db.sqlite, SCALES['10k']);
  await catchUpLocalDays(store, DUE); // as PostgreSQL's below
  return {
    name: 'SQLite',
    store,
    seedMs: performance.now() - start,
    sql: async (text) => {
      const statement = db.sqlite.prepare(text);
      if (statement.reader) return statement.all() as Record<string, unknown>[];
      statement.run();
      return [];
    },
    close: () => store.close(),
  };
}

// ---- PostgreSQL: a database of its own, the same rows generated in the server (generate_series) ----

/** Runs one administrative statement (create/drop database) on the server `url` names. */
export async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function openPostgresEngine(base: string): Promise<Engine> {
  const name = `bench_dialects_${process.pid}`;
  await admin(base, `drop database if exists "${name}" with (force)`);
  await admin(base, `create database "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString(), { poolSize: 4 });
  const raw = new pg.Client({ connectionString: url.toString() });
  const drop = async () => {
    await raw.end().catch(() => {});
    await db.close().catch(() => {});
    await admin(base, `drop database if exists "${name}" with (force)`);
  };
  try {
    await raw.connect();
    await db.migrate();
    const store = createStore(db);
    const start = performance.now();
    await syncContent(CONTENT_DIR, store, DUE);
    await seedPostgres(raw);
    await catchUpLocalDays(store, DUE); // the boards' local days, as the bot counts them on opening (decision 032)
    return {
      name: 'PostgreSQL',
      store,
      seedMs: performance.now() - start,
      sql: async (text) => (await raw.query(text)).rows,
      close: drop,
    };
  } catch (error) {
    await drop();
    throw error;
  }
}

/** The rows bench/seed.ts makes in SQLite, statement for statement. Triggers (and
 *  with them the foreign-key checks) are off for the bulk insert; member_stats is then filled with what SQLite's
 *  triggers leave: a row for every member with an event or a done topic. sameData() compares the two afterwards. */
async function seedPostgres(client: pg.Client): Promise<void> {
  await client.query('begin');
  await client.query('set local session_replication_role = replica');
  await client.query(`
    insert into workspaces (platform, external_id, name, roadmap_id, time_zone, created_at)
      values ('bench', 'bench', 'Bench', 'backend', 'Europe/Berlin', 0);
    insert into members (id, display_name, created_at)
      select n + 1, 'Member ' || n, 0 from generate_series(0, ${MEMBERS - 1}) n;
    insert into identities (workspace_id, platform_user_id, member_id, display_name, created_at)
      select 1, 'u' || (id - 1), id, display_name, 0 from members order by id;
    ${MEMBER_ZONES_SQL};
    ${TRACKS_AND_PROGRESS_SQL}
    insert into progress_events (member_id, topic_id, from_state, to_state, at)
      select n % ${MEMBERS} + 1, (n / ${MEMBERS}) % 39 + 1, null, case n % 3 when 0 then 'learning' else 'done' end,
        ${eventAtSql(SCALES['10k']!)} from generate_series(0::bigint, ${EVENTS - 1}) n;
    ${keptTotalsSql('postgres')}
    select setval(pg_get_serial_sequence('members', 'id'), (select max(id) from members));
  `);
  await client.query('commit');
  await client.query('vacuum analyze'); // visibility map for index-only scans, and statistics for the planner
}

/** Fails the bench unless both engines hold the same rows: counts and sums over every seeded table. */
async function sameData(engines: Engine[], print: (line: string) => void): Promise<void> {
  const FINGERPRINT = `select
    (select count(*) from topics) topics, (select sum(id * (position + 1)) from topics) topic_ids,
    (select count(*) from members) members, (select count(*) from identities) identities,
    (select sum(member_id) from identities) identity_members,
    (select count(*) from track_choices) choices, (select count(*) from progress) progress,
    (select sum((updated_at - ${YEAR_START}) / 1000) from progress) progress_at,
    (select count(*) from progress where state = 'done') done,
    (select count(*) from progress_events) events, (select sum(topic_id) from progress_events) event_topics,
    (select sum((at - ${YEAR_START}) / 1000) from progress_events) event_at,
    (select count(*) from member_stats) stats, (select sum(done_count) from member_stats) stats_done,
    (select sum((last_progress_at - ${YEAR_START}) / 1000) from member_stats) stats_at`;
  const prints = await Promise.all(
    engines.map(async (e) => {
      const [row] = await e.sql(FINGERPRINT);
      return JSON.stringify(Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)])));
    }),
  );
  if (prints.some((p) => p !== prints[0]))
    throw new Error(`the engines hold different data:\n${engines.map((e, i) => `${e.name} ${prints[i]}`).join('\n')}`);
  const f = JSON.parse(prints[0]!) as Record<string, number>;
  print(
    `dialects: ${f.members} members, ${f.events} events, ${f.progress} progress rows` +
      (engines.length > 1 ? ', the same in both (counts and sums compared)' : ''),
  );
}

// ---- The enqueue: 100,000 nudges due at one instant in four zones, as bench/schedule.ts seeds them ----

/** Brings the members to 100,000 (each with an identity) and gives every one a nudge due now. */
async function addSchedules(e: Engine): Promise<void> {
  const zone = (n: string) =>
    `case ${n} % 4 when 0 then 'UTC' when 1 then 'Europe/Berlin' when 2 then 'America/New_York' else 'Asia/Kolkata' end`;
  const time = (n: string) =>
    `case ${n} % 4 when 0 then '09:00' when 1 then '10:00' when 2 then '04:00' else '14:30' end`;
  const statements =
    e.name === 'SQLite'
      ? [
          `with recursive seq(n) as (select ${MEMBERS + 1} union all select n + 1 from seq where n < ${SCHEDULES})
           insert into members (id, display_name, created_at) select n, 'Member ' || (n - 1), 0 from seq`,
        ]
      : [
          `insert into members (id, display_name, created_at)
             select n, 'Member ' || (n - 1), 0 from generate_series(${MEMBERS + 1}, ${SCHEDULES}) n`,
          `select setval(pg_get_serial_sequence('members', 'id'), (select max(id) from members))`,
        ];
  statements.push(
    `insert into identities (workspace_id, platform_user_id, member_id, display_name, created_at)
       select 1, 'u' || (id - 1), id, display_name, 0 from members where id > ${MEMBERS} order by id`,
    `insert into schedules (kind, workspace_id, member_id, identity_id, local_time, time_zone, days, next_due_at,
       created_at)
       select 'nudge', 1, i.member_id, i.id, ${time('i.member_id')}, ${zone('i.member_id')}, 127, ${DUE}, 0
       from identities i order by i.member_id`,
    'analyze',
  );
  for (const s of statements) await e.sql(s);
}

if (import.meta.url === `file://${process.argv[1]}`) await runDialectsBench();
