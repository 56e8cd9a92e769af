// The store's port, held to its promises on a real database (openTestDatabase: SQLite today, every engine later):
// a transaction is all or nothing, transactions take turns, a transaction cannot be opened inside another, numbers
// come back as numbers and booleans as booleans, and readiness follows the database.
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createStore } from '../../src/store/index.ts';
import type { Store, Tx } from '../../src/store/port.ts';
import { tempDir } from '../helpers.ts';
import { openTestDatabase } from './open-test-database.ts';

let tmp: ReturnType<typeof tempDir>;
let store: Store;
beforeEach(async () => {
  tmp = tempDir();
  store = createStore(await openTestDatabase(join(tmp.dir, 'port.db')));
});
afterEach(async () => {
  await store.close();
  tmp.cleanup();
});

const workspace = (tx: Tx, externalId: string) =>
  tx.workspaces.ensure({ platform: 'terminal', externalId, roadmapId: 'backend', now: 1 });

it('rolls back everything a transaction wrote when it throws, and rethrows the error', async () => {
  const failure = new Error('changed my mind');
  await expect(
    store.transaction(async (tx) => {
      const ws = await workspace(tx, 'w1');
      await tx.holidays.add(ws.id, '2026-12-24');
      expect(await tx.holidays.datesOf(ws.id)).toEqual(['2026-12-24']); // seen inside the transaction
      throw failure;
    }),
  ).rejects.toBe(failure);
  expect(await store.transaction((tx) => tx.workspaces.find('terminal', 'w1'))).toBeUndefined();
  // and the database is usable again at once
  const ws = await store.transaction((tx) => workspace(tx, 'w1'));
  expect(await store.transaction((tx) => tx.holidays.datesOf(ws.id))).toEqual([]);
});

it('runs transactions one after another: one that waits between statements is never interleaved with another', async () => {
  const steps: string[] = [];
  const pause = () => new Promise((resolve) => setTimeout(resolve, 20));
  const slow = store.transaction(async (tx) => {
    steps.push('slow begins');
    await workspace(tx, 'slow');
    await pause();
    steps.push('slow ends');
  });
  const quick = store.transaction(async (tx) => {
    steps.push('quick begins');
    await workspace(tx, 'quick');
    steps.push('quick ends');
  });
  await Promise.all([slow, quick]);
  expect(steps).toEqual(['slow begins', 'slow ends', 'quick begins', 'quick ends']);
});

it('refuses a transaction opened inside another, rather than waiting for itself forever', async () => {
  await expect(store.transaction(async () => store.transaction(async (tx) => tx.content.roadmapIds()))).rejects.toThrow(
    /inside a transaction: use the tx/,
  );
  expect(await store.transaction((tx) => tx.content.roadmapIds())).toEqual([]); // nothing left half-open
});

it('returns counts as numbers and booleans as booleans', async () => {
  const { ws, member } = await store.transaction(async (tx) => {
    const ws = await workspace(tx, 'w1');
    const member = await tx.members.resolve({ workspaceId: ws.id, platformUserId: 'u1', displayName: 'Ada', now: 1 });
    return { ws, member };
  });
  expect(ws.leaderboardEnabled).toBe(true);
  const off = await store.transaction((tx) => tx.workspaces.update(ws.id, { leaderboardEnabled: false }));
  expect(off.leaderboardEnabled).toBe(false);

  const identity = (await store.transaction((tx) => tx.links.identity(ws.id, 'u1')))!;
  await store.transaction(async (tx) => {
    await tx.links.recordFailure(identity.id, 10);
    await tx.links.recordFailure(identity.id, 20);
  });
  const counted = await store.transaction(async (tx) => ({
    failures: await tx.links.failuresSince(identity.id, 15),
    headcount: await tx.team.headcount(ws.id, 100),
    depth: await tx.deliveries.depth(),
    counts: await tx.deliveries.counts(),
  }));
  expect(counted).toEqual({ failures: 1, headcount: { visible: 1, idle: 1, hiddenDone: 0 }, depth: 0, counts: {} });
  expect(typeof counted.headcount.visible).toBe('number');
  expect(member.id).toBeTypeOf('number');

  for (const isEnterpriseInstall of [true, false]) {
    const row = {
      id: `E${isEnterpriseInstall}`,
      teamId: null,
      enterpriseId: 'E1',
      isEnterpriseInstall,
      botUserId: null,
      sealed: 'sealed',
      installedAt: 5,
    };
    await store.transaction((tx) => tx.slackInstallations.save(row));
    expect(await store.transaction((tx) => tx.slackInstallations.find(row.id))).toEqual(row);
  }
});

it('is ready while open and migrated, and not once closed', async () => {
  expect(await store.ready()).toBe(true);
  await store.close();
  expect(await store.ready()).toBe(false);
  store = createStore(await openTestDatabase(join(tmp.dir, 'again.db'))); // for afterEach
});
