// Composition root: database → content → core → adapters and the HTTP server; and the orderly stop.
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { Adapter } from './adapters/adapter.ts';
import { createDiscordAdapter } from './adapters/discord/index.ts';
import { createTopicsFor } from './adapters/discord/topics.ts';
import { createSlackAdapter, type SlackAdapter } from './adapters/slack/index.ts';
import { createTerminalAdapter } from './adapters/terminal/index.ts';
import type { TerminalUser } from './adapters/terminal/receive.ts';
import { systemClock, type Clock } from './clock.ts';
import { platformsOf, type Config } from './config.ts';
import { syncContent } from './content/sync.ts';
import { createCore } from './core/index.ts';
import { createInflight } from './inflight.ts';
import type { Log } from './log.ts';
import { createScheduler } from './schedule/ticker.ts';
import { createHttpServer } from './server/http.ts';
import { createMetrics } from './server/metrics.ts';
import { migrationsApplied, openDb } from './store/db.ts';
import { createStore } from './store/index.ts';

export const SHUTDOWN_GRACE_MS = 10_000;

export interface AppOptions {
  config: Config;
  log: Log;
  clock?: Clock;
  /** The terminal chat, when it runs: its streams and who is typing. */
  terminal?: { input: Readable; output: Writable; interactive: boolean; user: TerminalUser; onEnd: () => void; filesDir?: string };
}

export class StartError extends Error {}

export async function startApp({ config, log, clock = systemClock, terminal }: AppOptions) {
  const metrics = createMetrics();
  const db = openDb(config.DATABASE_PATH);
  const store = createStore(db);

  const report = syncContent(config.CONTENT_DIR, store, clock.now().getTime());
  for (const failure of report.failed) {
    // The roadmap keeps its last good version; the operator sees exactly where the file is wrong.
    log.error(`content file rejected, its previous version stays loaded: ${failure.message}`, { file: failure.file, line: failure.line });
  }
  for (const loaded of report.loaded) log.info('content loaded', { ...loaded });
  if (!store.content.roadmap(config.DEFAULT_ROADMAP)) {
    db.$client.close();
    throw new StartError(`The default roadmap "${config.DEFAULT_ROADMAP}" is not loaded: add ${config.CONTENT_DIR}/${config.DEFAULT_ROADMAP}.md or set DEFAULT_ROADMAP.`);
  }

  const core = createCore({ store, clock, log, defaultRoadmap: config.DEFAULT_ROADMAP, observe: metrics.observeCommand });
  const inflight = createInflight();
  const handle = inflight.wrap(core.handle);
  const platforms = platformsOf(config);
  const slack: SlackAdapter | undefined = platforms.slack
    ? createSlackAdapter({
        clock, store, log: log.child({ platform: 'slack' }),
        options: {
          botToken: config.SLACK_BOT_TOKEN, signingSecret: config.SLACK_SIGNING_SECRET, appToken: config.SLACK_APP_TOKEN,
          clientId: config.SLACK_CLIENT_ID, clientSecret: config.SLACK_CLIENT_SECRET, stateSecret: config.SLACK_STATE_SECRET,
          encryptionKey: config.SLACK_TOKEN_KEY, apiUrl: config.SLACK_API_URL,
        },
      })
    : undefined;
  const adapters: Adapter[] = [
    ...(slack ? [slack] : []),
    ...(platforms.discord
      ? [createDiscordAdapter({
          token: config.DISCORD_TOKEN!, applicationId: config.DISCORD_APPLICATION_ID!, apiUrl: config.DISCORD_API_URL,
          log: log.child({ platform: 'discord' }), commands: core.commands,
          topicsFor: createTopicsFor({ store, defaultRoadmap: config.DEFAULT_ROADMAP }),
        })]
      : []),
    ...(terminal ? [createTerminalAdapter({ filesDir: join(dirname(config.DATABASE_PATH), 'exports'), ...terminal })] : []),
  ];
  metrics.watchConnections(() => adapters.filter((a) => a.connected).map((a) => ({ platform: a.platform, up: a.connected!() })));
  try {
    for (const adapter of adapters) await adapter.start(handle);
  } catch (error) {
    await Promise.allSettled(adapters.map((a) => a.stop()));
    db.$client.close();
    throw new StartError(`A platform could not start: ${error instanceof Error ? error.message : String(error)}`);
  }

  // Nudges and digests: one ticker over the store's schedules, sending through the adapters that are now up.
  const scheduler = createScheduler({ store, clock, log: log.child({ part: 'scheduler' }), adapters, commands: core.commands, metrics });
  scheduler.start();

  // The HTTP server runs whenever a platform does; the terminal chat alone starts it only if PORT is set.
  const wantHttp = platforms.slack || platforms.discord || config.PORT !== undefined;
  const http = wantHttp
    ? createHttpServer({
        port: config.PORT ?? 3000, log, metrics,
        readiness: () => [
          { name: 'database', ok: db.$client.open && migrationsApplied(db) },
          ...adapters.filter((a) => a.connected).map((a) => ({ name: a.platform, ok: a.connected!() })),
        ],
        routes: slack?.listener() ? [{ prefix: '/slack/', handler: slack.listener()! }] : [],
      })
    : undefined;
  const address: AddressInfo | undefined = await http?.listen();
  if (address) log.info('http server listening', { port: address.port });

  let stopped: Promise<void> | undefined;
  return {
    db, store, core, metrics, address, inflight, scheduler,
    /** Stops taking commands, lets running ones finish (up to 10 s), then closes platforms, HTTP and the database. */
    stop(): Promise<void> {
      stopped ??= (async () => {
        await scheduler.stop(); // no new sends; those in flight finish or are recovered by the next start
        const drained = await inflight.drain(SHUTDOWN_GRACE_MS);
        if (!drained) log.warn('shutdown: commands still running after the grace period', { running: inflight.size });
        for (const adapter of adapters) await adapter.stop().catch((err) => log.error('adapter stop failed', { err, platform: adapter.platform }));
        await http?.close();
        db.$client.close();
        log.info('stopped');
      })();
      return stopped;
    },
  };
}

export type App = Awaited<ReturnType<typeof startApp>>;
