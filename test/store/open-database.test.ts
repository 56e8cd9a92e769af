// The configuration's choice of engine: DATABASE_URL opens PostgreSQL with a pool of DATABASE_POOL_SIZE connections.
// (The SQLite side, DATABASE_PATH, is the SQLite engine's own, tested with it.)
import { describe, expect, it } from 'vitest';
import { describeDatabase, openDatabaseFor } from '../../src/store/open-database.ts';
import { POSTGRES_ENGINES } from './engines.ts';

const UNREACHABLE = { DATABASE_PATH: './unused.db', DATABASE_URL: 'postgres://bot:s3cret@127.0.0.1:1/coach' };

describe('openDatabaseFor', () => {
  it('opens PostgreSQL for DATABASE_URL, named without its password', async () => {
    const db = await openDatabaseFor({ ...UNREACHABLE, DATABASE_POOL_SIZE: 10 });
    try {
      expect(db.dialect.name).toBe('postgres');
      expect(await db.ready()).toBe(false);
    } finally {
      await db.close();
    }
    expect(describeDatabase({ ...UNREACHABLE, DATABASE_POOL_SIZE: 10 })).toBe('PostgreSQL 127.0.0.1:1/coach');
    expect(describeDatabase({ DATABASE_PATH: './data/x.db', DATABASE_URL: undefined, DATABASE_POOL_SIZE: 10 })).toBe(
      './data/x.db',
    );
  });

  it.each(POSTGRES_ENGINES.filter((e) => e.name === 'postgres').map((e) => [e.name, e] as const))(
    'on the %s server, holds at most DATABASE_POOL_SIZE transactions open at once',
    async (_name, engine) => {
      const opened = await engine.open();
      const db = await openDatabaseFor({
        DATABASE_PATH: './unused.db',
        DATABASE_URL: opened.url,
        DATABASE_POOL_SIZE: 2,
      });
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const started: number[] = [];
      const work = [1, 2, 3].map((n) =>
        db.transaction(async (r) => {
          started.push(n);
          await r.get('select 1');
          if (n < 3) await held;
        }),
      );
      try {
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(started.sort()).toEqual([1, 2]); // the third waits for a connection
        release();
        await Promise.all(work);
        expect(started.sort()).toEqual([1, 2, 3]);
      } finally {
        release();
        await Promise.allSettled(work);
        await db.close();
        await opened.dispose();
      }
    },
  );
});
