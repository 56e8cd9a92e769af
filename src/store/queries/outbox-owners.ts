// Senders that hold outbox claims, and their heartbeats. An owner silent past the deadline is dead: its claims go back
// at once — rows that only waited as pending, rows whose request had started as interrupted.
import type { OutboxOwnerQueries, Recovered } from '../port.ts';
import type { Runner } from '../sql/database.ts';

const BEAT = `insert into outbox_owners (id, heartbeat_at, started_at) values (@id, @now, @now)
  on conflict (id) do update set heartbeat_at = excluded.heartbeat_at`;
// Owners that are not alive: silent past the deadline, or gone from the table (@only: just this one, retiring).
const DEAD = `owner is not null and owner not in (select id from outbox_owners where (heartbeat_at >= @deadline
  or id = @me) and id <> @only)`;
const RELEASE = `update deliveries set status = 'pending', owner = null where status = 'claimed' and ${DEAD}`;
// The first cut-off request is the one Discord's nonce window counts from: a later one never replaces it.
const INTERRUPT = `update deliveries set status = 'pending', owner = null,
    interrupted_at = coalesce(interrupted_at, sending_since), sending_since = null
  where status = 'sending' and ${DEAD} returning id as "id", platform as "platform"`;
const FORGET = 'delete from outbox_owners where (heartbeat_at < @deadline and id <> @me) or id = @only';

export function outboxOwnerQueries(r: Runner): OutboxOwnerQueries {
  async function recover(args: { me: string; deadline: number; only: string }): Promise<Recovered> {
    const released = (await r.run(RELEASE, args)).changes;
    const interrupted = await r.all<Recovered['interrupted'][number]>(INTERRUPT, args);
    await r.run(FORGET, args);
    return { released, interrupted };
  }
  return {
    async beat(id, now) {
      await r.run(BEAT, { id, now });
    },
    recoverDead: (me, deadline) => recover({ me, deadline, only: '' }),
    retire: (me) => recover({ me: '', deadline: Number.MIN_SAFE_INTEGER, only: me }),
  };
}
