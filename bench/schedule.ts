// Scheduler benchmark: 100,000 schedules due in one minute. Due query, enqueue (tick), paced send throughput against
// a local HTTP fake that allows N per second (429 beyond), sends in flight at peak, peak RSS and event-loop delay p99
// while it all runs; then a sender process killed mid fan-out: time from its restart to the first resend.
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { RetryAfterError } from '../src/adapters/adapter.ts';
import { fixedClock } from '../src/clock.ts';
import { reply, text } from '../src/core/model/reply.ts';
import { CATCH_UP_MS, queueDue } from '../src/core/outbound/queue-due.ts';
import { createLog } from '../src/log.ts';
import { createSender } from '../src/schedule/sender.ts';
import { createStore } from '../src/store/index.ts';
import { tempDir } from '../test/helpers.ts';
import { openMigratedSqlite } from '../test/store/open-test-database.ts';
import { runCrashRecovery } from './crash-recovery.ts';

const SCHEDULES = 100_000;
const RATE = 1000; // the fake's allowance, messages per second
const SENDS = 5000; // sent at that rate: a five-second window is enough to measure the pacing
const DUE = Date.parse('2026-11-26T09:00:00Z');
const ZONES = [
  ['UTC', '09:00'],
  ['Europe/Berlin', '10:00'],
  ['America/New_York', '04:00'],
  ['Asia/Kolkata', '14:30'],
] as const;

export async function runScheduleBench(print: (line: string) => void = console.log) {
  const { dir, cleanup } = tempDir();
  const db = await openMigratedSqlite(join(dir, 'bench.db'));
  const store = createStore(db);
  seed(db.sqlite);
  const delay = monitorEventLoopDelay({ resolution: 5 });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);
  delay.enable();

  let t = performance.now();
  const firstBatch = (await store.transaction((tx) => tx.schedules.due(DUE, 2000))).reduce((n, g) => n + g.n, 0); // the tick's read, grouped in SQL
  const batchMs = performance.now() - t;
  t = performance.now();
  const { queued } = await queueDue({ store }, DUE);
  const enqueueMs = performance.now() - t;

  // Only the first SENDS go to the fake's platform; the rest stay queued for a platform this sender does not run.
  delay.disable(); // bench set-up, not the scheduler: not measured
  db.sqlite.prepare("update deliveries set platform = 'bench' where id <= ?").run(SENDS);
  delay.enable();
  const fake = await startRateLimitedFake(RATE);
  const message = reply({ heading: 'Time to study', blocks: [text('Your next topic is waiting.')] });
  let [inFlight, peakInFlight] = [0, 0];
  const send = async (id: string) => {
    peakInFlight = Math.max(peakInFlight, ++inFlight);
    try {
      await fake.post(id);
    } finally {
      inFlight--;
    }
  };
  const sender = createSender({
    store,
    clock: fixedClock(new Date(DUE)),
    log: createLog('silent'),
    adapters: [
      {
        platform: 'bench',
        outbound: {
          send: (target) => send(target.id),
          limits: { perSecond: RATE, burst: RATE, perTargetMs: 0, inFlight: 50 },
        },
      },
    ],
    // A fixed message: this measures the outbox and its pacing, not the nudge builder.
    outbound: { compose: async () => message, catchUpMs: CATCH_UP_MS, failedForGood: async () => false },
  });
  t = performance.now();
  await sender.drain();
  const sendSeconds = (performance.now() - t) / 1000;
  delay.disable();
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const counts = await store.transaction((tx) => tx.deliveries.counts());
  await fake.close();
  const lines: string[] = [];
  const recovery = await runCrashRecovery(db.sqlite, (line) => lines.push(line));
  await store.close();
  cleanup();

  const throughput = fake.accepted / sendSeconds;
  const p99 = delay.percentile(99) / 1e6;
  const ok = (good: boolean) => (good ? 'ok' : 'MISSED');
  print(`due query (first batch of ${firstBatch})  ${batchMs.toFixed(1)} ms  (target < 50 ms: ${ok(batchMs < 50)})`);
  print(`enqueue ${queued} deliveries     ${(enqueueMs / 1000).toFixed(2)} s  (target < 2 s: ${ok(enqueueMs < 2000)})`);
  print(
    `send ${fake.accepted} at ${RATE}/s allowed   ${throughput.toFixed(0)}/s = ` +
      `${((throughput / RATE) * 100).toFixed(1)}% (target ≥ 95%: ${ok(throughput >= 0.95 * RATE)}); 429s ` +
      `${fake.refused}; sent ${counts.sent ?? 0}; in flight at peak ${peakInFlight} (limit 50)`,
  );
  print(
    `peak RSS                    ${(peakRss / 2 ** 20).toFixed(0)} MB  (target < 250 MB: ` +
      `${ok(peakRss < 250 * 2 ** 20)})`,
  );
  print(`event-loop delay p99        ${p99.toFixed(1)} ms  (target < 20 ms: ${ok(p99 < 20)})`);
  for (const line of lines) print(line);
  return { batchMs, enqueueMs, throughput, peakRss, p99, refused: fake.refused, peakInFlight, ...recovery };
}

function seed(sqlite: import('better-sqlite3').Database) {
  sqlite.transaction(() => {
    sqlite
      .prepare(
        "insert into workspaces (platform, external_id, roadmap_id, created_at) values ('discord', 'W1', 'backend', 0)",
      )
      .run();
    const member = sqlite.prepare("insert into members (display_name, created_at) values ('m', 0)");
    const identity = sqlite.prepare(
      'insert into identities (workspace_id, platform_user_id, member_id, display_name, created_at) values (1, ?, ?, ' +
        "'m', 0)",
    );
    const schedule =
      sqlite.prepare(`insert into schedules (kind, workspace_id, member_id, identity_id, local_time, time_zone,
        days, next_due_at, created_at)
      values ('nudge', 1, ?, ?, ?, ?, 127, ?, 0)`);
    for (let i = 1; i <= SCHEDULES; i++) {
      const [zone, time] = ZONES[i % ZONES.length]!;
      member.run();
      identity.run(`U${i}`, i);
      schedule.run(i, i, time, zone, DUE); // the same instant in four zones
    }
  })();
}

/** A local HTTP endpoint allowing `rate` posts per second (a token bucket holding one second's worth), 429 beyond. */
export async function startRateLimitedFake(rate: number) {
  let [tokens, last, accepted, refused] = [rate, performance.now(), 0, 0];
  const server = createServer((req, res) => {
    req.resume().on('end', () => {
      const now = performance.now();
      tokens = Math.min(rate, tokens + ((now - last) / 1000) * rate);
      last = now;
      if (tokens < 1) {
        refused++;
        return res.writeHead(429, { 'retry-after': '1' }).end();
      }
      tokens--;
      accepted++;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  return {
    get accepted() {
      return accepted;
    },
    get refused() {
      return refused;
    },
    // node:http with keep-alive, as Slack's WebClient (axios) posts: fetch's WHATWG streams cost ~17 KB of garbage
    // a request, which was most of this benchmark's peak RSS and its GC pauses — the client's, not the scheduler's.
    async post(id: string): Promise<void> {
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(url, { method: 'POST', agent }, (res) =>
          res.resume().on('end', () => resolve(res.statusCode ?? 0)),
        );
        req.on('error', reject).end(id);
      });
      if (status === 429) throw new RetryAfterError(1000);
    },
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) await runScheduleBench();
