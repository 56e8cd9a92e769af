// The leader's lock on PostgreSQL: a session advisory lock on a connection of its own, outside the pool. The lock lives
// as long as that session: a replica killed outright drops its connection and the server frees the lock at once; one
// whose machine vanishes is found out by TCP keepalives set here (about 20 s). See
// docs/decisions/016-one-leader-by-advisory-lock.md.
import pg from 'pg';
import type { LeaderLock } from '../sql/database.ts';

// Every replica of the bot takes this one key ("RmLd"); migrations take another (engine.ts).
export const LEADER_LOCK = 0x526d4c64;

export interface LeaderLockOptions {
  /** How long a check may wait for the server before the connection counts as lost. */
  timeoutMs?: number;
}

export function leaderLockOn(url: string, options: LeaderLockOptions = {}): LeaderLock {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const listeners: ((reason: string) => void)[] = [];
  let client: pg.Client | undefined;
  let held = false;

  /** The connection is gone: the lock went with it. The listeners hear it when it was held. */
  function lose(c: pg.Client, reason: string): void {
    if (client !== c) return; // an older connection, already given up
    client = undefined;
    const was = held;
    held = false;
    c.end().catch(() => {});
    if (was) for (const fn of listeners) fn(reason);
  }

  async function connect(): Promise<pg.Client> {
    const c = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: timeoutMs,
      query_timeout: timeoutMs, // a check that hangs (the network went) ends the connection, and the lock with it
      keepAlive: true,
      keepAliveInitialDelayMillis: 5_000,
    });
    c.on('error', (error) => lose(c, `lock connection failed: ${error.message}`));
    c.on('end', () => lose(c, 'lock connection ended'));
    client = c;
    await c.connect();
    // The server's side: a leader whose machine is gone without closing its socket is given up within
    // 5 + 3 × 5 s, so another replica takes over within the 30 s promised.
    await c.query(`select set_config('tcp_keepalives_idle', '5', false),
      set_config('tcp_keepalives_interval', '5', false), set_config('tcp_keepalives_count', '3', false)`);
    return c;
  }

  return {
    async hold() {
      let c = client;
      try {
        c ??= await connect();
        if (held) await c.query('select 1');
        else
          held = (await c.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [LEADER_LOCK])).rows[0]!.ok;
        return held && client === c;
      } catch (error) {
        if (c ?? client) lose((c ?? client)!, `lock connection failed: ${(error as Error).message}`);
        return false;
      }
    },
    onLost(fn) {
      listeners.push(fn);
    },
    async release() {
      const c = client;
      client = undefined;
      held = false;
      await c?.end().catch(() => {}); // the session ends: the server frees the lock
    },
  };
}
