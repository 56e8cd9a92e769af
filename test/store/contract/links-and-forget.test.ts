// Linking accounts and forgetting a member, on every engine: one-time codes that work once and only while live, a
// merge that keeps the best of both members' progress, and `forget` leaving no row that points at the member in any
// table, directly or through another row. Which tables those are is read from the schema's own foreign keys
// (fragments.foreignKeys), so a table added later is held to it without anyone listing it here.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { foreignKeys } from '../../../src/store/sql/fragments.ts';
import { ENGINES } from '../engines.ts';
import { DAY, NOW, openWorld, type Person, person, sharedTopics, type World } from './world.ts';

const CARD = {
  dueAt: 0,
  stability: 0,
  difficulty: 0,
  elapsedDays: 0,
  scheduledDays: 0,
  learningSteps: 0,
  reps: 0,
  lapses: 0,
  state: 0,
  lastReviewAt: null,
};
const LOG = { ...CARD, rating: 3, lastElapsedDays: 0, reviewedAt: 0 };

interface ForeignKey {
  table: string;
  from: string;
  to: string;
  parent: string;
}
/** One lookup of the walk: rows of `table` whose `column` is one of `values`. */
interface Lookup {
  table: string;
  column: string;
  values: number[];
}

describe.each(ENGINES)('links and forget on $name', (engine) => {
  let world: World;
  let topics: number[];
  beforeEach(async () => {
    world = await openWorld(engine);
    topics = sharedTopics(world);
  });
  afterEach(() => world.close());

  const inList = (values: number[]) => {
    if (!values.every(Number.isInteger)) throw new Error(`not integer keys: ${values}`);
    return values.length ? values.join(', ') : 'null';
  };
  const rowsOf = (l: Lookup) =>
    world.sql.all(`select * from "${l.table}" where "${l.column}" in (${inList(l.values)})`);

  /** Every row that points at the member, directly or through another row, found by following the schema's
   *  foreign keys from members: the lookups made (to repeat after forget) and the rows found per table. */
  async function walk(memberId: number): Promise<{ lookups: Lookup[]; found: Record<string, number> }> {
    const fks = await world.sql.all<ForeignKey>(foreignKeys(world.store.dialect));
    expect(fks.length).toBeGreaterThan(10);
    const lookups: Lookup[] = [];
    const seen: Record<string, Set<string>> = {}; // a row reached by two keys (a nudge: member and identity) once
    const queue: Lookup[] = [{ table: 'members', column: 'id', values: [memberId] }];
    while (queue.length) {
      const lookup = queue.shift()!;
      if (!lookup.values.length) continue;
      lookups.push(lookup);
      const rows = await rowsOf(lookup);
      for (const row of rows) (seen[lookup.table] ??= new Set()).add(JSON.stringify(row));
      for (const fk of fks.filter((f) => f.parent === lookup.table))
        queue.push({ table: fk.table, column: fk.from, values: rows.map((r) => Number(r[fk.to])) });
    }
    return { lookups, found: Object.fromEntries(Object.entries(seen).map(([table, rows]) => [table, rows.size])) };
  }

  /** Rows of this member in every table that can point at a member: two accounts, progress and its log, a track,
   *  a note, link codes and attempts, a nudge with a queued delivery, a dashboard link and session. */
  async function fill(p: Person, other: Person, now: number): Promise<void> {
    const [t1, t2] = topics as [number, number];
    await world.tx(async (tx) => {
      const id = p.member.id;
      await tx.progress.set(id, t1, 'done', now);
      await tx.progress.set(id, t2, 'learning', now);
      await tx.progress.chooseTrack(id, 'backend', world.roadmap.topics[0]!.sectionSlug, 'python', now);
      await tx.notes.add(id, t1, `a note of ${p.member.displayName}`, now);
      await tx.reviews.create(id, t1, { ...CARD, dueAt: now }, now);
      const card = (await tx.reviews.card(id, t1))!;
      await tx.reviews.record(card.id, { ...CARD, dueAt: now + 3 * DAY, reps: 1 }, { ...LOG, reviewedAt: now });
      await tx.links.issueCode(p.identityId, now, DAY);
      await tx.links.recordFailure(p.identityId, now);
      const nudge = await tx.schedules.save({
        kind: 'nudge',
        workspaceId: p.workspace.id,
        memberId: id,
        identityId: p.identityId,
        localTime: '09:00',
        timeZone: 'UTC',
        days: 127,
        nextDueAt: now,
        createdAt: now,
      });
      await tx.deliveries.enqueueDue({ ids: `[${nudge.id}]`, dueAt: now, date: '2026-11-26', skip: null }, now);
      const token = await tx.dashboardSessions.issueLink(
        { workspaceId: p.workspace.id, memberId: id, isAdmin: false },
        now,
        DAY,
      );
      await tx.dashboardSessions.open(token, now, DAY);
      await tx.dashboardSessions.issueLink({ workspaceId: p.workspace.id, memberId: id, isAdmin: true }, now, DAY);
      // Their second account, merged in: its identity now points at them too.
      await tx.links.merge(id, other.member.id);
    });
  }

  it('forgets a member: no row points at them in any table afterwards, and everyone else keeps every row', async () => {
    const people = await world.tx(async (tx) => ({
      ada: await person(tx, 'ada'),
      adaOnDiscord: await person(tx, 'ada-d', { platform: 'discord', workspace: 'G1' }),
      grace: await person(tx, 'grace'),
      graceOnSlack: await person(tx, 'grace-s', { platform: 'slack', workspace: 'T1' }),
    }));
    await fill(people.ada, people.adaOnDiscord, NOW);
    await fill(people.grace, people.graceOnSlack, NOW + 1);
    const ada = people.ada.member.id;

    const { lookups, found } = await walk(ada);
    // Every table a member's rows can live in was filled, so the check below covers the whole schema.
    const fks = await world.sql.all<ForeignKey>(foreignKeys(world.store.dialect));
    const reachable = new Set(['members']);
    for (let grew = true; grew; ) {
      grew = false;
      for (const fk of fks)
        if (reachable.has(fk.parent) && !reachable.has(fk.table)) grew = Boolean(reachable.add(fk.table));
    }
    expect(Object.keys(found).sort()).toEqual([...reachable].sort());
    for (const [table, n] of Object.entries(found)) expect(n, table).toBeGreaterThan(0);

    const before = await world.rowCounts();
    const deleted = await world.tx((tx) => tx.memberData.forget(ada));

    for (const lookup of lookups) expect(await rowsOf(lookup), `${lookup.table}.${lookup.column}`).toEqual([]);
    expect(deleted).toEqual(found); // it says what it deleted
    const after = await world.rowCounts();
    for (const table of Object.keys(before)) expect(after[table], table).toBe(before[table]! - (found[table] ?? 0));
    // Grace is whole: her export still has everything.
    const grace = await world.tx((tx) => tx.memberData.exportOf(people.grace.member.id));
    expect([grace.identities.length, grace.progress.length, grace.notes.length, grace.reminders.length]).toEqual([
      2, 2, 1, 1,
    ]);
  });

  it('issues one-time codes that work once, only while live, and only the latest', async () => {
    const { ada } = await world.tx(async (tx) => ({ ada: await person(tx, 'ada') }));
    const first = await world.tx((tx) => tx.links.issueCode(ada.identityId, NOW, 10 * 60_000));
    const code = await world.tx((tx) => tx.links.issueCode(ada.identityId, NOW, 10 * 60_000));
    expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
    expect(await world.tx((tx) => tx.links.redeem(first, NOW + 1))).toBeUndefined(); // replaced by the second
    expect(await world.tx((tx) => tx.links.redeem('WRONG234', NOW + 1))).toBeUndefined();
    const expiring = await world.tx((tx) => tx.links.redeem(code, NOW + 10 * 60_000)); // expired at that instant
    expect(expiring).toBeUndefined();
    const again = await world.tx((tx) => tx.links.issueCode(ada.identityId, NOW, 10 * 60_000));
    expect(await world.tx((tx) => tx.links.redeem(again, NOW + 1))).toEqual({
      id: ada.identityId,
      workspaceId: ada.workspace.id,
      platformUserId: 'ada',
      memberId: ada.member.id,
      displayName: 'ada',
      createdAt: NOW,
    });
    expect(await world.tx((tx) => tx.links.redeem(again, NOW + 2))).toBeUndefined(); // used
    // The code is stored hashed: its text is nowhere in the table.
    expect(JSON.stringify(await world.sql.all('select * from link_codes'))).not.toContain(again);

    await world.tx(async (tx) => {
      for (const at of [NOW, NOW + 10, NOW + 20]) await tx.links.recordFailure(ada.identityId, at);
    });
    expect(await world.tx((tx) => tx.links.failuresSince(ada.identityId, NOW + 10))).toBe(2);
  });

  it('merges two members keeping the most advanced progress, both logs, notes and the survivor track', async () => {
    const [t1, t2, t3, t4] = topics as [number, number, number, number];
    const section = world.roadmap.topics[0]!.sectionSlug;
    const { ada, other } = await world.tx(async (tx) => ({
      ada: await person(tx, 'ada'),
      other: await person(tx, 'ada-d', { platform: 'discord', workspace: 'G1' }),
    }));
    const [a, o] = [ada.member.id, other.member.id];
    await world.tx(async (tx) => {
      await tx.progress.set(a, t1, 'learning', NOW);
      await tx.progress.set(o, t1, 'done', NOW - DAY); // done beats learning, even older
      await tx.progress.set(a, t2, 'done', NOW);
      await tx.progress.set(o, t2, 'skipped', NOW + 1); // skipped loses to done, even newer
      await tx.progress.set(a, t3, 'learning', NOW);
      await tx.progress.set(o, t3, 'learning', NOW + 5); // equals: the latest time
      await tx.progress.set(o, t4, 'done', NOW + 6); // only theirs: moves over
      await tx.progress.chooseTrack(a, 'backend', section, 'nodejs', NOW);
      await tx.progress.chooseTrack(o, 'backend', section, 'go', NOW);
      await tx.notes.add(o, t4, 'from discord', NOW);
      await tx.members.updateSettings(o, { timeZone: 'Europe/Berlin' });
    });
    await world.tx((tx) => tx.links.merge(a, o));

    const after = await world.tx(async (tx) => ({
      progress: Object.fromEntries(await tx.progress.forMember(a)),
      tracks: Object.fromEntries(await tx.progress.tracks(a, 'backend')),
      events: (await tx.progress.eventTimes(a)).length,
      notes: (await tx.notes.forMember(a)).map((n) => n.text),
      identities: (await tx.links.identitiesOf(a)).map((i) => i.platformUserId).sort(),
      absorbed: await tx.memberData.exportOf(o),
    }));
    expect(after).toEqual({
      progress: {
        [t1]: { state: 'done', updatedAt: NOW - DAY },
        [t2]: { state: 'done', updatedAt: NOW },
        [t3]: { state: 'learning', updatedAt: NOW + 5 },
        [t4]: { state: 'done', updatedAt: NOW + 6 },
      },
      tracks: { [section]: 'nodejs' },
      events: 7,
      notes: ['from discord'],
      identities: ['ada', 'ada-d'],
      absorbed: expect.objectContaining({ profile: undefined, identities: [], progress: [] }),
    });
    const survivor = await world.sql.get('select time_zone as "tz" from members where id = @a', { a });
    expect(survivor).toEqual({ tz: 'Europe/Berlin' }); // adopted: the survivor had none
  });
});
