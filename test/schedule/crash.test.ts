// Crash safety: a scheduler process killed with SIGKILL at a random point of its fan-out, then restarted seconds
// later, delivers every due nudge exactly once — the fake Discord deduplicates by nonce as Discord does with
// enforce_nonce, and the resend comes well inside its window, so nothing is even flagged a possible duplicate.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REST } from 'discord.js';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { createCore } from '../../src/core/index.ts';
import { createLog } from '../../src/log.ts';
import { DEAD_AFTER_MS } from '../../src/schedule/liveness.ts';
import { createSender } from '../../src/schedule/sender.ts';
import { createStore } from '../../src/store/index.ts';
import { onSqlite, openMigratedSqlite } from '../store/open-test-database.ts';
import { seeded } from './seeded.ts';
import { discordSending, startScheduling } from './setup.ts';

const TRIALS = Number(process.env.CRASH_TRIALS ?? 20);
const MEMBERS = 50;
const DUE = Date.parse('2026-11-26T09:00:00Z');
let child: string;

// Bundled once: the child then starts without compiling TypeScript, which keeps twenty restarts quick.
// It sits one folder below the repository's root, as dist/main.js does, so node_modules and the migrations folder
// resolve as they do from the production bundle (src/app-root.ts).
beforeAll(async () => {
  child = fileURLToPath(new URL(`../../.crash-child-${process.pid}/child.mjs`, import.meta.url));
  await build({
    entryPoints: [new URL('./crash-child.ts', import.meta.url).pathname],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: child,
    logLevel: 'error',
  });
});
afterAll(() => rmSync(dirname(child), { recursive: true, force: true }));

async function trial(seed: number): Promise<{ repeatedNonces: number }> {
  const s = await startScheduling();
  const random = seeded(seed);
  for (let i = 1; i <= MEMBERS; i++) await s.remind(i);
  const dbFile = s.app.sqlite.name;
  // First run: killed when the fake has received a random number of messages (0: while it is still ticking).
  const killAt = Math.floor(random() * MEMBERS);
  const proc = spawn(process.execPath, [child, dbFile, s.fake.apiUrl, String(DUE)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let posts = 0;
  const kill = () => proc.kill('SIGKILL');
  const off = s.fake.onRequest((r) => {
    if (r.path.endsWith('/messages') && ++posts >= killAt && killAt > 0) kill();
  });
  proc.stdout.on('data', (d: Buffer) => {
    if (killAt === 0 && String(d).includes('ready')) setTimeout(kill, random() * 15);
  });
  await new Promise((resolve) => proc.on('exit', resolve));
  off();
  expect(proc.signalCode === 'SIGKILL' || proc.exitCode === 0).toBe(true);
  // The restart: a new process (here, new connections) five seconds on, once the dead one's heartbeat is too old
  // (by the wall clock heartbeats keep: moved on here rather than waited for).
  const db = await openMigratedSqlite(dbFile);
  const store = createStore(db);
  const clock = fixedClock(new Date(DUE + 5000));
  const log = createLog('silent');
  const rest = new REST({ api: s.fake.apiUrl, globalRequestsPerSecond: 10_000, retries: 0 }).setToken('fake-bot-token');
  const core = createCore({ store, clock, log, defaultRoadmap: 'backend' });
  const sender = createSender({
    store,
    clock,
    log,
    adapters: [discordSending(rest, log, { perSecond: 10_000, burst: 1000, inFlight: 8 })],
    outbound: core.outbound,
    liveness: { clock: fixedClock(new Date(Date.now() + DEAD_AFTER_MS + 1000)) },
  });
  await core.outbound.queueDue(clock.now().getTime());
  await sender.drain();
  await store.close();

  const delivered = s.delivered();
  expect(delivered.size).toBe(MEMBERS);
  expect([...delivered.values()].every((n) => n === 1)).toBe(true);
  expect(await s.statuses()).toEqual({ sent: MEMBERS });
  expect(await s.app.sql.get('select count(*) n from deliveries where possible_duplicate = 1')).toEqual({
    n: 0,
  });
  expect(s.fake.created).toHaveLength(MEMBERS); // what the fake Discord itself created, honouring the nonce
  const nonces = s.fake.requests.filter((r) => r.path.endsWith('/messages')).map((r) => r.body.nonce as string);
  await s.close();
  return { repeatedNonces: nonces.length - new Set(nonces).size };
}

// SQLite only: processes killed and restarted on one database file (see onSqlite).
it.skipIf(!onSqlite())(
  `delivers every due nudge exactly once over ${TRIALS} trials of ${MEMBERS} members killed mid fan-out`,
  async () => {
    let repeated = 0;
    for (let i = 0; i < TRIALS; i += 2) {
      const results = await Promise.all([trial(i + 1), trial(i + 2)]); // two at a time: the children's start-up overlaps
      repeated += results.reduce((n, r) => n + r.repeatedNonces, 0);
    }
    // Some kills landed mid-request: those messages went twice on the wire, and the nonce made them count once.
    expect(repeated).toBeGreaterThan(0);
  },
  90_000,
);
