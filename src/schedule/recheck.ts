// After a crash, a delivery that was mid-request may have arrived. Before it goes again: too late (reported as
// missed), found to have arrived (recorded, not resent), or resent — flagged a possible duplicate unless the platform
// deduplicates by nonce within its window, or its outbound can look and finds nothing.
import type { Outbound } from '../adapters/adapter.ts';
import type { ClaimedDelivery } from '../store/port.ts';
import type { AttemptDeps } from './attempt.ts';
import { classify } from './failure.ts';
import type { Pacer } from './pacer.ts';

export type Verdict = 'settled' | 'flagged' | 'clear'; // nothing more to send; resend, may post twice; resend safely

export function createRecheck(
  deps: Pick<AttemptDeps, 'store' | 'clock' | 'log' | 'owner' | 'outbound' | 'count' | 'sentLog' | 'settle'>,
) {
  const { store, clock, log, owner, count, sentLog, settle } = deps;
  return async function recheck(d: ClaimedDelivery, outbound: Outbound, pacer: Pacer): Promise<Verdict> {
    const now = clock.now().getTime();
    if (now - d.dueAt > deps.outbound.catchUpMs) {
      const hours = deps.outbound.catchUpMs / 3_600_000;
      await store.transaction((tx) =>
        tx.deliveries.skipped(
          d.id,
          owner,
          `missed: cut off mid-send by a crash and now over ${hours} hours late; it may have arrived`,
        ),
      );
      log.warn('scheduler: an interrupted delivery is too late to resend', { key: d.key });
      count(d.platform, 'skipped_missed');
      return 'settled';
    }
    // A platform that deduplicates by nonce posts a resend inside its window only once; past it, it may post twice.
    const window = outbound.nonceWindowMs;
    if (window !== undefined) return now - d.interruptedAt! <= window ? 'clear' : 'flagged';
    let found: number | undefined;
    try {
      found = await outbound.findSent?.(d.target, d.nonce);
    } catch (error) {
      if (classify(error, d.platform).kind === 'rate_limited') {
        await settle(d, error, pacer); // back to pending for the platform's Retry-After; it is checked again then
        return 'settled';
      }
      log.info('scheduler: could not check whether an interrupted delivery arrived', { key: d.key, err: error });
    }
    if (found === undefined) return 'flagged';
    if (found === 0) return 'clear';
    count(d.platform, 'found_after_crash');
    sentLog.add({ id: d.id, scheduleId: d.scheduleId, platform: d.platform, duplicate: found > 1 });
    return 'settled';
  };
}
