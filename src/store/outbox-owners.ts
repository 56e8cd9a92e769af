// Senders that hold outbox claims, and their heartbeats. An owner silent past the deadline is dead: its claims go back
// at once — rows that only waited as pending, rows whose request had started as interrupted. Plain SQL (no SQLite-only
// functions), so it ports to PostgreSQL as it is.
import type { Db } from './db.ts';

export interface Recovered {
  released: number; // claimed, never started: simply sent again
  interrupted: { id: number; platform: string }[]; // mid-request when their owner died: the request may have arrived
}

export function createOutboxOwnerStore(db: Db) {
  const sqlite = db.$client;
  const beat = sqlite.prepare(`insert into outbox_owners (id, heartbeat_at, started_at) values (@id, @now, @now)
    on conflict (id) do update set heartbeat_at = excluded.heartbeat_at`);
  // Owners that are not alive: silent past the deadline, or gone from the table (@only: just this one, retiring).
  const dead = `owner is not null and owner not in (select id from outbox_owners where (heartbeat_at >= @deadline
    or id = @me) and id <> @only)`;
  const release = sqlite.prepare(
    `update deliveries set status = 'pending', owner = null where status = 'claimed' and ${dead}`,
  );
  // The first cut-off request is the one Discord's nonce window counts from: a later one never replaces it.
  const interrupt = sqlite.prepare(`update deliveries set status = 'pending', owner = null,
      interrupted_at = coalesce(interrupted_at, sending_since), sending_since = null
    where status = 'sending' and ${dead} returning id, platform`);
  const forget = sqlite.prepare(
    'delete from outbox_owners where (heartbeat_at < @deadline and id <> @me) or id = @only',
  );

  function recover(args: { me: string; deadline: number; only: string }): Recovered {
    return sqlite
      .transaction(() => {
        const released = release.run(args).changes;
        const interrupted = interrupt.all(args) as Recovered['interrupted'];
        forget.run(args);
        return { released, interrupted };
      })
      .immediate();
  }

  return {
    /** The owner is alive now (registers it the first time, or again after others took it for dead). */
    beat: (id: string, now: number): void => void beat.run({ id, now }),
    /** Takes back the claims of every owner but `me` whose last beat is older than `deadline`, and forgets them. */
    recoverDead: (me: string, deadline: number): Recovered => recover({ me, deadline, only: '' }),
    /** An owner stopping: whatever it still holds goes back as if it had died, and it leaves the table. */
    retire: (me: string): Recovered => recover({ me: '', deadline: Number.MIN_SAFE_INTEGER, only: me }),
  };
}
