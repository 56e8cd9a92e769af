// The scheduler's clockwork: node-cron calls one tick a minute (never a task per member), which asks the core what is
// due (core.outbound.queueDue) and then drains the outbox; a short poll drains retries between ticks.
import cron, { type ScheduledTask } from 'node-cron';
import type { Adapter } from '../adapters/adapter.ts';
import type { Clock } from '../clock.ts';
import type { CoreOutbound } from '../core/index.ts';
import type { Log } from '../log.ts';
import type { Metrics } from '../server/metrics.ts';
import type { Store } from '../store/port.ts';
import { createSender } from './sender.ts';

export interface SchedulerDeps {
  store: Store;
  clock: Clock;
  log: Log;
  adapters: readonly Adapter[];
  outbound: CoreOutbound; // the core's rules: what is due, each message, when a schedule pauses
  metrics?: Pick<Metrics, 'deliveries' | 'outboxDepth'>;
  pollMs?: number; // how often retries are looked for between ticks
  leader?: boolean; // elected by the leader's lock: the only sender, so it takes over others' claims at once
}

export function createScheduler(deps: SchedulerDeps) {
  const { store, clock, log, metrics } = deps;
  const count = (platform: string, outcome: string) => metrics?.deliveries.inc({ platform, outcome });
  const sender = createSender({
    store,
    clock,
    log,
    adapters: deps.adapters,
    count,
    outbound: deps.outbound,
    leader: deps.leader,
    onRecovered: () => void drain(), // a dead sender's claims: due at once, not at the next poll
  });
  let task: ScheduledTask | undefined;
  let poll: NodeJS.Timeout | undefined;

  // The outbox gauge reads the database: one that is closed or failing must not turn into an unhandled rejection.
  async function gauge(): Promise<void> {
    try {
      metrics?.outboxDepth.set(await store.transaction((tx) => tx.deliveries.depth()));
    } catch (error) {
      log.warn('scheduler: could not read the outbox depth', { err: error });
    }
  }
  // Ticks and drains are guarded apart: a long fan-out being sent never holds up the next minute's tick, and a
  // drain that is running picks up what a tick queued (it claims until nothing is due).
  const drain = oneAtATime(log, 'scheduler: sending failed', () => sender.drain().finally(gauge));
  // After the minute's sends: DM channels for nudges set since, so their first morning needs no opening.
  const openAhead = oneAtATime(log, 'scheduler: opening DM channels failed', () => sender.openAhead());
  const minute = oneAtATime(log, 'scheduler: tick failed', () =>
    deps.outbound.queueDue(clock.now().getTime(), { count }).finally(() => {
      void gauge();
      void drain().then(openAhead);
    }),
  );

  return {
    minute,
    drain,
    /** Starts the minute ticker, and runs one round at once: what came due while the bot was down goes now. */
    start(): void {
      // Beats from now on; its first beat takes back what a crashed process held.
      sender.start().catch((error: unknown) => log.error('scheduler: heartbeat failed', { err: error }));
      task = cron.schedule('* * * * *', () => void minute(), { name: 'roadmap-scheduler' });
      poll = setInterval(() => void drain(), deps.pollMs ?? 5000);
      void minute();
    },
    /** Stops ticking and starting sends, waits for the sends in flight (bounded), then leaves the outbox: whatever is
     *  still in flight counts as interrupted, so the next start need not wait for this heartbeat to run out. */
    async stop(graceMs = 5000): Promise<void> {
      await task?.stop();
      clearInterval(poll);
      await sender.stop();
      let timer: NodeJS.Timeout | undefined;
      const running = Promise.all([minute.running(), drain.running(), openAhead.running()]);
      await Promise.race([running, new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
      await sender.close();
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;

/** fn, one run at a time: a call while it runs shares that run.
 *  What it throws is logged as `failed`, never rethrown. */
function oneAtATime(log: Log, failed: string, fn: () => Promise<unknown>) {
  let running: Promise<void> | undefined;
  const run = (): Promise<void> =>
    (running ??= fn()
      .then(
        () => undefined,
        (error: unknown) => log.error(failed, { err: error }),
      )
      .finally(() => (running = undefined)));
  return Object.assign(run, { running: () => running });
}
