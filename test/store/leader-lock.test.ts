// The leader's lock on the real PostgreSQL server (PGlite serves one process and has none): one holder at a time, a
// holder that checks keeps it, a released lock passes on, and a holder whose connection the server ends hears it at
// once (the listeners run before any check) while another replica takes the lock at its next try.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LEADER_LOCK, leaderLockOn } from '../../src/store/postgres/leader-lock.ts';
import type { LeaderLock } from '../../src/store/sql/database.ts';
import { type OpenedEngine, POSTGRES_ENGINES } from './engines.ts';

const SERVERS = POSTGRES_ENGINES.filter((e) => e.name === 'postgres');

describe.each(SERVERS.map((e) => [e.name, e] as const))('the leader lock on %s', (_name, engine) => {
  let opened: OpenedEngine;
  const locks: LeaderLock[] = [];
  const lock = () => {
    const l = opened.db.leaderLock!();
    locks.push(l);
    return l;
  };
  beforeEach(async () => {
    opened = await engine.open();
  });
  afterEach(async () => {
    await Promise.all(locks.splice(0).map((l) => l.release()));
    await opened.dispose();
  });
  /** The server process holding the leader's lock in this database, if any. */
  const holderPid = () =>
    opened.db.transaction(
      async (r) =>
        (
          await r.get<{ pid: number }>(
            `select pid as "pid" from pg_locks where locktype = 'advisory' and objid = @key and granted
           and database = (select oid from pg_database where datname = current_database())`,
            { key: LEADER_LOCK },
          )
        )?.pid,
    );

  it('is held by one replica at a time and passes on when released', async () => {
    const a = lock();
    const b = lock();
    expect(await a.hold()).toBe(true);
    expect(await b.hold()).toBe(false);
    expect(await a.hold()).toBe(true); // a check keeps it
    expect(await b.hold()).toBe(false);
    await a.release();
    expect(await b.hold()).toBe(true);
    expect(await a.hold()).toBe(false);
  });

  it('tells its holder at once when the connection ends, and another replica takes it', async () => {
    const a = lock();
    const b = lock();
    const lost: string[] = [];
    a.onLost((reason) => lost.push(reason));
    b.onLost((reason) => lost.push(`b: ${reason}`));
    expect(await a.hold()).toBe(true);
    expect(await b.hold()).toBe(false);
    const pid = await holderPid();
    expect(pid).toBeTypeOf('number');
    // As the server does when a leader's process dies or its network goes: the session ends, the lock with it.
    await opened.db.transaction((r) => r.run('select pg_terminate_backend(@pid)', { pid }));
    await expect.poll(() => lost.length, { timeout: 2_000, interval: 20 }).toBe(1);
    expect(lost[0]).toMatch(/^lock connection (failed|ended)/);
    expect(await b.hold()).toBe(true);
    expect(await a.hold()).toBe(false); // a reconnects, finds it taken
    expect(await holderPid()).not.toBe(pid);
    expect(lost).toHaveLength(1); // b was never told anything
  });

  it('does not hold a lock it cannot reach, and says so without throwing', async () => {
    const nowhere = leaderLockOn('postgres://postgres@127.0.0.1:1/none', { timeoutMs: 1_000 });
    locks.push(nowhere);
    expect(await nowhere.hold()).toBe(false);
  });
});
