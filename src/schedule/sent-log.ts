// Records sends that went out, a loop turn's worth per transaction: one commit per send was the fan-out's main cost.
import type { Clock } from '../clock.ts';
import type { Log } from '../log.ts';
import type { Store } from '../store/index.ts';

interface Sent { id: number; scheduleId: number | null; platform: string; keepChannel?: string }

export function createSentLog(deps: { store: Store; clock: Clock; log: Log; count: (platform: string, outcome: string) => void }) {
  const { store, clock, log, count } = deps;
  let queued: Sent[] = [];
  let timer: NodeJS.Immediate | undefined;

  /** Writes what is queued now. A crash before this leaves the rows 'sending': after their lease they go again,
   *  as a possible duplicate (or deduplicated by nonce) — the same as a crash between the send and its commit. */
  function flush(): void {
    if (timer) clearImmediate(timer);
    timer = undefined;
    if (!queued.length) return;
    const batch = queued;
    queued = [];
    try {
      const now = clock.now().getTime();
      store.transaction(() => {
        for (const s of batch) {
          store.deliveries.sent(s.id, now);
          if (s.scheduleId) store.schedules.succeeded(s.scheduleId);
          // Slack's DM channel, opened by this send: kept so the schedule's next nudges skip conversations.open.
          if (s.scheduleId && s.keepChannel) store.schedules.keepChannel(s.scheduleId, s.keepChannel);
        }
      });
      for (const s of batch) count(s.platform, 'sent');
    } catch (error) {
      log.error('scheduler: could not record sent deliveries; they will go again when their lease runs out', { err: error, n: batch.length });
    }
  }

  return {
    /** Notes a delivery as sent; written at the end of this loop turn together with the others that finished in it. */
    add(sent: Sent): void {
      queued.push(sent);
      timer ??= setImmediate(flush);
    },
    flush,
  };
}
