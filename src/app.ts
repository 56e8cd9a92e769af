// Composition root: database → content → core → the configured platforms' adapters and the HTTP server → the
// scheduler; and the orderly stop. Platforms come from the list in src/platforms.ts (tests may pass their own).
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { Adapter } from './adapters/adapter.ts';
import type { HttpRoute, Platform } from './adapters/platform.ts';
import { createTerminalAdapter } from './adapters/terminal/index.ts';
import type { TerminalUser } from './adapters/terminal/receive.ts';
import { type Clock, systemClock } from './clock.ts';
import type { Config } from './config.ts';
import { DASHBOARD_SESSION_MS, type DashboardBase } from './core/commands/dashboard.ts';
import { type Core, createCore } from './core/index.ts';
import { createStoreSessions, createStoreSource } from './dashboard-source.ts';
import { firstSeenOver } from './first-seen.ts';
import { createInflight } from './inflight.ts';
import type { Log } from './log.ts';
import { openStore } from './open-store.ts';
import { PLATFORMS } from './platforms.ts';
import { createLeaderScheduler } from './schedule/leader-scheduler.ts';
import { createDashboardApp, dashboardListener } from './server/dashboard/app.ts';
import { createHttpServer } from './server/http.ts';
import { createMetrics, type Metrics } from './server/metrics.ts';
import { portProblem, SetupError } from './setup-error.ts';
import { slackInstallationsOver } from './slack-installations.ts';
import type { Store } from './store/port.ts';

export const SHUTDOWN_GRACE_MS = 10_000;

export interface AppOptions {
  config: Config;
  log: Log;
  clock?: Clock;
  /** The terminal chat, when it runs: its streams and who is typing. */
  terminal?: {
    input: Readable;
    output: Writable;
    interactive: boolean;
    user: TerminalUser;
    onEnd: () => void;
    filesDir?: string;
  };
  /** The platforms that may run (default: PLATFORMS); those the config turns on do. */
  platforms?: readonly Platform[];
  /** How often a replica checks the leader's lock (default 5 s; tests go faster). */
  leaderCheckMs?: number;
}

/** The adapters of the configured platforms (then the terminal chat, when it runs), and their HTTP routes. */
async function createAdapters(
  opts: AppOptions & { platforms: readonly Platform[]; clock: Clock; store: Store; core: Core },
) {
  const { config, log, clock, store, core } = opts;
  const adapters: Adapter[] = [];
  const routes: HttpRoute[] = [];
  for (const platform of opts.platforms.filter((p) => p.configured(config))) {
    const adapter = await platform.create({
      config,
      clock,
      log: log.child({ platform: platform.name }),
      commands: core.commands,
      suggestTopics: core.suggestTopics,
      installations: slackInstallationsOver(store),
      firstSeen: firstSeenOver(store, clock, log),
    });
    adapters.push(adapter);
    routes.push(...(platform.routes?.(adapter, config) ?? []));
  }
  if (opts.terminal) {
    const filesDir = join(dirname(config.DATABASE_PATH), 'exports');
    adapters.push(
      createTerminalAdapter({ filesDir, clock, log: log.child({ platform: 'terminal' }), ...opts.terminal }),
    );
  }
  return { adapters, routes, anyPlatform: opts.platforms.some((p) => p.configured(config)) };
}

/** The HTTP server runs whenever a platform does; the terminal chat alone starts it only if PORT is set. It listens
 *  before the platforms connect, so a taken port fails at once, and /readyz says 503 until they are up. */
function createHttp(opts: {
  config: Config;
  log: Log;
  metrics: Metrics;
  store: Store;
  adapters: Adapter[];
  routes: HttpRoute[];
  anyPlatform: boolean;
  phase: () => 'starting' | 'running' | 'stopping';
}) {
  const { config, adapters, store } = opts;
  if (!opts.anyPlatform && config.PORT === undefined) return undefined;
  return createHttpServer({
    port: config.PORT ?? 3000,
    log: opts.log,
    metrics: opts.metrics,
    routes: opts.routes,
    readiness: async () => [
      { name: 'database', ok: await store.ready().catch(() => false) },
      ...adapters.filter((a) => a.connected).map((a) => ({ name: a.platform, ok: a.connected!() })),
      // Not ready before every platform has started (its routes answer 503 until then), nor once a stop begins: the
      // load balancer sends a replica traffic only while it can take it.
      ...(opts.phase() === 'running' ? [] : [{ name: opts.phase(), ok: false }]),
    ],
  });
}

/** The dashboard on the bot's HTTP server, under /dashboard. Behind an https PUBLIC_URL the bot (which serves plain
 *  http) sits behind a TLS proxy, so its X-Forwarded-Proto is believed: the session cookie is then marked Secure. */
function dashboardRoute(config: Config, store: Store, clock: Clock, log: Log): HttpRoute {
  const now = () => clock.now();
  const app = createDashboardApp({
    source: createStoreSource(store, now),
    sessions: createStoreSessions(store, { sessionMs: DASHBOARD_SESSION_MS, now }),
    trustProxy: config.PUBLIC_URL?.startsWith('https://') ?? false,
    now,
    onError: (err) => log.error('dashboard page failed', { err }),
  });
  return { prefix: '/dashboard', handler: dashboardListener(app) };
}

export async function startApp(options: AppOptions) {
  const { config, log, clock = systemClock, platforms = PLATFORMS } = options;
  const metrics = createMetrics();
  const store = await openStore(config, log, clock.now().getTime());
  let address: AddressInfo | undefined;
  // Chat platforms link to PUBLIC_URL; the terminal to this machine's port, once the HTTP server listens.
  const dashboardBase: DashboardBase = (platform) => {
    if (platform === 'terminal') return address ? { url: `http://127.0.0.1:${address.port}` } : { unset: 'PORT' };
    return config.PUBLIC_URL ? { url: config.PUBLIC_URL } : { unset: 'PUBLIC_URL' };
  };
  const core = createCore({
    store,
    clock,
    log,
    defaultRoadmap: config.DEFAULT_ROADMAP,
    observe: metrics.observeCommand,
    dashboardBase,
  });
  const inflight = createInflight();
  const handle = inflight.wrap(core.handle);
  let made: Awaited<ReturnType<typeof createAdapters>>;
  try {
    made = await createAdapters({ ...options, platforms, clock, store, core });
  } catch (error) {
    await store.close();
    throw error;
  }
  const { adapters } = made;
  metrics.watchConnections(() =>
    adapters.filter((a) => a.connected).map((a) => ({ platform: a.platform, up: a.connected!() })),
  );

  made.routes.push(dashboardRoute(config, store, clock, log.child({ part: 'dashboard' })));
  let stopped: Promise<void> | undefined;
  let started = false;
  const phase = () => (stopped ? 'stopping' : started ? 'running' : 'starting');
  const http = createHttp({ config, log, metrics, store, ...made, phase });
  try {
    address = await http?.listen();
  } catch (error) {
    await store.close();
    throw portProblem(error, config.PORT ?? 3000) ?? error;
  }
  if (address) log.info('http server listening', { port: address.port });

  try {
    for (const adapter of adapters) await adapter.start(handle);
  } catch (error) {
    await Promise.allSettled(adapters.map((a) => a.stop()));
    await http?.close();
    await store.close();
    if (error instanceof SetupError) throw error;
    throw new SetupError(
      `A platform could not start: ${error instanceof Error ? error.message : String(error)}`,
      'Check its settings in the Configuration section of README.md, and that this machine can reach it.',
    );
  }

  started = true; // every platform takes requests now: /readyz may say so
  // Nudges and digests: one ticker over the store's schedules, sending through the adapters that are now up; on
  // PostgreSQL only in the replica elected by the leader's lock (every replica serves commands).
  const scheduler = createLeaderScheduler({
    store,
    clock,
    log: log.child({ part: 'scheduler' }),
    adapters,
    outbound: core.outbound,
    metrics,
    lock: store.leaderLock(),
    checkMs: options.leaderCheckMs,
    onLeading: metrics.leading,
  });
  await scheduler.start();

  return {
    store,
    core,
    metrics,
    address,
    inflight,
    scheduler,
    adapters,
    /** Stops taking commands, lets running ones finish (up to 10 s), then closes platforms, HTTP and the database. */
    stop(): Promise<void> {
      stopped ??= (async () => {
        await scheduler.stop(); // no new sends; those in flight finish or are recovered by the next start
        const drained = await inflight.drain(SHUTDOWN_GRACE_MS);
        if (!drained) log.warn('shutdown: commands still running after the grace period', { running: inflight.size });
        for (const adapter of adapters)
          await adapter.stop().catch((err) => log.error('adapter stop failed', { err, platform: adapter.platform }));
        await http?.close();
        await store.close();
        log.info('stopped');
      })();
      return stopped;
    },
  };
}

export type App = Awaited<ReturnType<typeof startApp>>;
