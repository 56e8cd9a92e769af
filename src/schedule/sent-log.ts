// Records each send as it happens — about to go, and gone — a loop turn's worth per transaction: one commit per
// mark was the fan-out's main cost. A request starts only once its 'sending' mark is committed.
import type { Clock } from '../clock.ts';
import type { Log } from '../log.ts';
import type { Store } from '../store/port.ts';

interface Sent {
  id: number;
  scheduleId: number | null;
  platform: string;
  keepChannel?: string;
  duplicate?: boolean;
}
interface Starting {
  id: number;
  resolve: (ok: boolean) => void;
}

export function createSentLog(deps: {
  store: Store;
  clock: Clock;
  log: Log;
  owner: string;
  count: (platform: string, outcome: string) => void;
}) {
  const { store, clock, log, owner, count } = deps;
  let sent: Sent[] = [];
  let starting: Starting[] = [];
  let timer: NodeJS.Immediate | undefined;

  // A crash before a write leaves sent rows 'sending': the next sender treats them as cut off mid-request — which,
  // seen from the store, they were (the platform answered, the answer was not written).
  let writing: Promise<void> = Promise.resolve();

  /** Writes what is queued now, after any write already under way: "flushed" means committed, for every caller. On
   *  SQLite transactions take turns anyway; on PostgreSQL a caller that found nothing queued would otherwise read the
   *  outbox before the write in flight had committed. */
  function flush(): Promise<void> {
    writing = writing.catch(() => {}).then(write); // a failed write is logged there; the next one still runs
    return writing;
  }

  async function write(): Promise<void> {
    if (timer) clearImmediate(timer);
    timer = undefined;
    if (!sent.length && !starting.length) return;
    const [done, next] = [sent, starting];
    [sent, starting] = [[], []];
    let started: boolean[] = next.map(() => false);
    try {
      const now = clock.now().getTime();
      const taken = await store.transaction(async (tx) => {
        const marked: boolean[] = [];
        for (const s of next) marked.push(await tx.deliveries.sending(s.id, owner, now));
        const lost: Sent[] = [];
        for (const s of done) {
          if (!(await tx.deliveries.sent(s.id, owner, now, s.duplicate))) {
            lost.push(s);
            continue;
          }
          if (s.scheduleId) await tx.schedules.succeeded(s.scheduleId);
          // A DM channel this send opened: kept so the schedule's next nudges skip opening it.
          if (s.scheduleId && s.keepChannel) await tx.schedules.keepChannel(s.scheduleId, s.keepChannel);
        }
        started = marked;
        return lost;
      });
      // Taken over while its request ran (this process stalled past the heartbeat deadline): its new owner resends it.
      if (taken.length)
        log.warn('scheduler: sent, but the claim had been taken over; it may go again', {
          ids: taken.map((s) => s.id),
        });
      for (const s of done) {
        count(s.platform, 'sent');
        if (s.duplicate) count(s.platform, 'possible_duplicate');
      }
    } catch (error) {
      started = next.map(() => false); // rolled back: none of them may start
      log.error('scheduler: could not record sends; those done go again, as interrupted, once this process stops', {
        err: error,
        n: done.length,
      });
    }
    for (const [i, s] of next.entries()) s.resolve(started[i]!);
  }

  const soon = () => void (timer ??= setImmediate(() => void flush()));
  return {
    /** Marks a claimed delivery 'sending'; resolves once that is committed: true to go ahead, false when the claim is
     *  no longer this owner's. */
    sending(id: number): Promise<boolean> {
      return new Promise((resolve) => {
        starting.push({ id, resolve });
        soon();
      });
    },
    /** Notes a delivery as sent; written at the end of this loop turn together with the others that finished in it. */
    add(s: Sent): void {
      sent.push(s);
      soon();
    },
    flush,
  };
}
