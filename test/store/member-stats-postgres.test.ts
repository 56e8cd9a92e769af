// member_stats, member_days, workspace_member_stats, workspace_counts, workspace_period_points and workspace_member_days on PostgreSQL are kept by
// plpgsql triggers (migrations/postgres) meant to do exactly what SQLite's do (decisions 013, 021, 023 and 032). The same writes, in the same SQL, go to a SQLite file migrated from its own folder and to each
// PostgreSQL engine; the kept rows must match each other and a recount, for a fixed story and for random ones.
import { join } from 'node:path';
import type BetterSqlite from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dayNumber, offsetSegments } from '../../src/core/time/periods.ts';
import { offsetRows } from '../../src/store/queries/kept-days.ts';
import type { Database } from '../../src/store/sql/database.ts';
import { tempDir } from '../helpers.ts';
import { type OpenedEngine, POSTGRES_ENGINES } from './engines.ts';
import { migratedSqlite } from './sqlite-migrations.ts';

type Params = Record<string, unknown>;
/** One step of a story: statements run in one transaction, on whichever engine. */
type Step = [sql: string, params: Params][];

interface Stats {
  memberId: number;
  doneCount: number;
  lastProgressAt: number | null;
  activeDays: number;
}

const MEMBERS = [1, 2, 3, 4];
const TOPICS = [1, 2, 3, 4, 5];
const STATES = ['learning', 'done', 'skipped'] as const;

const ensureMember: Step[number] = [
  "insert into members (id, display_name, created_at) values (@m, 'm', 0) on conflict (id) do nothing",
  {},
];
// Each member has an identity in one of two workspaces (odd members in 2), joined at a time of its own.
const ensureIdentity =
  'insert into identities (workspace_id, platform_user_id, member_id, display_name, created_at) ' +
  "values (@ws, @user, @m, 'm', @joinedAt) on conflict (workspace_id, platform_user_id) do nothing";
const joined = (m: number): Step[number] => [ensureIdentity, { m, ws: (m % 2) + 1, user: `u${m}`, joinedAt: m }];
const withMember = (m: number, steps: Step): Step => [[ensureMember[0], { m }], joined(m), ...steps];

/** `privacy hide` or `privacy show`. */
const privacy = (m: number, hide: boolean): Step =>
  withMember(m, [['update members set privacy = @p where id = @m', { m, p: hide ? 'hide' : 'show' }]]);

/** A member's state on a topic changes (done, start, skip, redo): an upsert, and its event. */
const set = (m: number, t: number, state: string, at: number): Step =>
  withMember(m, [
    [
      'insert into progress (member_id, topic_id, state, updated_at) values (@m, @t, @state, @at) ' +
        'on conflict (member_id, topic_id) do update set state = excluded.state, updated_at = excluded.updated_at',
      { m, t, state, at },
    ],
    [
      'insert into progress_events (member_id, topic_id, to_state, at) values (@m, @t, @state, @at)',
      { m, t, state, at },
    ],
  ]);

/** `reset`: the row goes, an event says so. */
const reset = (m: number, t: number, at: number): Step =>
  withMember(m, [
    ['delete from progress where member_id = @m and topic_id = @t', { m, t }],
    ['insert into progress_events (member_id, topic_id, to_state, at) values (@m, @t, null, @at)', { m, t, at }],
  ]);

/** A link merge of `from` into `to`: rows `to` lacks move (an UPDATE of member_id), the overlap is upserted (the
 *  UPDATE path of an insert), the rest deleted, the events move, and `from` is deleted (as src/store/links does). */
const merge = (from: number, to: number): Step =>
  withMember(from, [
    [ensureMember[0], { m: to }],
    joined(to),
    [
      'update progress set member_id = @to where member_id = @from ' +
        'and topic_id not in (select topic_id from progress where member_id = @to)',
      { from, to },
    ],
    [
      'insert into progress (member_id, topic_id, state, updated_at) ' +
        'select @to, topic_id, state, updated_at from progress where member_id = @from ' +
        'on conflict (member_id, topic_id) do update set state = excluded.state',
      { from, to },
    ],
    ['delete from progress where member_id = @from', { from }],
    ['update progress_events set member_id = @to where member_id = @from', { from, to }],
    ['update identities set member_id = @to where member_id = @from', { from, to }],
    ['delete from members where id = @from', { from }], // its member_stats and member_days rows go by the cascade
  ]);

/** `forget`: every row of the member goes, children first, as the purge does. */
const forget = (m: number): Step =>
  withMember(m, [
    ['delete from member_stats where member_id = @m', { m }],
    ['delete from progress where member_id = @m', { m }],
    ['delete from progress_events where member_id = @m', { m }],
    ['delete from member_days where member_id = @m', { m }],
    ['delete from workspace_member_days where member_id = @m', { m }],
    ['delete from workspace_period_points where member_id = @m', { m }],
    ['delete from identities where member_id = @m', { m }],
    ['delete from members where id = @m', { m }],
  ]);

const KEPT = `select member_id as "memberId", done_count as "doneCount", last_progress_at as "lastProgressAt",
  active_days as "activeDays" from member_stats order by member_id`;
const RECOUNT = `select m.id as "memberId",
    (select count(*) from progress p where p.member_id = m.id and p.state = 'done') as "doneCount",
    (select max(at) from progress_events e where e.member_id = m.id) as "lastProgressAt",
    (select count(distinct e.at / 86400000) from progress_events e where e.member_id = m.id) as "activeDays"
  from members m order by m.id`;
// Per workspace: what the triggers keep, and the same counted from identities, members and the progress rows.
const KEPT_BY_WORKSPACE = `select workspace_id as "ws", member_id as "memberId", hidden as "hidden",
    done_count as "doneCount", active_days as "activeDays", last_progress_at as "lastProgressAt",
    joined_at as "joinedAt"
  from workspace_member_stats order by workspace_id, member_id`;
const RECOUNT_BY_WORKSPACE = `select i.workspace_id as "ws", m.id as "memberId",
    case when m.privacy = 'hide' then 1 else 0 end as "hidden",
    (select count(*) from progress p where p.member_id = m.id and p.state = 'done') as "doneCount",
    (select count(distinct e.at / 86400000) from progress_events e where e.member_id = m.id) as "activeDays",
    (select max(at) from progress_events e where e.member_id = m.id) as "lastProgressAt",
    min(i.created_at) as "joinedAt"
  from identities i join members m on m.id = i.member_id group by i.workspace_id, m.id, m.privacy
  order by i.workspace_id, m.id`;
// Per workspace: visible members, visible and hidden scorers (decision 023), and the same from the recounted rows.
const KEPT_COUNTS = `select workspace_id as "ws", visible as "visible", visible_scorers as "visibleScorers",
    hidden_scorers as "hiddenScorers" from workspace_counts
  where visible <> 0 or visible_scorers <> 0 or hidden_scorers <> 0 order by workspace_id`;
type WorkspaceRow = { ws: number; hidden: number; doneCount: number };
function recountCounts(rows: WorkspaceRow[]): Record<string, number>[] {
  const out = new Map<number, Record<string, number>>();
  for (const r of rows) {
    const c = out.get(r.ws) ?? { ws: r.ws, visible: 0, visibleScorers: 0, hiddenScorers: 0 };
    if (r.hidden === 0) c.visible!++;
    if (r.hidden === 0 && r.doneCount > 0) c.visibleScorers!++;
    if (r.hidden === 1 && r.doneCount > 0) c.hiddenScorers!++;
    out.set(r.ws, c);
  }
  return [...out.values()]
    .filter((c) => c.visible || c.visibleScorers || c.hiddenScorers)
    .sort((a, b) => a.ws! - b.ws!);
}
// The board buckets (decision 023): topics done per workspace, member and UTC week or month, and the same counted here
// from identities, members and progress, with JavaScript's calendar rather than either engine's.
const KEPT_PERIODS = `select workspace_id as "ws", member_id as "memberId", kind as "kind", start_day as "startDay",
    hidden as "hidden", points as "points"
  from workspace_period_points where points > 0 order by workspace_id, member_id, kind, start_day`;
const PERIOD_SOURCES = `select distinct i.workspace_id as "ws", m.id as "memberId",
    case when m.privacy = 'hide' then 1 else 0 end as "hidden", p.updated_at as "at", p.topic_id as "topic"
  from identities i join members m on m.id = i.member_id join progress p on p.member_id = m.id and p.state = 'done'`;
type PeriodRow = { ws: number; memberId: number; kind: string; startDay: number; hidden: number; points: number };
function recountPeriods(done: { ws: number; memberId: number; hidden: number; at: number }[]): PeriodRow[] {
  const rows = new Map<string, PeriodRow>();
  for (const d of done) {
    const day = Math.floor(d.at / 86_400_000);
    const date = new Date(d.at);
    const buckets = {
      week: day - ((day + 3) % 7),
      month: Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / 86_400_000,
    };
    for (const [kind, startDay] of Object.entries(buckets)) {
      const key = [d.ws, d.memberId, kind, startDay].join();
      const row = rows.get(key) ?? { ws: d.ws, memberId: d.memberId, kind, startDay, hidden: d.hidden, points: 0 };
      row.points++;
      rows.set(key, row);
    }
  }
  return [...rows.values()].sort(
    (a, b) => a.ws - b.ws || a.memberId - b.memberId || a.kind.localeCompare(b.kind) || a.startDay - b.startDay,
  );
}
// The local days (decision 032): per workspace, in its zone (workspace 2 keeps Berlin's, with its summer time), and
// per local week and month; the same counted here with the runtime's zone data.
const ZONE_OF: Record<number, string> = { 1: 'UTC', 2: 'Europe/Berlin' };
const KEPT_DAYS = `select workspace_id as "ws", member_id as "memberId", day as "day" from workspace_member_days
  order by workspace_id, member_id, day`;
const KEPT_PERIOD_DAYS = `select workspace_id as "ws", member_id as "memberId", kind as "kind",
    start_day as "startDay", days as "days"
  from workspace_period_points where days <> 0 order by workspace_id, member_id, kind, start_day`;
const DAY_SOURCES = `select distinct i.workspace_id as "ws", e.member_id as "memberId", e.at as "at"
  from identities i join progress_events e on e.member_id = i.member_id`;
type DayRow = { ws: number; memberId: number; day: number };
function recountDays(events: { ws: number; memberId: number; at: number }[]): DayRow[] {
  const rows = new Map<string, DayRow>();
  for (const e of events) {
    const day = dayNumber(e.at, offsetSegments(ZONE_OF[e.ws]!, e.at, e.at + 1));
    rows.set([e.ws, e.memberId, day].join(), { ws: e.ws, memberId: e.memberId, day });
  }
  return [...rows.values()].sort((a, b) => a.ws - b.ws || a.memberId - b.memberId || a.day - b.day);
}
function recountPeriodDays(days: DayRow[]) {
  const rows = new Map<string, { ws: number; memberId: number; kind: string; startDay: number; days: number }>();
  for (const d of days) {
    const date = new Date(d.day * 86_400_000);
    const starts = {
      week: d.day - ((d.day + 3) % 7),
      month: Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / 86_400_000,
    };
    for (const [kind, startDay] of Object.entries(starts)) {
      const key = [d.ws, d.memberId, kind, startDay].join();
      const row = rows.get(key) ?? { ws: d.ws, memberId: d.memberId, kind, startDay, days: 0 };
      row.days++;
      rows.set(key, row);
    }
  }
  return [...rows.values()].sort(
    (a, b) => a.ws - b.ws || a.memberId - b.memberId || a.kind.localeCompare(b.kind) || a.startDay - b.startDay,
  );
}
const active = (rows: Stats[]) => rows.filter((s) => s.doneCount > 0 || s.lastProgressAt !== null);
const CLEAR: Step = [
  'workspace_counts',
  'workspace_member_days',
  'workspace_period_points',
  'workspace_member_stats',
  'member_days',
  'member_stats',
  'progress',
  'progress_events',
  'identities',
  'members',
].map((t) => [`delete from ${t}`, {}]);
const SEED: Step = [
  ["insert into roadmaps (id, title, source_hash, loaded_at) values ('r', 'R', 'h', 0)", {}],
  ...[1, 2].map((ws): Step[number] => [
    "insert into workspaces (id, platform, external_id, roadmap_id, time_zone, created_at) values (@ws, 'p', @ext, 'r', @zone, 0)",
    { ws, ext: `w${ws}`, zone: ZONE_OF[ws] },
  ]),
  // The triggers' offsets for Berlin, as the store writes them (UTC's come with the migration).
  ...offsetRows(offsetSegments('Europe/Berlin', 0, Date.UTC(2100, 0, 1))).map((row): Step[number] => [
    "insert into zone_offsets (zone, from_at, offset_ms) values ('Europe/Berlin', @fromAt, @offsetMs)",
    row,
  ]),
  ...TOPICS.map((t): Step[number] => [
    'insert into topics (id, roadmap_id, path, position, section_slug, section_title, slug, title, summary, ' +
      "resources) values (@t, 'r', 'r/' || @tp, @t, 's', 'S', 't', 'T', '', '[]')",
    { t, tp: `t${t}` },
  ]),
];

/** The same story on SQLite (synchronously, one transaction a step) and on PostgreSQL; what each keeps. */
class Twins {
  constructor(
    readonly sqlite: BetterSqlite.Database,
    readonly pg: Database,
  ) {}

  async play(steps: Step[]): Promise<void> {
    for (const step of steps) {
      this.sqlite.transaction(() => {
        for (const [sql, params] of step) this.sqlite.prepare(sql).run(params);
      })();
      await this.pg.transaction(async (r) => {
        for (const [sql, params] of step) await r.run(sql, params);
      });
    }
  }

  async read<T = Stats>(sql: string): Promise<{ sqlite: T[]; pg: T[] }> {
    return {
      sqlite: this.sqlite.prepare(sql).all() as T[],
      pg: await this.pg.transaction((r) => r.all<T>(sql)),
    };
  }

  /** Both engines keep the same per-workspace rows, and they equal a recount. */
  async expectWorkspaceTotalsTrue(): Promise<void> {
    const kept = await this.read<Record<string, unknown>>(KEPT_BY_WORKSPACE);
    expect(kept.pg).toEqual(kept.sqlite);
    expect(kept.pg).toEqual((await this.read<Record<string, unknown>>(RECOUNT_BY_WORKSPACE)).pg);
    const counts = await this.read<Record<string, number>>(KEPT_COUNTS);
    expect(counts.pg).toEqual(counts.sqlite);
    expect(counts.pg).toEqual(recountCounts((await this.read<WorkspaceRow>(RECOUNT_BY_WORKSPACE)).pg));
    const periods = await this.read<PeriodRow>(KEPT_PERIODS);
    expect(periods.pg).toEqual(periods.sqlite);
    const sources = await this.read<{ ws: number; memberId: number; hidden: number; at: number }>(PERIOD_SOURCES);
    expect(periods.pg).toEqual(recountPeriods(sources.pg));
    const days = await this.read<DayRow>(KEPT_DAYS);
    expect(days.pg).toEqual(days.sqlite);
    expect(days.pg).toEqual(
      recountDays((await this.read<{ ws: number; memberId: number; at: number }>(DAY_SOURCES)).pg),
    );
    const periodDays = await this.read<Record<string, unknown>>(KEPT_PERIOD_DAYS);
    expect(periodDays.pg).toEqual(periodDays.sqlite);
    expect(periodDays.pg).toEqual(recountPeriodDays(days.pg));
  }
}

describe.each(POSTGRES_ENGINES.map((e) => [e.name, e] as const))('member_stats on SQLite and %s', (_name, engine) => {
  let opened: OpenedEngine;
  let sqlite: BetterSqlite.Database;
  let cleanup: () => void;
  let twins: Twins;
  beforeAll(async () => {
    opened = await engine.open();
    const temp = tempDir();
    cleanup = temp.cleanup;
    sqlite = migratedSqlite(join(temp.dir, 'twin.db'));
    twins = new Twins(sqlite, opened.db);
    await twins.play([SEED]);
  });
  afterAll(async () => {
    sqlite?.close();
    cleanup?.();
    await opened?.dispose();
  });
  beforeEach(() => twins.play([CLEAR]));

  it('keeps the same rows through done, redo, skip, reset, a merge and a forget', async () => {
    await twins.play([
      set(1, 1, 'done', 100),
      set(1, 1, 'done', 110), // no change of state: no double count
      set(1, 2, 'done', 120),
      set(1, 2, 'learning', 130), // done → learning
      set(1, 3, 'skipped', 140),
      set(1, 3, 'done', 150), // skipped → done
      reset(1, 1, 160), // done → no row
      set(2, 2, 'done', 90),
      set(2, 4, 'done', 170),
      set(3, 5, 'done', 180),
    ]);
    const before = await twins.read(KEPT);
    expect(before.pg).toEqual([
      { memberId: 1, doneCount: 1, lastProgressAt: 160, activeDays: 1 },
      { memberId: 2, doneCount: 2, lastProgressAt: 170, activeDays: 1 },
      { memberId: 3, doneCount: 1, lastProgressAt: 180, activeDays: 1 },
    ]);
    await twins.expectWorkspaceTotalsTrue();
    expect(before.pg).toEqual(before.sqlite);
    // Member 1 (topic 2 learning, topic 3 done) merges into 2 (topics 2 and 4 done); then 3 is forgotten.
    await twins.play([merge(1, 2), forget(3)]);
    const after = await twins.read(KEPT);
    // Topic 3 (done) moved: +1; topic 2 took member 1's learning: -1; the latest event is still 2's own.
    expect(after.pg).toEqual([{ memberId: 2, doneCount: 2, lastProgressAt: 170, activeDays: 1 }]);
    expect(after.pg).toEqual(after.sqlite);
    expect(after.pg).toEqual(active((await twins.read(RECOUNT)).pg));
    // Member 2 now has member 1's identity too: one row in each workspace, joined when the earliest identity joined.
    await twins.expectWorkspaceTotalsTrue();
    expect((await twins.read<{ ws: number }>(KEPT_BY_WORKSPACE)).pg.map((r) => r.ws)).toEqual([1, 2]);
  });

  it('keeps the same rows as SQLite, and as a recount, for random stories', async () => {
    const step = fc.oneof(
      {
        weight: 6,
        arbitrary: fc.tuple(fc.constantFrom(...MEMBERS), fc.constantFrom(...TOPICS), fc.constantFrom(...STATES)),
      },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...MEMBERS), fc.constantFrom(...TOPICS)) },
      {
        weight: 1,
        arbitrary: fc.tuple(fc.constantFrom(...MEMBERS), fc.constantFrom(...MEMBERS), fc.constant('merge')),
      },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...MEMBERS)) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...MEMBERS), fc.boolean(), fc.constant('privacy')) },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 30 }), async (story) => {
        await twins.play([CLEAR]);
        await twins.play(
          story.map((s, i): Step => {
            // About three steps a day at hours around midnight in UTC and in Berlin (some sharing a day in one and not
            // the other), and every fourth step some weeks later: the board buckets (UTC weeks and months) then see
            // topics done again in another one. From ten days before Berlin's clocks go forward, into its summer time.
            const hour = [22.5, 23.5, 0.5, 12, 21.75][i % 5]! * 3_600_000;
            const at =
              Date.UTC(2026, 2, 19) + Math.floor(i / 3) * 86_400_000 + hour + Math.floor(i / 4) * 20 * 86_400_000;
            if (s.length === 3 && s[2] === 'privacy') return privacy(s[0], s[1] as boolean);
            if (s.length === 3 && s[2] === 'merge') return s[0] === s[1] ? forget(s[0]) : merge(s[0], s[1]);
            if (s.length === 3) return set(s[0], s[1] as number, s[2] as string, at);
            if (s.length === 2) return reset(s[0], s[1], at);
            return forget(s[0]);
          }),
        );
        const kept = await twins.read(KEPT);
        expect(kept.pg).toEqual(kept.sqlite);
        const recount = await twins.read(RECOUNT);
        expect(active(kept.pg)).toEqual(active(recount.pg));
        await twins.expectWorkspaceTotalsTrue();
      }),
      { numRuns: engine.name === 'pglite' ? 25 : 15 },
    );
  });
});
