// Inbound events already taken, by a key of the platform's own id (`slack-event:Ev123`, `discord:1234…`): whichever
// replica a repeated delivery lands on, the insert of its key is what decides that it runs once. Keys are unique ids
// that never come back, so an expired row is only kept from growing the table.
import type { SeenInteractionQueries } from '../port.ts';
import type { Runner } from '../sql/database.ts';

// A row past its expiry counts as unseen (prune may not have run yet): the update takes it over.
const TAKE = `insert into seen_interactions (key, expires_at) values (@key, @expiresAt)
  on conflict (key) do update set expires_at = excluded.expires_at where seen_interactions.expires_at <= @now`;
const PRUNE = 'delete from seen_interactions where expires_at <= @now';

export function seenInteractionQueries(r: Runner): SeenInteractionQueries {
  return {
    firstSeen: async (key, now, ttlMs) => (await r.run(TAKE, { key, now, expiresAt: now + ttlMs })).changes > 0,
    prune: async (now) => (await r.run(PRUNE, { now })).changes,
  };
}
