// Slack benchmark: signed `/roadmap next` at concurrency 16 over loopback against our bot, a Bolt app that only
// acks, and a bare node:http server. Each server runs in its own worker thread (its own event loop); the load and
// the fake Slack (users.info, response_url) run elsewhere. Targets (issue 8): ≥ 70% of the ack-only Bolt app's
// requests/s, p99 < 15 ms.
//
// This machine is a shared 2-core VM whose speed drifts by half within seconds, so the targets are measured in
// rounds rather than one long run each: every round measures the ack-only Bolt app and our bot for one second each,
// back to back (which goes first alternates), then the bare server for half a second. A slow spell then lands on
// both sides of a pair alike. The ratio reported is the median of the per-round ratios, with their range; the
// totals over all rounds are printed as well.
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { App } from '@slack/bolt';
import { boltLogger } from '../src/adapters/slack/bolt-logger.ts';
import { sign } from '../src/adapters/slack/guard.ts';
import { createSlackAdapter } from '../src/adapters/slack/index.ts';
import { systemClock } from '../src/clock.ts';
import { syncContent } from '../src/content/sync.ts';
import { createCore } from '../src/core/index.ts';
import { firstSeenOver } from '../src/first-seen.ts';
import { createLog } from '../src/log.ts';
import { slackInstallationsOver } from '../src/slack-installations.ts';
import { createStore } from '../src/store/index.ts';
import { SIGNING_SECRET, slashBody } from '../test/adapters/slack/requests.ts';
import { startFakeSlack } from '../test/fakes/slack-api.ts';
import { openMigratedSqlite } from '../test/store/open-test-database.ts';
import { percentile } from './stats.ts';

const CONCURRENCY = 16;
const KINDS = ['bare node:http', 'bolt ack-only', 'roadmap coach'] as const;
type Kind = (typeof KINDS)[number] | 'fake slack';
interface Slice {
  samples: number[];
  seconds: number;
  failed: number;
}

export async function runSlackBench(
  print: (line: string) => void = console.log,
  rounds = Number(process.env.BENCH_ROUNDS ?? 20),
): Promise<void> {
  // The fake Slack (users.info, response_url) gets its own thread too, so the load generator measures only the target.
  const fake = spawn('fake slack', '');
  const fakeOrigin = (await fake.ready) as string;
  const body = slashBody('next', `${fakeOrigin}/respond/bench`);
  const targets = KINDS.map((kind) => spawn(kind, `${fakeOrigin}/api/`));
  const slices = new Map<Kind, Slice[]>(KINDS.map((kind) => [kind, []]));
  try {
    const ports = await Promise.all(targets.map((t) => t.ready as Promise<number>));
    for (const port of ports) await load(port, body, 2); // warm up: users.info cache, prepared statements, the JIT
    const [bare, bolt, ours] = [0, 1, 2] as const;
    for (let round = 0; round < rounds; round++) {
      for (const at of round % 2 ? [ours, bolt] : [bolt, ours])
        slices.get(KINDS[at])!.push(await load(ports[at]!, body, 1));
      slices.get(KINDS[bare])!.push(await load(ports[bare]!, body, 0.5));
    }
    fake.worker.postMessage('count');
    print(`replies delivered through response_url: ${await new Promise((r) => fake.worker.once('message', r))}`);
  } finally {
    await Promise.all([fake, ...targets].map((t) => t.worker.terminate()));
  }
  const total = (kind: Kind) => {
    const all = slices.get(kind)!;
    const samples = all.flatMap((s) => s.samples);
    const seconds = all.reduce((sum, s) => sum + s.seconds, 0);
    return {
      rps: samples.length / seconds,
      p50: percentile(samples, 50),
      p99: percentile(samples, 99),
      failed: all.reduce((n, s) => n + s.failed, 0),
    };
  };
  for (const kind of KINDS) {
    const r = total(kind);
    print(
      `${kind.padEnd(16)} ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ` +
        `ms${r.failed ? `  (${r.failed} failed)` : ''}`,
    );
  }
  const rate = (s: Slice) => s.samples.length / s.seconds;
  const bolt = slices.get('bolt ack-only')!;
  const ratios = slices.get('roadmap coach')!.map((s, i) => rate(s) / rate(bolt[i]!));
  const share = percentile(ratios, 50);
  const ours = total('roadmap coach');
  const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
  const range = `${pct(Math.min(...ratios))}–${pct(Math.max(...ratios))}`;
  const totals = pct(ours.rps / total('bolt ack-only').rps);
  const ok = (good: boolean) => (good ? 'ok' : 'MISSED');
  print(
    `roadmap coach vs bolt ack-only: ${pct(share)} of throughput, median of ${ratios.length} rounds (range ${range}; ` +
      `totals ${totals}) (target ≥ 70%: ${ok(share >= 0.7)}), ` +
      `p99 ${ours.p99.toFixed(2)} ms (target < 15 ms: ${ok(ours.p99 < 15)})`,
  );
}

/** A worker running this file as one server. Workers do not inherit tsx's loader: the entry registers it first. */
function spawn(kind: Kind, apiUrl: string) {
  const self = JSON.stringify(import.meta.url);
  const entry = `import('tsx/esm/api').then((t) => { t.register(); return import(${self}); })`;
  const worker = new Worker(entry, { eval: true, workerData: { slackBenchTarget: kind, apiUrl } });
  return {
    worker,
    ready: new Promise<unknown>((resolve, reject) => worker.once('message', resolve).once('error', reject)),
  };
}

/** In a worker: start one server to measure, and tell the main thread its port. */
async function serveTarget(kind: Kind, apiUrl: string): Promise<void> {
  const log = createLog('error');
  if (kind === 'fake slack') {
    const fake = await startFakeSlack();
    parentPort!.on('message', () => parentPort!.postMessage(fake.responses.length));
    return parentPort!.postMessage(fake.origin);
  }
  if (kind === 'bare node:http') {
    const server = createServer((req, res) => void req.resume().on('end', () => res.writeHead(200).end()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return parentPort!.postMessage((server.address() as AddressInfo).port);
  }
  if (kind === 'bolt ack-only') {
    const app = new App({
      token: 'xoxb-bench',
      signingSecret: SIGNING_SECRET,
      logger: boltLogger(log),
      clientOptions: { slackApiUrl: apiUrl },
    });
    app.command('/roadmap', async ({ ack }) => {
      await ack();
    });
    const server = (await app.start(0)) as { address(): AddressInfo };
    return parentPort!.postMessage(server.address().port);
  }
  const dir = mkdtempSync(join(tmpdir(), 'slack-bench-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const store = createStore(await openMigratedSqlite(join(dir, 'bench.db')));
  await syncContent('content', store, systemClock.now().getTime());
  const core = createCore({ store, clock: systemClock, log, defaultRoadmap: 'backend' });
  const adapter = createSlackAdapter({
    clock: systemClock,
    log,
    installations: slackInstallationsOver(store),
    firstSeen: firstSeenOver(store, systemClock),
    options: { botToken: 'xoxb-bench', signingSecret: SIGNING_SECRET, apiUrl, port: 0 },
  });
  await adapter.start(core.handle);
  parentPort!.postMessage(adapter.address()!.port);
}

/** CONCURRENCY keep-alive workers, each sending signed requests back to back until the time is up. */
async function load(target: number, body: string, seconds: number): Promise<Slice> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const samples: number[] = [];
  let failed = 0;
  const until = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < until) {
      const start = performance.now();
      const status = await post(agent, target, body).catch(() => 0);
      samples.push(performance.now() - start);
      if (status !== 200) failed++;
    }
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = (performance.now() - began) / 1000;
  agent.destroy();
  return { samples, seconds: elapsed, failed };
}

// Slack's timestamps are whole seconds: one signature per second spares the load generator an HMAC per request,
// leaving more of the machine to the servers being measured.
let signed = { timestamp: 0, body: '', signature: '' };
function signatureFor(timestamp: number, body: string): string {
  if (signed.timestamp !== timestamp || signed.body !== body)
    signed = { timestamp, body, signature: sign(SIGNING_SECRET, timestamp, body) };
  return signed.signature;
}

function post(agent: Agent, target: number, body: string): Promise<number> {
  const timestamp = Math.floor(Date.now() / 1000);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port: target,
        path: '/slack/events',
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': signatureFor(timestamp, body),
        },
      },
      (res) => void res.resume().on('end', () => resolve(res.statusCode ?? 0)),
    );
    req.on('error', reject).end(body);
  });
}

// This file is also the worker's entry: only a worker started above, with its marker, serves a target.
if (!isMainThread && (workerData as { slackBenchTarget?: Kind } | null)?.slackBenchTarget) {
  const { slackBenchTarget, apiUrl } = workerData as { slackBenchTarget: Kind; apiUrl: string };
  void serveTarget(slackBenchTarget, apiUrl);
}
