// The bot's scheduler, for the scheduler benchmark (bench/schedule.ts), in a process of its own as production runs it:
// bundled as dist/main.js is (scripts/build.ts, no tsx), the database opened and the content loaded as at start
// (src/open-store.ts), then the ticker's enqueue and the real sender with the real nudge composer (core.outbound).
// The benchmark's process seeds the file, plays the rate-limited platform and asks for each phase over IPC; the
// event-loop delay and the RSS this process reports are the bot's own, not the benchmark's. argv: dbFile contentDir
// now (the clock's fixed time, ms).
import { Agent, request } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { RetryAfterError } from '../src/adapters/adapter.ts';
import { fixedClock } from '../src/clock.ts';
import { createCore } from '../src/core/index.ts';
import { createLog } from '../src/log.ts';
import { loadContent, openDatabase } from '../src/open-store.ts';
import { createSender } from '../src/schedule/sender.ts';
import { createStore } from '../src/store/index.ts';

/** What the benchmark asks, one phase at a time. */
export type SenderAsk = { do: 'enqueue' } | { do: 'send'; url: string; rate: number } | { do: 'exit' };

/** Wall and CPU time (ms; CPU of every thread of this process), event-loop delay p99 (ms) and peak RSS (bytes) of one
 *  phase, measured in this process. The CPU time is the figure the neighbours on a shared machine change least. */
export interface PhaseFigures {
  ms: number;
  cpuMs: number;
  /** Of which on the event loop's own thread (NaN before Node 23.9, which lacks process.threadCpuUsage). */
  loopCpuMs: number;
  loopP99: number;
  peakRss: number;
}
export type SenderReport =
  | { ready: true; rss: number }
  | ({ phase: 'enqueue'; firstBatch: number; batchMs: number; queued: number } & PhaseFigures)
  | ({ phase: 'send'; peakInFlight: number; sent: number } & PhaseFigures);

const [dbFile, contentDir, nowArg] = process.argv.slice(2) as [string, string, string];
const now = Number(nowArg);
const log = createLog('silent');
const clock = fixedClock(new Date(now));
// As the bot starts: the database opened (and migrated), the roadmaps loaded.
const store = createStore(
  await openDatabase({ DATABASE_PATH: dbFile, DATABASE_URL: undefined, DATABASE_POOL_SIZE: 1 }),
);
await loadContent(contentDir, store, now);
const core = createCore({ store, clock, log, defaultRoadmap: 'backend' });
const tell = (report: SenderReport) => process.send!(report);

/** Runs `fn` with the event-loop delay and the RSS watched (the RSS every 25 ms, as the benchmark always did). */
async function measured<T>(fn: () => Promise<T>): Promise<T & PhaseFigures> {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 25);
  delay.enable();
  const t = performance.now();
  const cpu = process.cpuUsage();
  const loopCpu = process.threadCpuUsage?.();
  try {
    const result = await fn();
    const { user, system } = process.cpuUsage(cpu);
    const thread = loopCpu ? process.threadCpuUsage(loopCpu) : { user: NaN, system: NaN };
    return {
      ...result,
      ms: performance.now() - t,
      cpuMs: (user + system) / 1000,
      loopCpuMs: (thread.user + thread.system) / 1000,
      loopP99: delay.percentile(99) / 1e6,
      peakRss,
    };
  } finally {
    delay.disable();
    clearInterval(sampler);
  }
}

/** The ticker's minute: the first batch read alone (its query timed), then every due schedule queued (measured). */
async function enqueue() {
  const t = performance.now();
  const groups = await store.transaction((tx) => tx.schedules.due(now, 2000)); // the tick's read, grouped in SQL
  const batchMs = performance.now() - t;
  const queued = await measured(async () => ({ queued: (await core.outbound.queueDue(now)).queued }));
  return { firstBatch: groups.reduce((n, g) => n + g.n, 0), batchMs, ...queued };
}

/** Drains the outbox into `url` (the benchmark's platform), `rate` a second allowed, 50 requests in flight at most. */
async function send(url: string, rate: number) {
  // node:http with keep-alive, as Slack's WebClient (axios) posts: fetch's WHATWG streams cost ~17 KB of garbage a
  // request, the client's and not the scheduler's.
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  let [inFlight, peakInFlight] = [0, 0];
  const post = async (id: string): Promise<void> => {
    peakInFlight = Math.max(peakInFlight, ++inFlight);
    try {
      const status = await new Promise<number>((resolve, reject) => {
        request(url, { method: 'POST', agent }, (res) => res.resume().on('end', () => resolve(res.statusCode ?? 0)))
          .on('error', reject)
          .end(id);
      });
      if (status === 429) throw new RetryAfterError(1000);
    } finally {
      inFlight--;
    }
  };
  const sender = createSender({
    store,
    clock,
    log,
    adapters: [
      {
        platform: 'bench',
        outbound: {
          send: (target) => post(target.id),
          limits: { perSecond: rate, burst: rate, perTargetMs: 0, inFlight: 50 },
        },
      },
    ],
    outbound: core.outbound, // the real nudge composer: each member's next topic, streak and pauses
  });
  const figures = await measured(async () => ({ sent: await sender.drain(), peakInFlight: 0 }));
  agent.destroy();
  return { ...figures, peakInFlight };
}

tell({ ready: true, rss: process.memoryUsage.rss() });
process.on('message', async (ask: SenderAsk) => {
  if (ask.do === 'enqueue') tell({ phase: 'enqueue', ...(await enqueue()) });
  else if (ask.do === 'send') tell({ phase: 'send', ...(await send(ask.url, ask.rate)) });
  else {
    await store.close();
    process.disconnect();
  }
});
