// The store over any Database: transactions that hand out every query group bound to them, and nothing else. The
// queries (src/store/queries) are written once and run on whichever engine the Database is.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Store, Tx } from './port.ts';
import { BoundTx, createContentCache, createWorkspaceCache, type Shared } from './queries/index.ts';
import type { Database, TransactionOptions } from './sql/database.ts';

export function createStore(database: Database): Store {
  const shared: Shared = { content: createContentCache(), workspaces: createWorkspaceCache() };
  // A transaction begun inside another would wait for it forever on SQLite (one connection, turns) and run apart from
  // it on PostgreSQL (another pooled connection): refused at once, naming the fix.
  const inside = new AsyncLocalStorage<true>();
  return {
    dialect: database.dialect,
    transaction<T>(fn: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T> {
      if (inside.getStore())
        return Promise.reject(new Error('store.transaction() inside a transaction: use the tx it was given'));
      return database.transaction((runner) => inside.run(true, () => fn(new BoundTx(runner, shared))), options);
    },
    ready: () => database.ready(),
    leaderLock: () => database.leaderLock?.(),
    close: () => database.close(),
  };
}

export type * from './port.ts';
