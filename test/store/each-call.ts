// Tests read and arrange state one query at a time: each call here is its own transaction, as each statement was its
// own autocommit before the store went behind transactions. `await app.q.deliveries.counts()`. Claims and recoveries
// take the write lock first, as the scheduler's do.
import type { Store, Tx } from '../../src/store/port.ts';

const IMMEDIATE = new Set(['claim', 'recoverDead', 'retire']);

type Group = Record<string, (...args: unknown[]) => Promise<unknown>>;

export function eachCallInItsOwnTransaction(store: Store): Tx {
  const group = (name: keyof Tx) =>
    new Proxy({} as Group, {
      get:
        (_, method: string) =>
        (...args: unknown[]) =>
          store.transaction((tx) => (tx[name] as unknown as Group)[method]!(...args), {
            immediate: IMMEDIATE.has(method),
          }),
    });
  return new Proxy({} as Tx, { get: (_, name: keyof Tx) => group(name) });
}
