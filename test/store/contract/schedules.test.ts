// Schedules and holidays on every engine: one nudge per member and one digest per workspace, due schedules grouped in
// SQL (ids as a JSON array, counts as numbers), due times advanced only from the time they were read at, DM channels
// kept and forgotten, and a schedule that keeps failing pausing itself and saying why once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScheduleInput, Tx } from '../../../src/store/port.ts';
import { ENGINES } from '../engines.ts';
import { DAY, NOW, openWorld, type Person, person, type World } from './world.ts';

describe.each(ENGINES)('schedules on $name', (engine) => {
  let world: World;
  beforeEach(async () => {
    world = await openWorld(engine);
  });
  afterEach(() => world.close());

  const nudge = (p: Person, changes: Partial<ScheduleInput> = {}): ScheduleInput => ({
    kind: 'nudge',
    workspaceId: p.workspace.id,
    memberId: p.member.id,
    identityId: p.identityId,
    localTime: '09:00',
    timeZone: 'UTC',
    days: 31,
    nextDueAt: NOW,
    createdAt: NOW,
    ...changes,
  });
  const discord = (tx: Tx, id: string) => person(tx, id, { platform: 'discord', workspace: 'G1' });

  it('keeps one nudge per member and one digest per workspace, replacing them in place', async () => {
    const { ada, saved, replaced, digest, digestAgain } = await world.tx(async (tx) => {
      const ada = await discord(tx, 'ada');
      const saved = await tx.schedules.save(nudge(ada));
      await tx.schedules.keepChannel(saved.id, 'DM-ada');
      const replaced = await tx.schedules.save(
        nudge(ada, { localTime: '18:30', timeZone: 'Europe/Berlin', createdAt: NOW + 5 }),
      );
      const digest = await tx.schedules.save({
        kind: 'digest',
        workspaceId: ada.workspace.id,
        channelId: 'C1',
        localTime: '08:00',
        timeZone: 'UTC',
        days: 1,
        createdAt: NOW,
      });
      const digestAgain = await tx.schedules.save({
        kind: 'digest',
        workspaceId: ada.workspace.id,
        channelId: 'C2',
        localTime: '08:00',
        timeZone: 'UTC',
        days: 1,
        createdAt: NOW,
      });
      return { ada, saved, replaced, digest, digestAgain };
    });
    expect(replaced).toEqual({
      id: saved.id,
      kind: 'nudge',
      workspaceId: ada.workspace.id,
      memberId: ada.member.id,
      identityId: ada.identityId,
      channelId: 'DM-ada', // re-set for the same account: the DM channel is kept
      localTime: '18:30',
      timeZone: 'Europe/Berlin',
      days: 31,
      pausedUntil: null,
      pausedReason: null,
      consecutiveFailures: 0,
      nextDueAt: NOW,
      createdAt: NOW, // the first creation stands
    });
    expect(digestAgain).toMatchObject({ id: digest.id, channelId: 'C2', memberId: null });
    expect(await world.sql.value('select count(*) as "n" from schedules')).toBe(2);
    const context = await world.tx((tx) => tx.schedules.context(saved.id));
    expect(context).toEqual({
      schedule: replaced,
      workspace: expect.objectContaining({ id: ada.workspace.id, externalId: 'G1', leaderboardEnabled: true }),
      member: expect.objectContaining({ id: ada.member.id, displayName: 'ada', privacy: 'show' }),
    });
    expect(await world.tx((tx) => tx.schedules.identityId(ada.workspace.id, 'ada'))).toBe(ada.identityId);
    expect(await world.tx((tx) => tx.schedules.update(saved.id, { pausedUntil: NOW + DAY }))).toMatchObject({
      pausedUntil: NOW + DAY,
      localTime: '18:30',
    });
  });

  it('groups due schedules in SQL and advances them only from the due time they were read at', async () => {
    const ids = await world.tx(async (tx) => {
      const ids: number[] = [];
      for (const [user, zone] of [
        ['a', 'UTC'],
        ['b', 'UTC'],
        ['c', 'Asia/Kolkata'],
        ['d', 'UTC'],
      ] as const) {
        const p = await discord(tx, user);
        const due = user === 'd' ? NOW + 1 : NOW; // not due yet
        ids.push((await tx.schedules.save(nudge(p, { timeZone: zone, nextDueAt: due }))).id);
      }
      return ids;
    });
    const [a, b, c, d] = ids as [number, number, number, number];
    const groups = await world.tx((tx) => tx.schedules.due(NOW, 100));
    const base = {
      kind: 'nudge',
      workspaceId: expect.any(Number),
      localTime: '09:00',
      days: 31,
      pausedUntil: null,
      nextDueAt: NOW,
    };
    expect(groups.map((g) => ({ ...g, ids: JSON.parse(g.ids) }))).toEqual([
      { ...base, timeZone: 'UTC', ids: [a, b], n: 2 },
      { ...base, timeZone: 'Asia/Kolkata', ids: [c], n: 1 },
    ]);
    expect(await world.tx((tx) => tx.schedules.due(NOW, 1))).toHaveLength(1); // the limit counts schedules

    expect(await world.tx((tx) => tx.schedules.advance(c, NOW - 1, NOW + DAY))).toBe(false); // read at another time
    expect(await world.tx((tx) => tx.schedules.advance(c, NOW, NOW + DAY))).toBe(true);
    expect(await world.tx((tx) => tx.schedules.advance(c, NOW, NOW + 2 * DAY))).toBe(false); // already moved on
    expect(await world.tx((tx) => tx.schedules.advanceMany(JSON.stringify([a, b, c, d]), NOW, null))).toBe(2);
    expect(await world.tx((tx) => tx.schedules.due(NOW + 1, 100))).toEqual([
      expect.objectContaining({ ids: JSON.stringify([d]), n: 1, nextDueAt: NOW + 1 }),
    ]);
    expect((await world.tx((tx) => tx.schedules.byId(a)))!.nextDueAt).toBeNull(); // off
  });

  it('keeps, lists and forgets DM channels', async () => {
    const [x, y] = await world.tx(async (tx) => [
      (await tx.schedules.save(nudge(await discord(tx, 'x'), { nextDueAt: NOW + 2 }))).id,
      (await tx.schedules.save(nudge(await discord(tx, 'y'), { nextDueAt: NOW + 1 }))).id,
    ]);
    const awaiting = (except: number[] = []) => world.tx((tx) => tx.schedules.awaitingChannel('discord', 10, except));
    expect(await awaiting()).toEqual([
      { id: y, workspaceId: 'G1', userId: 'y' }, // the soonest due first
      { id: x, workspaceId: 'G1', userId: 'x' },
    ]);
    expect(await awaiting([y])).toEqual([{ id: x, workspaceId: 'G1', userId: 'x' }]);
    expect(await world.tx((tx) => tx.schedules.awaitingChannel('slack', 10))).toEqual([]);
    await world.tx((tx) => tx.schedules.keepChannel(y, 'DM-y'));
    expect(await awaiting()).toEqual([{ id: x, workspaceId: 'G1', userId: 'x' }]);
    await world.tx((tx) => tx.schedules.forgetChannel(y, 'DM-other')); // not the kept one: nothing changes
    expect((await world.tx((tx) => tx.schedules.byId(y)))!.channelId).toBe('DM-y');
    await world.tx((tx) => tx.schedules.forgetChannel(y, 'DM-y'));
    expect((await world.tx((tx) => tx.schedules.byId(y)))!.channelId).toBeNull();
  });

  it('pauses a schedule after repeated failures, says why once, and starts counting again after a success', async () => {
    const ada = await world.tx((tx) => discord(tx, 'ada'));
    const id = (await world.tx((tx) => tx.schedules.save(nudge(ada)))).id;
    const fail = () => world.tx((tx) => tx.schedules.failed(id, 'DMs closed', 3));
    expect([await fail(), await fail()]).toEqual([false, false]);
    await world.tx((tx) => tx.schedules.succeeded(id));
    expect((await world.tx((tx) => tx.schedules.byId(id)))!.consecutiveFailures).toBe(0);
    expect([await fail(), await fail(), await fail()]).toEqual([false, false, true]);
    expect(await world.tx((tx) => tx.schedules.byId(id))).toMatchObject({
      consecutiveFailures: 3,
      nextDueAt: null,
      pausedReason: 'DMs closed',
    });
    expect(await world.tx((tx) => tx.dashboard.paused(ada.workspace.id))).toEqual([
      {
        kind: 'nudge',
        memberId: ada.member.id,
        name: 'ada',
        privacy: 'show',
        channelId: null,
        reason: 'DMs closed',
        since: NOW,
      },
    ]);
    expect(await world.tx((tx) => tx.schedules.takePausedReason(ada.member.id))).toBe('DMs closed');
    expect(await world.tx((tx) => tx.schedules.takePausedReason(ada.member.id))).toBeUndefined(); // told once
  });

  it('keeps holidays per workspace, oldest first, each date once', async () => {
    const { one, two } = await world.tx(async (tx) => ({
      one: (await person(tx, 'a')).workspace.id,
      two: (await discord(tx, 'b')).workspace.id,
    }));
    const results = await world.tx(async (tx) => [
      await tx.holidays.add(one, '2026-12-25'),
      await tx.holidays.add(one, '2026-12-24'),
      await tx.holidays.add(one, '2026-12-25'), // already one
      await tx.holidays.add(two, '2027-01-01'),
    ]);
    expect(results).toEqual([true, true, false, true]);
    expect(await world.tx((tx) => tx.holidays.datesOf(one))).toEqual(['2026-12-24', '2026-12-25']);
    expect(await world.tx((tx) => tx.holidays.isHoliday(one, '2027-01-01'))).toBe(false);
    expect(await world.tx((tx) => tx.holidays.isHoliday(two, '2027-01-01'))).toBe(true);
    expect(await world.tx((tx) => tx.holidays.remove(one, '2026-12-24'))).toBe(true);
    expect(await world.tx((tx) => tx.holidays.remove(one, '2026-12-24'))).toBe(false);
    expect(await world.tx((tx) => tx.holidays.datesOf(one))).toEqual(['2026-12-25']);
  });
});
