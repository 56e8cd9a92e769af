// Progress, member_stats, boards, the team view and the dashboard's member table on every engine: member_stats stays
// equal to a recount whatever writes progress, and the aggregates come back as the same numbers (numbers, not the
// strings a PostgreSQL count or bigint would be) on SQLite, PGlite and PostgreSQL. Local days are worked out in SQL
// from the zone's offsets (queries/day-sql.ts); around a DST change every engine must put an instant on the same day.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dayNumber, isoOfDay, offsetSegments } from '../../../src/core/time/periods.ts';
import type { BoardQuery, Tx } from '../../../src/store/port.ts';
import { localDaySql } from '../../../src/store/queries/day-sql.ts';
import { ENGINES } from '../engines.ts';
import { DAY, NOW, openWorld, person, sharedTopics, type World } from './world.ts';

const KEPT = `select member_id as "memberId", done_count as "doneCount", last_progress_at as "lastProgressAt"
  from member_stats where done_count > 0 or last_progress_at is not null order by member_id`;
const RECOUNT = `select * from (select m.id as "memberId",
    (select count(*) from progress p where p.member_id = m.id and p.state = 'done') as "doneCount",
    (select max(at) from progress_events e where e.member_id = m.id) as "lastProgressAt"
  from members m) x where "doneCount" > 0 or "lastProgressAt" is not null order by "memberId"`;

describe.each(ENGINES)('progress and boards on $name', (engine) => {
  let world: World;
  let topics: number[];
  beforeEach(async () => {
    world = await openWorld(engine);
    topics = sharedTopics(world);
  });
  afterEach(() => world.close());

  const set = (tx: Tx, memberId: number, topic: number, state: 'learning' | 'done' | 'skipped' | null, at: number) =>
    tx.progress.set(memberId, topic, state, at);

  it('keeps member_stats equal to a recount through sets, redos, resets, a merge and a split', async () => {
    const [t1, t2, t3, t4] = topics as [number, number, number, number];
    const { ada, grace, adaElsewhere } = await world.tx(async (tx) => ({
      ada: await person(tx, 'ada'),
      grace: await person(tx, 'grace'),
      adaElsewhere: await person(tx, 'ada-d', { platform: 'discord', workspace: 'G1' }),
    }));
    const a = ada.member.id;
    const g = grace.member.id;
    const d = adaElsewhere.member.id;
    await world.tx(async (tx) => {
      expect(await set(tx, a, t1, 'done', NOW)).toBe(null);
      expect(await set(tx, a, t1, 'done', NOW + 1)).toBe('done'); // no change of state: nothing written
      await set(tx, a, t2, 'done', NOW + 2);
      await set(tx, a, t3, 'skipped', NOW + 3);
      await set(tx, g, t1, 'learning', NOW + 4);
    });
    await world.tx(async (tx) => {
      expect(await set(tx, a, t2, 'learning', NOW + 5)).toBe('done'); // done → learning
      await set(tx, a, t3, 'done', NOW + 6); // skipped → done
      await set(tx, a, t1, null, NOW + 7); // reset: the row goes
      await set(tx, g, t1, 'done', NOW + 8);
      await set(tx, d, t2, 'done', NOW + 9); // more advanced than ada's learning: wins the merge
      await set(tx, d, t3, 'done', NOW + 10); // done on both sides: counted once
      await set(tx, d, t4, 'done', NOW + 11);
    });
    expect(await world.sql.all(KEPT)).toEqual([
      { memberId: a, doneCount: 1, lastProgressAt: NOW + 7 },
      { memberId: g, doneCount: 1, lastProgressAt: NOW + 8 },
      { memberId: d, doneCount: 3, lastProgressAt: NOW + 11 },
    ]);
    expect(await world.sql.all(KEPT)).toEqual(await world.sql.all(RECOUNT));

    await world.tx((tx) => tx.links.merge(a, d));
    expect(await world.sql.all(KEPT)).toEqual([
      { memberId: a, doneCount: 3, lastProgressAt: NOW + 11 },
      { memberId: g, doneCount: 1, lastProgressAt: NOW + 8 },
    ]);
    expect(await world.sql.all(KEPT)).toEqual(await world.sql.all(RECOUNT));

    const identity = (await world.tx((tx) => tx.links.identity(adaElsewhere.workspace.id, 'ada-d')))!;
    const split = await world.tx((tx) => tx.links.split(identity, NOW + 20));
    expect(await world.tx((tx) => tx.progress.forMember(split))).toEqual(
      await world.tx((tx) => tx.progress.forMember(a)),
    );
    expect(
      await world.sql.value('select done_count as "n" from member_stats where member_id = @split', { split }),
    ).toBe(3);
    expect(await world.sql.all(KEPT)).toEqual(await world.sql.all(RECOUNT));
  });

  /** ada 3 points over 3 days, bob 2 over 2, grace 2 on one day, linus hidden with 4, alan anonymous and only
   *  learning, eve in another workspace. */
  async function team() {
    const [t1, t2, t3, t4] = topics as [number, number, number, number];
    return world.tx(async (tx) => {
      const p = {
        ada: await person(tx, 'ada', { now: NOW - 10 * DAY }),
        bob: await person(tx, 'bob', { now: NOW - 10 * DAY }),
        grace: await person(tx, 'grace', { now: NOW - 10 * DAY }),
        linus: await person(tx, 'linus', { now: NOW - 10 * DAY }),
        alan: await person(tx, 'alan', { now: NOW - 10 * DAY }),
        eve: await person(tx, 'eve', { platform: 'slack', workspace: 'T1', now: NOW - 10 * DAY }),
      };
      const id = (k: keyof typeof p) => p[k].member.id;
      await tx.members.updateSettings(id('linus'), { privacy: 'hide' });
      await tx.members.updateSettings(id('alan'), { privacy: 'anonymous' });
      await set(tx, id('ada'), t1, 'done', NOW - 2 * DAY);
      await set(tx, id('ada'), t2, 'done', NOW - DAY);
      await set(tx, id('ada'), t3, 'done', NOW);
      await set(tx, id('bob'), t1, 'done', NOW - DAY);
      await set(tx, id('bob'), t2, 'done', NOW);
      await set(tx, id('grace'), t1, 'done', NOW);
      await set(tx, id('grace'), t2, 'done', NOW + 1000);
      for (const t of [t1, t2, t3, t4]) await set(tx, id('linus'), t, 'done', NOW - 5 * DAY);
      await set(tx, id('alan'), t1, 'learning', NOW - 3 * DAY);
      for (const t of [t1, t2, t3, t4]) await set(tx, id('eve'), t, 'done', NOW);
      return { ws: p.ada.workspace.id, id };
    });
  }

  it('ranks the leaderboard in SQL: the same numbers, ties and hidden counts on every engine', async () => {
    const { ws, id } = await team();
    const utc = [{ until: Infinity, offsetMs: 0 }];
    const week: BoardQuery = {
      workspaceId: ws,
      from: NOW - 7 * DAY,
      to: NOW + DAY,
      segments: utc,
      memberId: id('grace'),
      limit: 2,
    };
    const row = (who: 'ada' | 'bob' | 'grace', points: number, activeDays: number, rank: number) => ({
      memberId: id(who),
      name: who,
      privacy: 'show',
      points,
      activeDays,
      rank,
    });
    expect(await world.tx((tx) => tx.boards.leaderboard(week))).toEqual({
      top: [row('ada', 3, 3, 1), row('bob', 2, 2, 2)],
      scorers: 3,
      hiddenScorers: 1,
      me: row('grace', 2, 1, 3),
    });
    // All time reads the points from member_stats; linus (hidden) asking sees where he would stand.
    const allTime = { ...week, from: 0, to: Number.MAX_SAFE_INTEGER, memberId: id('linus'), limit: 10 };
    const board = await world.tx((tx) => tx.boards.leaderboard(allTime));
    expect(board.top).toEqual([row('ada', 3, 3, 1), row('bob', 2, 2, 2), row('grace', 2, 1, 3)]);
    expect(board.me).toEqual({
      memberId: id('linus'),
      name: 'linus',
      privacy: 'hide',
      points: 4,
      activeDays: 1,
      rank: 1,
    });
  });

  it('answers the team view and the dashboard member table with the same numbers on every engine', async () => {
    const { ws, id } = await team();
    const summary = await world.tx(async (tx) => ({
      furthest: await tx.team.furthestAlong(ws, 3),
      headcount: await tx.team.headcount(ws, NOW - 2 * DAY),
      idle: await tx.team.idleSince(ws, NOW - 2 * DAY, 5),
      dashboardHeadcount: await tx.dashboard.headcount(ws, NOW - 2 * DAY),
      listedCount: await tx.dashboard.listedCount(ws, id('ada')),
      listed: await tx.dashboard.listed(ws, id('ada'), 'progress-desc', 2, 1),
      hiddenViewsSelf: await tx.dashboard.member(ws, id('linus')),
      otherWorkspace: await tx.dashboard.member(ws, id('eve')),
    }));
    expect(summary).toEqual({
      furthest: [
        { memberId: id('ada'), name: 'ada', privacy: 'show', done: 3 },
        { memberId: id('bob'), name: 'bob', privacy: 'show', done: 2 },
        { memberId: id('grace'), name: 'grace', privacy: 'show', done: 2 },
      ],
      headcount: { visible: 4, idle: 1, hiddenDone: 1 }, // alan last moved three days ago
      idle: [{ memberId: id('alan'), name: 'alan', privacy: 'anonymous' }],
      dashboardHeadcount: { total: 5, active: 3 }, // ada, bob, grace moved in the last two days
      listedCount: 4, // everyone but linus, who is hidden
      listed: [
        {
          memberId: id('bob'),
          name: 'bob',
          privacy: 'show',
          done: 2,
          lastActivity: NOW,
          timeZone: null,
          streakMode: 'daily',
        },
        {
          memberId: id('grace'),
          name: 'grace',
          privacy: 'show',
          done: 2,
          lastActivity: NOW + 1000,
          timeZone: null,
          streakMode: 'daily',
        },
      ],
      hiddenViewsSelf: {
        memberId: id('linus'),
        name: 'linus',
        privacy: 'hide',
        done: 4,
        lastActivity: NOW - 5 * DAY,
        timeZone: null,
        streakMode: 'daily',
      },
      otherWorkspace: undefined,
    });
  });

  it.each([
    // zone, the instant the clocks change, and what the local dates either side are
    ['Europe/Berlin', '2026-03-29T01:00:00Z'], // +1 → +2
    ['America/New_York', '2026-11-01T06:00:00Z'], // -4 → -5
    ['Australia/Sydney', '2026-04-04T16:00:00Z'], // +11 → +10
  ])('puts instants around the DST change in %s on the same local days as JavaScript does', async (zone, change) => {
    const at = Date.parse(change);
    // Each local midnight near the change, and a minute either side of it: the offsets before and after both matter.
    const near = offsetSegments(zone, at - 2 * DAY, at + 2 * DAY);
    const offsetAt = (ms: number) => near.find((s) => ms < s.until)!.offsetMs;
    const [before, after] = [offsetAt(at - 1), offsetAt(at)];
    expect(before).not.toBe(after);
    const midnights = [
      Math.floor((at + before) / DAY) * DAY - before, // the local midnight before the change
      Math.floor((at + after) / DAY) * DAY + DAY - after, // the next local midnight, on the new offset
    ];
    const instants = midnights.flatMap((m) => [m - 60_000, m, m + 60_000]).sort((x, y) => x - y);
    const segments = offsetSegments(zone, instants[0]!, instants.at(-1)!);
    expect(segments.length).toBeGreaterThan(1); // the change falls inside the period

    const ada = await world.tx((tx) => person(tx, 'ada'));
    await world.tx(async (tx) => {
      for (const [i, instant] of instants.entries()) await set(tx, ada.member.id, topics[i]!, 'done', instant);
    });
    const day = localDaySql('e.at', segments);
    const rows = await world.sql.all<{ at: number; day: number }>(
      `select e.at as "at", ${day.sql} as "day" from progress_events e order by e.at`,
      day.params,
    );
    expect(rows.map((r) => [r.at, r.day])).toEqual(instants.map((i) => [i, dayNumber(i, segments)]));
    // Three local dates: the day before each midnight's minute, the day of the change, the day after.
    const dates = [...new Set(rows.map((r) => isoOfDay(r.day)))];
    expect(dates).toHaveLength(3);
    // The board counts the same local days.
    const board = await world.tx((tx) =>
      tx.boards.leaderboard({
        workspaceId: ada.workspace.id,
        from: instants[0]!,
        to: instants.at(-1)! + 1,
        segments,
        memberId: ada.member.id,
        limit: 1,
      }),
    );
    expect(board.me).toMatchObject({ points: 6, activeDays: 3 });
  });
});
