// Composition root: database → content → core → adapters and the HTTP server; and the orderly stop.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { Adapter } from './adapters/adapter.ts';
import { createDiscordAdapter } from './adapters/discord/index.ts';
import { createSlackAdapter, type SlackAdapter } from './adapters/slack/index.ts';
import { createTerminalAdapter } from './adapters/terminal/index.ts';
import type { TerminalUser } from './adapters/terminal/receive.ts';
import { systemClock, type Clock } from './clock.ts';
import { platformsOf, type Config } from './config.ts';
import { consequence, syncContent, type SyncReport } from './content/sync.ts';
import { createCore } from './core/index.ts';
import { createInflight } from './inflight.ts';
import type { Log } from './log.ts';
import { createScheduler } from './schedule/ticker.ts';
import { createHttpServer } from './server/http.ts';
import { createMetrics } from './server/metrics.ts';
import { contentDirProblem, databaseProblem, portProblem, SetupError } from './setup-error.ts';
import { migrationsApplied, openDb, type Db } from './store/db.ts';
import { createStore, type Store } from './store/index.ts';

export const SHUTDOWN_GRACE_MS = 10_000;

export interface AppOptions {
  config: Config;
  log: Log;
  clock?: Clock;
  /** The terminal chat, when it runs: its streams and who is typing. */
  terminal?: { input: Readable; output: Writable; interactive: boolean; user: TerminalUser; onEnd: () => void; filesDir?: string };
}

/** The database at `path`, opened and migrated; a path the bot cannot use is a SetupError naming DATABASE_PATH. */
export function openDatabase(path: string): Db {
  try {
    return openDb(path);
  } catch (error) {
    throw databaseProblem(error, path) ?? error;
  }
}

/** Loads every roadmap file; a content folder that cannot be read is a SetupError naming CONTENT_DIR. */
export function loadContent(dir: string, store: Store, now: number): SyncReport {
  try {
    return syncContent(dir, store, now);
  } catch (error) {
    throw contentDirProblem(error, dir) ?? error;
  }
}

export async function startApp({ config, log, clock = systemClock, terminal }: AppOptions) {
  const metrics = createMetrics();
  const db = openDatabase(config.DATABASE_PATH);
  const store = createStore(db);
  const closeDb = () => db.$client.close();

  let report: SyncReport;
  try {
    report = loadContent(config.CONTENT_DIR, store, clock.now().getTime());
  } catch (error) {
    closeDb();
    throw error;
  }
  for (const failure of report.failed) {
    // The roadmap keeps its last good version, if it had one; the operator sees exactly where the file is wrong.
    log.error(`content file rejected, ${consequence(failure)}: ${failure.message}`, { file: failure.file, line: failure.line });
  }
  for (const loaded of report.loaded) log.info('content loaded', { ...loaded });
  if (!store.content.roadmap(config.DEFAULT_ROADMAP)) {
    closeDb();
    throw new SetupError(
      `DEFAULT_ROADMAP=${config.DEFAULT_ROADMAP}: no such roadmap is loaded from ${config.CONTENT_DIR}.`,
      `Add ${config.CONTENT_DIR}/${config.DEFAULT_ROADMAP}.md, or set DEFAULT_ROADMAP to one of the files there (without .md).`,
    );
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
          suggestTopics: core.suggestTopics,
        })]
      : []),
    ...(terminal ? [createTerminalAdapter({ filesDir: join(dirname(config.DATABASE_PATH), 'exports'), ...terminal })] : []),
  ];
  metrics.watchConnections(() => adapters.filter((a) => a.connected).map((a) => ({ platform: a.platform, up: a.connected!() })));

  // The HTTP server runs whenever a platform does; the terminal chat alone starts it only if PORT is set. It listens
  // before the platforms connect, so a taken port fails at once, and /readyz says 503 until they are up.
  const wantHttp = platforms.slack || platforms.discord || config.PORT !== undefined;
  const port = config.PORT ?? 3000;
  const http = wantHttp
    ? createHttpServer({
        port, log, metrics,
        readiness: () => [
          { name: 'database', ok: db.$client.open && migrationsApplied(db) },
          ...adapters.filter((a) => a.connected).map((a) => ({ name: a.platform, ok: a.connected!() })),
        ],
        // Slack's request handler exists once its adapter has started; until then the route answers 503.
        routes: slack && !config.SLACK_APP_TOKEN ? [{ prefix: '/slack/', handler: (req, res) => (slack.listener() ?? notYet)(req, res) }] : [],
      })
    : undefined;
  let address: AddressInfo | undefined;
  try {
    address = await http?.listen();
  } catch (error) {
    closeDb();
    throw portProblem(error, port) ?? error;
  }
  if (address) log.info('http server listening', { port: address.port });

  try {
    for (const adapter of adapters) await adapter.start(handle);
  } catch (error) {
    await Promise.allSettled(adapters.map((a) => a.stop()));
    await http?.close();
    closeDb();
    if (error instanceof SetupError) throw error;
    throw new SetupError(`A platform could not start: ${error instanceof Error ? error.message : String(error)}`,
      'Check its settings in the Configuration section of README.md, and that this machine can reach it.');
  }

  // Nudges and digests: one ticker over the store's schedules, sending through the adapters that are now up.
  const scheduler = createScheduler({ store, clock, log: log.child({ part: 'scheduler' }), adapters, commands: core.commands, metrics });
  scheduler.start();

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

function notYet(_req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(503, { 'retry-after': '5' }).end();
}
