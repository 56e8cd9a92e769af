// The scheduler of a replica: it runs only while this replica leads (leadership.ts). Each election starts a fresh
// scheduler (ticker and sender), each loss stops it; commands are served whatever the role.
import type { LeaderLock } from '../store/port.ts';
import { createLeadership } from './leadership.ts';
import { createScheduler, type Scheduler, type SchedulerDeps } from './ticker.ts';

export interface LeaderSchedulerDeps extends SchedulerDeps {
  lock: LeaderLock | undefined; // undefined: this process always leads (SQLite)
  checkMs?: number;
  /** Told on every change, for the metrics. */
  onLeading?: (leading: boolean) => void;
}

export function createLeaderScheduler(deps: LeaderSchedulerDeps) {
  let current: Scheduler | undefined;
  const leadership = createLeadership({
    lock: deps.lock,
    log: deps.log,
    checkMs: deps.checkMs,
    lead() {
      current = createScheduler({ ...deps, leader: deps.lock !== undefined });
      current.start();
      deps.onLeading?.(true);
    },
    async follow() {
      const stopping = current;
      current = undefined;
      deps.onLeading?.(false);
      await stopping?.stop();
    },
  });
  return {
    leading: leadership.leading,
    /** This minute's tick now, when leading (tests); a follower does nothing. */
    minute: (): Promise<void> => current?.minute() ?? Promise.resolve(),
    /** Sends what is due now, when leading; a follower does nothing. */
    drain: (): Promise<void> => current?.drain() ?? Promise.resolve(),
    start: () => leadership.start(),
    stop: () => leadership.stop(),
  };
}

export type LeaderScheduler = ReturnType<typeof createLeaderScheduler>;
