// The Slack adapter: Bolt in HTTP mode (behind our signature guard) or Socket Mode; one workspace or OAuth installs.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type Logger, SocketModeReceiver } from '@slack/bolt';
import type { Clock } from '../../clock.ts';
import type { Log } from '../../log.ts';
import type { Adapter, FirstSeen, Handle } from '../adapter.ts';
import { boltLogger, quietLogger } from './bolt-logger.ts';
import { createFileDelivery } from './files.ts';
import { createGuard } from './guard.ts';
import { createHttpEntry } from './http-entry.ts';
import { createInstallationStore, installationKey } from './installation-store.ts';
import type { SlackInstallations } from './installations.ts';
import { type SlackOptions, slackMode } from './options.ts';
import { createProfiles } from './profiles.ts';
import { httpReceiver, socketReceiver } from './receivers.ts';
import { createResponder } from './respond.ts';
import { registerRoutes } from './routes.ts';
import { createSealer, keyBytes } from './seal.ts';
import { createOutbound, type SlackOutbound } from './send.ts';
import { createSlashCommandAnswer } from './slash-command.ts';
import { createSlashCommandEntry } from './slash-command-entry.ts';
import { verifyBotToken } from './verify.ts';
import { apiBase, quickClients, webClients } from './web-clients.ts';

export type { SlackOptions } from './options.ts';

export { BOT_SCOPES } from './receivers.ts';
/** Scopes the bot uses when given, never asks for: im:history lets it see, after a crash, whether a DM cut off
 *  mid-send arrived (README: Connecting Slack). */
export const OPTIONAL_BOT_SCOPES = ['im:history'];

export interface SlackAdapterDeps {
  clock: Clock;
  log: Log;
  installations: SlackInstallations; // kept under OAuth: sealed here before they leave the adapter
  options: SlackOptions;
  firstSeen: FirstSeen; // Events API event ids taken by any replica: a retry runs only if the first never arrived
  ackWithinMs?: number; // how long a slash command may take and still answer in its ack (default 1.5 s)
}

export type SlackAdapter = Adapter & {
  outbound: SlackOutbound;
  /** HTTP mode: the bound address once started (port 0 picks a free one). */
  address(): AddressInfo | undefined;
  /** HTTP mode: the request handler, for mounting on another server instead of listening here. */
  listener(): RequestListener | undefined;
};

export function createSlackAdapter(deps: SlackAdapterDeps): SlackAdapter {
  const { clock, log, options } = deps;
  const mode = slackMode(options);
  const logger = boltLogger(log);
  const clientOptions = options.apiUrl ? { slackApiUrl: options.apiUrl } : {};
  const installations =
    mode.auth === 'oauth'
      ? createInstallationStore({
          installations: deps.installations,
          clock,
          sealer: createSealer(keyBytes(options.encryptionKey!)!),
        })
      : undefined;
  const outbound = createOutbound({
    apiUrl: options.apiUrl,
    logger,
    tokenFor: (id) => (installations ? installations.botToken(id) : options.botToken),
  });
  let app: App | undefined;
  let socket: SocketModeReceiver | undefined;
  let server: Server | undefined;
  let entry: RequestListener | undefined;
  const responder = createResponder();
  const ackWithinMs = deps.ackWithinMs ?? 1500;
  const deliverFiles = createFileDelivery({ apiUrl: options.apiUrl, logger, log, responder });
  const quick = quickClients(options.apiUrl, logger);
  const profiles = createProfiles({ clock, log, clientFor: quick });

  return {
    platform: 'slack',
    address: () => (server?.address() as AddressInfo | null) ?? undefined,
    listener: () => entry,
    async start(handle: Handle) {
      const onUninstall = async (q: { teamId?: string; enterpriseId?: string; isEnterpriseInstall: boolean }) => {
        if (!installations) return log.info('slack app uninstalled', { team: q.teamId });
        const removed = await deps.installations.remove(installationKey(q));
        log.info('slack installation removed', { team: q.teamId, enterprise: q.enterpriseId, removed });
      };
      if (mode.auth === 'single') await verifyAtStart(options, logger, log);
      const auth = mode.auth === 'single' ? { token: options.botToken } : {};
      const socketMode = mode.transport === 'socket';
      const receiver = socketMode
        ? socketReceiver(options, logger, clientOptions)
        : httpReceiver(options, logger, clientOptions, installations);
      // convoStore off: we keep no per-conversation state, and it costs a lookup on every request.
      app = new App({ ...auth, receiver, logger, clientOptions, convoStore: false });
      const answerCommand = createSlashCommandAnswer({ handle, profiles, responder, deliverFiles, ackWithinMs });
      registerRoutes(app, {
        handle,
        profiles,
        clientFor: quick,
        responder,
        log,
        onUninstall,
        answerCommand,
        deliverFiles,
      });
      if (receiver instanceof SocketModeReceiver) {
        socket = receiver;
        await app.start();
        return;
      }
      entry = createHttpEntry({
        boltListener: receiver.requestListener,
        guard: createGuard({ signingSecret: options.signingSecret!, clock, firstSeen: deps.firstSeen }),
        answerIfCommand: createSlashCommandEntry({
          answer: answerCommand,
          // Per workspace under OAuth, as Bolt's authorize would: a team's install, or its enterprise's org-wide one.
          tokenFor: async (source) =>
            installations ? installations.botToken(installationKey(source)) : options.botToken,
          log,
        }),
        log,
      });
      if (options.port !== undefined) server = await listen(options.port, entry);
    },
    outbound,
    async stop() {
      responder.close();
      if (server) {
        const closing = server;
        server = undefined;
        await close(closing);
      } else if (socket) {
        // Bolt's stop() does not wait for the close handshake; the client's disconnect() resolves once it is done.
        await socket.client.disconnect();
      }
    },
  };
}

/** One auth.test without retries: an unreachable Slack or a wrong token fails the start at once. Its failure is
 *  reported by verifyBotToken, with the address: the client's own warning would only say "fetch failed". */
async function verifyAtStart(options: SlackOptions, logger: Logger, log: Log): Promise<void> {
  const startClient = webClients({
    ...apiBase(options.apiUrl),
    logger: quietLogger(logger),
    retryConfig: { retries: 0 },
    timeout: 10_000,
  });
  const who = await verifyBotToken(startClient(options.botToken!), options.apiUrl);
  log.info('slack: token verified', { team: who.teamId, botUser: who.botUserId });
}

/** HTTP mode with a port of its own (tests, the benchmark): listens there too. */
async function listen(port: number, entry: RequestListener): Promise<Server> {
  const server = createServer({ keepAliveTimeout: 65_000 }, entry);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject).listen(port, () => resolve());
  });
  return server;
}

function close(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
