// What a failed send leaves in the outbox: failed for good (and the schedule told), a wait as the platform asked
// (429), or a retry with capped exponential backoff. Every write names the owner: a claim taken over is left alone.
import type { Clock } from '../clock.ts';
import type { Log } from '../log.ts';
import type { ClaimedDelivery, Store, Tx } from '../store/port.ts';
import { classify } from './failure.ts';
import type { Pacer } from './pacer.ts';

export interface Backoff {
  baseMs: number;
  capMs: number;
  maxAttempts: number;
}

export interface SettleDeps {
  store: Store;
  clock: Clock;
  log: Log;
  owner: string;
  backoff: Backoff;
  count: (platform: string, outcome: string) => void;
  /** The core's rule: a schedule whose deliveries keep failing for good pauses; true when it did. */
  failedForGood: (tx: Tx, scheduleId: number, reason: string) => Promise<boolean>;
}

export function createSettle(deps: SettleDeps) {
  const { store, clock, log, owner, backoff, count } = deps;
  /** pacer: the lane to cool down when the platform said to wait. */
  return async function settle(d: ClaimedDelivery, error: unknown, pacer?: Pacer): Promise<void> {
    const failure = classify(error, d.platform);
    const now = clock.now().getTime();
    if (failure.kind === 'permanent') {
      await store.transaction(async (tx) => {
        await tx.deliveries.failed(d.id, owner, failure.reason);
        // A kept DM channel refused for good (closed, archived) is forgotten: the next nudge opens a fresh one.
        if (d.scheduleId && d.target.kind === 'user') await tx.schedules.forgetChannel(d.scheduleId, d.target.id);
        if (d.scheduleId && (await deps.failedForGood(tx, d.scheduleId, failure.reason))) {
          log.warn('scheduler: schedule paused after repeated permanent failures', {
            scheduleId: d.scheduleId,
            reason: failure.reason,
          });
        }
      });
      count(d.platform, failure.outcome);
      return;
    }
    if (failure.kind === 'rate_limited') {
      pacer?.coolDown(failure.retryAfterMs);
      await store.transaction((tx) => tx.deliveries.retry(d.id, owner, now + failure.retryAfterMs, 'rate limited'));
      count(d.platform, 'retried');
      return;
    }
    if (d.attempts + 1 >= backoff.maxAttempts) {
      await store.transaction((tx) =>
        tx.deliveries.failed(d.id, owner, `gave up after ${d.attempts + 1} attempts: ${failure.reason}`),
      );
      count(d.platform, 'failed_gave_up');
      return;
    }
    const delay = Math.min(backoff.capMs, backoff.baseMs * 2 ** d.attempts);
    await store.transaction((tx) => tx.deliveries.retry(d.id, owner, now + delay, failure.reason));
    log.warn('scheduler: send failed, will retry', {
      key: d.key,
      attempt: d.attempts + 1,
      reason: failure.reason,
      inMs: delay,
    });
    count(d.platform, 'retried');
  };
}

export type Settle = ReturnType<typeof createSettle>;
