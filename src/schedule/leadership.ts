// Which replica ticks and sends: the one holding the leader's lock (PostgreSQL, src/store/postgres/leader-lock.ts).
// Every replica checks every few seconds: a follower tries to take the lock, the leader checks it still holds it. A
// leader whose lock connection drops stops at once, without waiting for the next check. Where the store has no such
// lock (SQLite: one process), this process leads from the start, as before there were replicas.
import type { Log } from '../log.ts';
import type { LeaderLock } from '../store/port.ts';

export const CHECK_MS = 5_000; // a dead leader's lock is free at once; a follower sees it within this

export interface LeadershipDeps {
  lock: LeaderLock | undefined;
  log: Log;
  checkMs?: number;
  /** Elected: start ticking and sending. */
  lead(): void;
  /** No longer leader (the lock was lost, or this process stops): stop starting sends at once. */
  follow(): Promise<void>;
}

export function createLeadership(deps: LeadershipDeps) {
  const { lock, log } = deps;
  let leading = false;
  let timer: NodeJS.Timeout | undefined;
  let checking: Promise<void> | undefined;
  let stepping: Promise<void> = Promise.resolve();

  function stepDown(reason: string): void {
    if (!leading) return;
    leading = false;
    log.warn('leadership: lost; this replica stops ticking and sending', { reason });
    stepping = deps.follow();
  }
  lock?.onLost(stepDown);

  async function check(): Promise<void> {
    const held = await lock!.hold();
    if (held && !leading) {
      await stepping; // a step down still stopping finishes first: one scheduler at a time
      leading = true;
      log.info('leadership: this replica leads: it ticks and sends');
      deps.lead();
    } else if (!held) stepDown('the lock is no longer held');
  }
  const checkOnce = () =>
    (checking ??= check()
      .catch((error: unknown) => log.error('leadership: check failed', { err: error }))
      .finally(() => (checking = undefined)));

  return {
    leading: () => leading,
    /** Leads at once without a lock; else checks now and every checkMs (a follower at start says so). */
    async start(): Promise<void> {
      if (!lock) {
        leading = true;
        deps.lead();
        return;
      }
      await checkOnce();
      if (!leading) log.info('leadership: another replica leads; this one serves commands only');
      timer = setInterval(() => void checkOnce(), deps.checkMs ?? CHECK_MS);
      timer.unref();
    },
    /** Stops checking; a leader stops its scheduler, then gives up the lock so another replica takes over now. */
    async stop(): Promise<void> {
      clearInterval(timer);
      await checking;
      if (leading) {
        leading = false;
        stepping = deps.follow();
      }
      await stepping;
      await lock?.release();
    },
  };
}

export type Leadership = ReturnType<typeof createLeadership>;
