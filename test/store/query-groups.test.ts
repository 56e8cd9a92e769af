// Query groups (src/store/queries/index.ts, docs/decisions/027): the ones that hold only their runner are built once
// per runner and shared by its transactions; the ones with per-transaction state are built for each transaction.
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createStore, type Store } from '../../src/store/index.ts';
import { tempDir } from '../helpers.ts';
import { openMigratedSqlite } from './open-test-database.ts';

let tmp: ReturnType<typeof tempDir>;
let stores: Store[];
beforeEach(async () => {
  tmp = tempDir();
  stores = [
    createStore(await openMigratedSqlite(join(tmp.dir, 'a.db'))),
    createStore(await openMigratedSqlite(join(tmp.dir, 'b.db'))),
  ];
});
afterEach(async () => {
  await Promise.all(stores.map((s) => s.close()));
  tmp.cleanup();
});

it("shares a runner's stateless groups across its transactions, and only its own", async () => {
  const [a, b] = stores as [Store, Store];
  const groupsOf = (s: Store) => s.transaction(async (tx) => ({ members: tx.members, progress: tx.progress }));
  const [first, second, other] = [await groupsOf(a), await groupsOf(a), await groupsOf(b)];
  expect(second.members).toBe(first.members);
  expect(second.progress).toBe(first.progress);
  expect(other.members).not.toBe(first.members); // another database: another runner
});

it('builds the groups with per-transaction state (the change version, a write seen) for each transaction', async () => {
  const [a] = stores as [Store];
  const groupsOf = () => a.transaction(async (tx) => ({ workspaces: tx.workspaces, content: tx.content }));
  const [first, second] = [await groupsOf(), await groupsOf()];
  expect(second.workspaces).not.toBe(first.workspaces);
  expect(second.content).not.toBe(first.content);
});
