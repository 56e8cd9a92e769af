// Benchmark: 1,000 `/roadmap next` through the fake gateway; interactions/s and p99 from dispatch to callback.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDiscordAdapter } from '../src/adapters/discord/index.ts';
import { systemClock } from '../src/clock.ts';
import { syncContent } from '../src/content/sync.ts';
import { createCore } from '../src/core/index.ts';
import { firstSeenOver } from '../src/first-seen.ts';
import { createLog } from '../src/log.ts';
import { createStore } from '../src/store/index.ts';
import { APP_ID, createDiscordFake, slashCommand } from '../test/fakes/discord.ts';
import { openMigratedSqlite } from '../test/store/open-test-database.ts';
import { percentile } from './stats.ts';

const CONTENT_DIR = fileURLToPath(new URL('../content', import.meta.url));

export async function runDiscordBench(
  opts: { total?: number; warmup?: number; inFlight?: number; print?: (line: string) => void } = {},
) {
  const { total = 1000, warmup = 200, inFlight = 4, print = (line: string) => console.log(line) } = opts;
  const dir = mkdtempSync(join(tmpdir(), 'roadmap-coach-bench-'));
  const db = await openMigratedSqlite(join(dir, 'bench.db'));
  const store = createStore(db);
  await syncContent(CONTENT_DIR, store, systemClock.now().getTime());
  const log = createLog('warn');
  const core = createCore({ store, clock: systemClock, log, defaultRoadmap: 'backend' });
  const fake = await createDiscordFake({ heartbeatMs: 30_000 });
  const adapter = createDiscordAdapter({
    token: 'bench-token',
    applicationId: APP_ID,
    apiUrl: fake.rest.apiUrl,
    log,
    commands: core.commands,
    suggestTopics: core.suggestTopics,
    firstSeen: firstSeenOver(store, systemClock),
  });
  await adapter.start(core.handle);
  try {
    const latencies: number[] = [];
    let answered = 0; // the first `warmup` answers are not measured: JIT, sockets and caches warm up
    const waiting = new Map<string, () => void>();
    const off = fake.rest.onRequest((r) => {
      const id = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(r.path)?.[1];
      if (!id || !waiting.has(id)) return;
      if (++answered > warmup) latencies.push(r.at - fake.gateway.dispatchedAt.get(id)!);
      waiting.get(id)!();
      waiting.delete(id);
    });
    // A closed loop of `inFlight` members, each sending their next /roadmap as soon as the last was answered.
    let sent = 0;
    let started = performance.now();
    const member = async (m: number) => {
      while (sent < warmup + total) {
        if (++sent === warmup + 1) started = performance.now();
        const user = {
          id: `17${String(m).padStart(17, '0')}`,
          username: `member${m}`,
          global_name: null,
          discriminator: '0',
          avatar: null,
        };
        const i = slashCommand('next', {}, user);
        const answered = new Promise<void>((resolve) => waiting.set(i.id, resolve));
        fake.gateway.interaction(i);
        await answered;
      }
    };
    await Promise.all(Array.from({ length: inFlight }, (_, m) => member(m)));
    const seconds = (performance.now() - started) / 1000;
    off();
    const pct = (p: number) => percentile(latencies, p).toFixed(2);
    const bad = fake.rest.violations.length;
    print(
      `discord: ${latencies.length} × /roadmap next (after ${warmup} warm-up), ${inFlight} in flight, real ` +
        `discord.js against the local fake`,
    );
    print(
      `discord: ${(latencies.length / seconds).toFixed(0)} interactions/s; dispatch → callback p50 ${pct(50)} ms, ` +
        `p99 ${pct(99)} ms, max ${pct(100)} ms (target p99 < 20 ms)`,
    );
    if (bad) print(`discord: ${bad} request bodies did not match the spec, e.g. ${fake.rest.violations[0]}`);
    return { perSecond: latencies.length / seconds, p99: Number(pct(99)), violations: bad };
  } finally {
    await adapter.stop();
    await fake.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
