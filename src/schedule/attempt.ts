// One claimed delivery, from its turn in its lane to its outcome. One cut off by a crash is settled first: too late
// (reported), found to have arrived (recorded), or resent — flagged a possible duplicate unless the platform rules
// it out. Then: composed, marked 'sending' in a commit of its own, sent, and recorded.
import type { Outbound } from '../adapters/adapter.ts';
import type { Clock } from '../clock.ts';
import type { CoreOutbound } from '../core/index.ts';
import type { Reply } from '../core/model/reply.ts';
import type { Log } from '../log.ts';
import type { ClaimedDelivery, Store } from '../store/port.ts';
import type { Lanes } from './lanes.ts';
import type { Pacer } from './pacer.ts';
import { createRecheck } from './recheck.ts';
import type { createSentLog } from './sent-log.ts';
import type { createSettle } from './settle.ts';

export interface AttemptDeps {
  store: Store;
  clock: Clock;
  log: Log;
  owner: string;
  lanes: Lanes;
  outbounds: ReadonlyMap<string, Outbound>; // by platform
  outbound: Pick<CoreOutbound, 'compose' | 'catchUpMs'>;
  count: (platform: string, outcome: string) => void;
  sentLog: ReturnType<typeof createSentLog>;
  settle: ReturnType<typeof createSettle>;
  stopped: () => boolean;
}

export function createAttempt(deps: AttemptDeps) {
  const { store, clock, log, owner, count, sentLog, settle } = deps;

  const recheck = createRecheck(deps);

  async function run(d: ClaimedDelivery, pacer: Pacer): Promise<void> {
    const outbound = deps.outbounds.get(d.platform)!;
    let duplicate = false;
    if (d.interruptedAt !== null) {
      const verdict = await recheck(d, outbound, pacer);
      if (verdict === 'settled') return;
      duplicate = verdict === 'flagged';
    }
    let reply: Reply | undefined;
    try {
      reply = await deps.outbound.compose(d, clock.now().getTime());
    } catch (error) {
      log.error('scheduler: could not compose a message', { err: error, key: d.key });
      await store.transaction((tx) => tx.deliveries.failed(d.id, owner, 'could not compose the message'));
      return count(d.platform, 'failed_compose');
    }
    if (!reply) {
      await store.transaction((tx) => tx.deliveries.skipped(d.id, owner, 'schedule turned off or snoozed'));
      return count(d.platform, 'skipped_off');
    }
    await pacer.spaced(`${d.target.workspaceId}:${d.target.id}`);
    if (deps.stopped()) return; // not started: stop() gave the claim back
    // Committed before the request: a crash from here on leaves the row 'sending', and only such rows may have arrived.
    if (!(await sentLog.sending(d.id))) {
      return log.warn('scheduler: a claim was taken over before its send; not sending it here', { key: d.key });
    }
    try {
      const result = await outbound.send(d.target, reply, { nonce: d.nonce });
      // a DM it opened
      const keepChannel = d.target.kind === 'user' && result?.channelId ? result.channelId : undefined;
      sentLog.add({
        id: d.id,
        scheduleId: d.scheduleId,
        platform: d.platform,
        duplicate,
        ...(keepChannel ? { keepChannel } : {}),
      });
    } catch (error) {
      await settle(d, error, pacer);
    }
  }

  /** Waits for the lane's turn, then sends and settles the delivery; never rejects. */
  return async function attempt(d: ClaimedDelivery): Promise<void> {
    const pacer = deps.lanes.pacer(d.platform, d.target.workspaceId);
    if (!(await pacer.take())) return; // stopped while waiting: stop() gave the claim back
    try {
      await run(d, pacer);
    } catch (error) {
      log.error('scheduler: send crashed', { err: error, key: d.key });
    } finally {
      pacer.done();
    }
  };
}
