// The week, last-week and month boards read kept UTC buckets and recount only the hours between a bucket's edges and
// the local period's (decision 023), and take active days from the local days kept in the workspace's zone (decision
// 032). Random stories of done, redo, reset and privacy, with times crowded around those edges, in zones from UTC-11
// to UTC+14: on every engine the board must equal one counted here, in JavaScript, from the raw rows (points, local
// active days, ranks, the asker's standing and both scorer counts). Each story is written in one zone (its days kept
// by the triggers); then the workspace moves through every zone, and each board is asked for before its days are
// recounted (counted from events) and after (kept).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recountLocalDays } from '../../../src/core/boards/local-days.ts';
import { dayNumber, offsetSegments, type PeriodKind, periodOf } from '../../../src/core/time/periods.ts';
import type { Board, BoardQuery, BoardRow } from '../../../src/store/port.ts';
import { ENGINES } from '../engines.ts';
import { NOW, openWorld, person, sharedTopics, type World } from './world.ts';

const HOUR = 3_600_000;
const ZONES = ['UTC', 'Europe/Berlin', 'Asia/Kolkata', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
const KINDS: PeriodKind[] = ['week', 'lastweek', 'month'];
const MEMBERS = 6;
const LIMIT = 2; // small, so cutoffs, ties at the edge and askers below the top all happen

/** Instants worth testing: every period's edges and the UTC week and month starts near them, a little either side. */
function edgeInstants(): number[] {
  const edges = new Set<number>();
  for (const zone of ZONES)
    for (const kind of KINDS) {
      const p = periodOf(kind, NOW, zone);
      edges.add(p.from).add(p.to);
    }
  for (const utc of ['2026-11-01', '2026-11-16', '2026-11-23', '2026-11-30', '2026-12-01']) edges.add(Date.parse(utc));
  const out: number[] = [];
  for (const e of edges) for (const d of [-13 * HOUR, -HOUR, -1, 0, 1, 3 * HOUR, 13 * HOUR]) out.push(e + d);
  return out.filter((t) => t < NOW);
}

type Step =
  | { kind: 'set'; m: number; t: number; state: 'done' | 'learning'; at: number }
  | { kind: 'reset'; m: number; t: number; at: number }
  | { kind: 'privacy'; m: number; hide: boolean };

/** The board as the port defines it, counted from the raw rows. */
async function expectedBoard(world: World, ws: number, q: BoardQuery): Promise<Board> {
  const members = await world.sql.all<{ id: number; name: string; privacy: BoardRow['privacy'] }>(
    `select m.id as "id", i.display_name as "name", m.privacy as "privacy" from identities i
      join members m on m.id = i.member_id where i.workspace_id = @ws`,
    { ws },
  );
  const done = await world.sql.all<{ m: number; at: number }>(
    `select member_id as "m", updated_at as "at" from progress where state = 'done'`,
  );
  const events = await world.sql.all<{ m: number; at: number }>(
    'select member_id as "m", at as "at" from progress_events',
  );
  const inPeriod = (at: number) => at >= q.from && at < q.to;
  const rows = members
    .map((m) => ({
      memberId: m.id,
      name: m.name,
      privacy: m.privacy,
      points: done.filter((d) => d.m === m.id && inPeriod(d.at)).length,
      activeDays: new Set(events.filter((e) => e.m === m.id && inPeriod(e.at)).map((e) => dayNumber(e.at, q.segments)))
        .size,
    }))
    .filter((r) => r.points > 0);
  const visible = rows.filter((r) => r.privacy !== 'hide');
  const rankOf = (r: (typeof rows)[number]) =>
    1 +
    visible.filter(
      (v) =>
        v.memberId !== r.memberId && (v.points > r.points || (v.points === r.points && v.activeDays > r.activeDays)),
    ).length;
  const top = visible
    .map((r) => ({ ...r, rank: rankOf(r) }))
    .filter((r) => r.rank <= q.limit)
    .sort((a, b) => a.rank - b.rank || (a.name < b.name ? -1 : 1))
    .slice(0, q.limit * 2);
  const mine = rows.find((r) => r.memberId === q.memberId);
  return {
    top,
    scorers: visible.length,
    hiddenScorers: rows.length - visible.length,
    ...(mine ? { me: { ...mine, rank: rankOf(mine) } } : {}),
  };
}

describe.each(ENGINES)('period boards from kept buckets on $name', (engine) => {
  let world: World;
  let topics: number[];
  beforeAll(async () => {
    world = await openWorld(engine);
    topics = sharedTopics(world).slice(0, 6);
  });
  afterAll(() => world?.close());

  it('equals a recount of the raw rows for random stories around the period and bucket edges', async () => {
    const instants = edgeInstants();
    const step: fc.Arbitrary<Step> = fc.oneof(
      {
        weight: 8,
        arbitrary: fc.record({
          kind: fc.constant('set' as const),
          m: fc.nat(MEMBERS - 1),
          t: fc.nat(5),
          state: fc.constantFrom('done' as const, 'done' as const, 'learning' as const),
          at: fc.constantFrom(...instants),
        }),
      },
      {
        weight: 2,
        arbitrary: fc.record({
          kind: fc.constant('reset' as const),
          m: fc.nat(MEMBERS - 1),
          t: fc.nat(5),
          at: fc.constantFrom(...instants),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({ kind: fc.constant('privacy' as const), m: fc.nat(MEMBERS - 1), hide: fc.boolean() }),
      },
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 5, maxLength: 40 }),
        fc.nat(MEMBERS - 1),
        fc.constantFrom(...ZONES),
        async (story, asker, storyZone) => {
          run++;
          // A workspace of its own for each story, and one member elsewhere whose points must never show.
          const { ws, ids } = await world.tx(async (tx) => {
            const people = [];
            for (let k = 0; k < MEMBERS; k++)
              people.push(await person(tx, `r${run}-${k}`, { workspace: `w${run}`, name: `p${run}-${k}` }));
            const outsider = await person(tx, `r${run}-x`, { workspace: `x${run}` });
            await tx.progress.set(outsider.member.id, topics[0]!, 'done', instants[0]!);
            const ws = people[0]!.workspace.id;
            await tx.workspaces.update(ws, { timeZone: storyZone });
            await recountLocalDays(tx, ws, storyZone, NOW);
            return { ws, ids: people.map((p) => p.member.id) };
          });
          for (const s of story)
            await world.tx(async (tx) => {
              if (s.kind === 'privacy')
                await tx.members.updateSettings(ids[s.m]!, { privacy: s.hide ? 'hide' : 'show' });
              else await tx.progress.set(ids[s.m]!, topics[s.t]!, s.kind === 'set' ? s.state : null, s.at);
            });
          const expectBoards = async (zone: string, days: 'counted' | 'kept') => {
            const kept = await world.sql.value<string>('select days_zone as "z" from workspaces where id = @ws', {
              ws,
            });
            expect(kept === zone ? 'kept' : 'counted').toBe(days);
            for (const kind of KINDS) {
              const p = periodOf(kind, NOW, zone);
              const q: BoardQuery = {
                workspaceId: ws,
                from: p.from,
                to: p.to,
                memberId: ids[asker]!,
                limit: LIMIT,
                segments: offsetSegments(zone, p.from, p.to),
              };
              const board = await world.tx((tx) => tx.boards.leaderboard(q));
              expect({ zone, days, kind, board }).toEqual({
                zone,
                days,
                kind,
                board: await expectedBoard(world, ws, q),
              });
            }
          };
          await expectBoards(storyZone, 'kept');
          for (const zone of ZONES.filter((z) => z !== storyZone)) {
            await world.tx((tx) => tx.workspaces.update(ws, { timeZone: zone }));
            await expectBoards(zone, 'counted');
            await world.tx((tx) => recountLocalDays(tx, ws, zone, NOW));
            await expectBoards(zone, 'kept');
          }
        },
      ),
      { numRuns: engine.name === 'sqlite' ? 40 : 10 },
    );
  });
});
