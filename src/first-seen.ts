// The adapters' FirstSeen over the store: one short transaction per inbound event that can come twice, so a retry
// that lands on another replica than the first delivery still runs once. Keys live an hour (Slack retries within
// minutes, a Discord gateway replays what it missed on resume); the expired ones are pruned at most once a minute
// per process, on the way.
import type { FirstSeen } from './adapters/adapter.ts';
import type { Clock } from './clock.ts';
import type { Log } from './log.ts';
import type { Store } from './store/port.ts';

export const SEEN_TTL_MS = 60 * 60_000;
const PRUNE_EVERY_MS = 60_000;

export function firstSeenOver(store: Store, clock: Clock, log?: Log): FirstSeen {
  let prunedAt = Number.NEGATIVE_INFINITY;
  return async (key) => {
    const now = clock.now().getTime();
    if (now - prunedAt >= PRUNE_EVERY_MS) {
      prunedAt = now;
      store
        .transaction((tx) => tx.seenInteractions.prune(now))
        .catch((error: unknown) => log?.warn('could not prune seen interactions; the next prune will', { err: error }));
    }
    return await store.transaction((tx) => tx.seenInteractions.firstSeen(key, now, SEEN_TTL_MS));
  };
}
