// The outbox on every engine: one row per key however often a due group is enqueued, a delivery's life from claim to
// sent, retried or failed (each write only for the owner holding the claim), dead owners' claims taken back, and two
// claims at the same moment never taking the same row. On a concurrent engine (a pool of connections) the second
// claim runs while the first still holds its rows uncommitted, so it must pass over them (FOR UPDATE SKIP LOCKED).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore } from '../../../src/store/index.ts';
import type { Claim, Store, Tx } from '../../../src/store/port.ts';
import { ENGINES } from '../engines.ts';
import { NOW, openWorld, person, type World } from './world.ts';

const DATE = '2026-11-26';
const MINUTE = 60_000;

describe.each(ENGINES)('the outbox on $name', (engine) => {
  let world: World;
  beforeEach(async () => {
    world = await openWorld(engine);
  });
  afterEach(() => world.close());

  /** n Discord members of guild G1, each with a nudge due at NOW: their schedule ids. */
  async function nudges(tx: Tx, n: number): Promise<number[]> {
    const ids: number[] = [];
    for (let i = 1; i <= n; i++) {
      const p = await person(tx, `u${i}`, { platform: 'discord', workspace: 'G1' });
      const s = await tx.schedules.save({
        kind: 'nudge',
        workspaceId: p.workspace.id,
        memberId: p.member.id,
        identityId: p.identityId,
        localTime: '09:00',
        timeZone: 'UTC',
        days: 127,
        nextDueAt: NOW,
        createdAt: NOW,
      });
      ids.push(s.id);
    }
    return ids;
  }
  const enqueue = (tx: Tx, ids: number[], skip: 'holiday' | null = null, date = DATE) =>
    tx.deliveries.enqueueDue({ ids: JSON.stringify(ids), dueAt: NOW, date, skip }, NOW);
  const claim = (store: Store, owner: string, limit: number, now = NOW, more: Partial<Claim> = {}) =>
    store.transaction((tx) => tx.deliveries.claim({ platform: 'discord', owner, now, limit, ...more }), {
      immediate: true,
    });

  it('keeps one row per key: enqueuing the same due group again adds nothing', async () => {
    const ids = await world.tx((tx) => nudges(tx, 2));
    expect(await world.tx((tx) => enqueue(tx, ids))).toEqual([
      ['discord', null],
      ['discord', null],
    ]);
    expect(await world.tx((tx) => enqueue(tx, ids))).toEqual([]); // the keys exist
    expect(await world.tx((tx) => enqueue(tx, ids, 'holiday'))).toEqual([]); // whatever the outcome would be now
    expect(await world.tx((tx) => tx.deliveries.counts())).toEqual({ pending: 2 });
    // Another day is another key; a holiday's delivery is queued as skipped, with why.
    expect(await world.tx((tx) => enqueue(tx, [ids[0]!], 'holiday', '2026-11-27'))).toEqual([['discord', 'holiday']]);
    expect(await world.tx((tx) => tx.deliveries.counts())).toEqual({ pending: 2, skipped: 1 });
    // The key is unique in the table itself, not only in enqueueDue's `on conflict`.
    const row = (await world.tx((tx) => tx.deliveries.byKey(`${ids[0]}:${DATE}`)))!;
    await expect(
      world.sql.run(
        `insert into deliveries (key, platform, target, payload, status, nonce, attempts, next_attempt_at, due_at,
          created_at) values (@key, 'discord', '{}', '{}', 'pending', 'n', 0, 0, 0, 0)`,
        { key: row.key },
      ),
    ).rejects.toThrow();
    // JSON and booleans come back as values, the nonce as the database made it.
    expect(row).toEqual({
      id: expect.any(Number),
      key: `${ids[0]}:${DATE}`,
      scheduleId: ids[0],
      platform: 'discord',
      targetWorkspace: 'G1',
      target: { kind: 'user', workspaceId: 'G1', id: 'u1' },
      payload: { kind: 'nudge' },
      status: 'pending',
      owner: null,
      sendingSince: null,
      interruptedAt: null,
      nonce: expect.stringMatching(/^[0-9a-f]{24}$/),
      attempts: 0,
      nextAttemptAt: NOW,
      lastError: null,
      possibleDuplicate: false,
      dueAt: NOW,
      createdAt: NOW,
      sentAt: null,
    });
  });

  it('moves a delivery from claim to sent, retried or failed, each step only for the owner holding it', async () => {
    const ids = await world.tx(async (tx) => {
      const ids = await nudges(tx, 3);
      await enqueue(tx, ids);
      return ids;
    });
    const key = (i: number) => `${ids[i]}:${DATE}`;
    const row = (i: number) => world.tx((tx) => tx.deliveries.byKey(key(i)));
    const q = <T>(fn: (tx: Tx) => Promise<T>) => world.tx(fn);
    expect(await q((tx) => tx.deliveries.dueWorkspaces('discord', NOW))).toEqual(['G1']);
    expect(await claim(world.store, 'one', 2, NOW - 1)).toEqual([]); // not due yet
    const [a, b] = await claim(world.store, 'one', 2);
    expect([a!.key, b!.key]).toEqual([key(0), key(1)]); // oldest due first, then by id
    expect(a).toMatchObject({ target: { kind: 'user', workspaceId: 'G1', id: 'u1' }, payload: { kind: 'nudge' } });
    const [c] = await claim(world.store, 'two', 5);
    expect(c!.key).toBe(key(2));
    expect(await q((tx) => tx.deliveries.depth())).toBe(3);

    // a: sent, flagged as a possible duplicate.
    expect(await q((tx) => tx.deliveries.sending(a!.id, 'two', NOW + 1))).toBe(false); // not its claim
    expect(await q((tx) => tx.deliveries.sending(a!.id, 'one', NOW + 1))).toBe(true);
    expect(await row(0)).toMatchObject({ status: 'sending', owner: 'one', attempts: 1, sendingSince: NOW + 1 });
    expect(await q((tx) => tx.deliveries.sent(a!.id, 'two', NOW + 2))).toBe(false);
    expect(await q((tx) => tx.deliveries.sent(a!.id, 'one', NOW + 2, true))).toBe(true);
    expect(await row(0)).toMatchObject({ status: 'sent', owner: null, sentAt: NOW + 2, possibleDuplicate: true });

    // b: retried a minute later; not claimable before then.
    await q((tx) => tx.deliveries.sending(b!.id, 'one', NOW + 3));
    await q((tx) => tx.deliveries.retry(b!.id, 'two', NOW + MINUTE, 'not yours')); // changes nothing
    await q((tx) => tx.deliveries.retry(b!.id, 'one', NOW + MINUTE, 'rate limited'));
    expect(await row(1)).toMatchObject({ status: 'pending', owner: null, nextAttemptAt: NOW + MINUTE, attempts: 1 });
    expect(await claim(world.store, 'one', 5, NOW + MINUTE - 1)).toEqual([]);
    const [again] = await claim(world.store, 'one', 5, NOW + MINUTE);
    expect(again).toMatchObject({ id: b!.id, attempts: 1 });
    await q((tx) => tx.deliveries.sending(b!.id, 'one', NOW + MINUTE));
    await q((tx) => tx.deliveries.failed(b!.id, 'one', 'gone for good'));
    expect(await row(1)).toMatchObject({ status: 'failed', owner: null, attempts: 2, lastError: 'gone for good' });

    // c: given back by its owner before its request started.
    expect(await q((tx) => tx.deliveries.release('two'))).toBe(1);
    expect(await row(2)).toMatchObject({ status: 'pending', owner: null });
    expect(await q((tx) => tx.deliveries.counts())).toEqual({ sent: 1, failed: 1, pending: 1 });
    expect(await q((tx) => tx.deliveries.depth())).toBe(1);
  });

  it("takes back a dead owner's claims, the started ones as interrupted, and leaves a live owner's", async () => {
    await world.tx(async (tx) => enqueue(tx, await nudges(tx, 4)));
    await world.tx(async (tx) => {
      await tx.outboxOwners.beat('dead', NOW - 10 * MINUTE);
      await tx.outboxOwners.beat('alive', NOW);
    });
    const [a, b] = await claim(world.store, 'dead', 2);
    const [c] = await claim(world.store, 'alive', 1);
    await world.tx(async (tx) => {
      await tx.deliveries.sending(b!.id, 'dead', NOW + 5);
      await tx.deliveries.sending(c!.id, 'alive', NOW + 6);
    });
    const recovered = await world.store.transaction((tx) => tx.outboxOwners.recoverDead('me', NOW - MINUTE), {
      immediate: true,
    });
    expect(recovered).toEqual({ released: 1, interrupted: [{ id: b!.id, platform: 'discord' }] });
    const rows = await world.sql.all(
      `select id as "id", status as "status", owner as "owner", interrupted_at as "interruptedAt" from deliveries
      where id in (@a, @b, @c) order by id`,
      { a: a!.id, b: b!.id, c: c!.id },
    );
    expect(rows).toEqual([
      { id: a!.id, status: 'pending', owner: null, interruptedAt: null },
      { id: b!.id, status: 'pending', owner: null, interruptedAt: NOW + 5 },
      { id: c!.id, status: 'sending', owner: 'alive', interruptedAt: null },
    ]);
    expect(await world.sql.values('select id from outbox_owners order by id')).toEqual(['alive']);
    expect(await world.tx((tx) => tx.deliveries.sent(b!.id, 'dead', NOW + 9))).toBe(false); // a late write: no effect
    expect(await world.tx((tx) => tx.outboxOwners.retire('alive'))).toEqual({
      released: 0,
      interrupted: [{ id: c!.id, platform: 'discord' }],
    });
    expect(await world.sql.values('select id from outbox_owners')).toEqual([]);
  });

  it('gives two claims made at the same moment disjoint rows', async () => {
    await world.tx(async (tx) => enqueue(tx, await nudges(tx, 30)));
    // A second process's store where the engine has one (a replica); otherwise the same store, taking turns.
    const replica = engine.concurrent ? world.opened.replica() : undefined;
    const other = replica ? createStore(replica) : world.store;
    let firstHolds!: () => void;
    const held = new Promise<void>((resolve) => (firstHolds = resolve));
    let secondClaimed!: () => void;
    const claimedToo = new Promise<void>((resolve) => (secondClaimed = resolve));
    const first = world.store.transaction(
      async (tx) => {
        const rows = await tx.deliveries.claim({ platform: 'discord', owner: 'first', now: NOW, limit: 12 });
        firstHolds();
        if (engine.concurrent) await claimedToo; // keep the rows locked and uncommitted while the second claims
        return rows;
      },
      { immediate: true },
    );
    if (engine.concurrent) await held;
    const second = other.transaction(
      async (tx) => {
        const rows = await tx.deliveries.claim({ platform: 'discord', owner: 'second', now: NOW, limit: 12 });
        secondClaimed();
        return rows;
      },
      { immediate: true },
    );
    // Claims that wait for each other's rows never finish: fail then, and let the first go, so the database closes.
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => {
        secondClaimed();
        reject(new Error('the claims waited for each other'));
      }, 8_000),
    );
    const [a, b] = await Promise.race([Promise.all([first, second]), timeout]);
    const ids = (rows: { id: number }[]) => rows.map((r) => r.id);
    expect(a).toHaveLength(12);
    expect(b).toHaveLength(12);
    expect(ids(a).filter((id) => ids(b).includes(id))).toEqual([]);
    expect(
      await world.sql.all(
        'select owner as "owner", count(*) as "n" from deliveries where owner is not null group by owner order by owner',
      ),
    ).toEqual([
      { owner: 'first', n: 12 },
      { owner: 'second', n: 12 },
    ]);
    expect(await world.tx((tx) => tx.deliveries.counts())).toEqual({ claimed: 24, pending: 6 });
  });
});
