// Discord wiring: interactions arrive over a discord.js gateway client (Guilds intent only) or, with a public key,
// over the HTTP interactions endpoint with no gateway at all; either way they are routed alike, and messages go out
// through discord.js's REST client.
import type { RequestListener } from 'node:http';
import { Client, Events, GatewayIntentBits, Status } from 'discord.js';
import { type Clock, systemClock } from '../../clock.ts';
import type { Command } from '../../core/commands/command.ts';
import type { SuggestTopics } from '../../core/index.ts';
import type { Log } from '../../log.ts';
import type { Adapter, Handle } from '../adapter.ts';
import { createInteractionsEndpoint } from './endpoint.ts';
import { INTERACTIONS_PATH } from './platform.ts';
import { createRoutes } from './routes.ts';
import { type FirstSeen, firstSeenInMemory } from './seen.ts';
import { createDiscordOutbound } from './send.ts';

export interface DiscordAdapterDeps {
  token: string;
  applicationId: string;
  apiUrl?: string; // REST base override (a rate-limit proxy or a test double); the gateway comes from GET /gateway/bot
  /** The application's public key (hex): interactions come over HTTP, to interactions(), and no gateway is opened. */
  publicKey?: string;
  clock?: Clock; // the HTTP endpoint's timestamp check
  log: Log;
  commands: readonly Command[]; // core.commands: subcommands and folding derive from them
  suggestTopics: SuggestTopics; // core.suggestTopics, for topic autocomplete
  deferAfterMs?: number; // default 1500: answer at once when the core is quicker, else defer and edit
  firstSeen?: FirstSeen; // default: this process's memory (see seen.ts)
}

export interface DiscordAdapter extends Adapter {
  /** HTTP mode: the handler for POST /discord/interactions, once started (undefined before, and in gateway mode). */
  interactions(): RequestListener | undefined;
}

export { registerDiscordCommands } from './commands.ts';

export function createDiscordAdapter(deps: DiscordAdapterDeps): DiscordAdapter {
  const { log } = deps;
  let stopping = false; // a deliberate stop closes the socket too: not worth a warning
  let endpoint: RequestListener | undefined;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds], // no privileged intents: interactions need none
    allowedMentions: { parse: [] },
    rest: deps.apiUrl ? { api: deps.apiUrl } : {},
  });
  // Sends need the token before (or without) a gateway login.
  client.rest.setToken(deps.token);
  // discord.js reconnects and resumes by itself; we only say so. The adapter keeps nothing a reconnect loses.
  client.on(Events.ShardReconnecting, (shard) => stopping || log.warn('discord: gateway reconnecting', { shard }));
  client.on(Events.ShardResume, (shard, replayed) => log.info('discord: gateway resumed', { shard, replayed }));
  client.on(Events.ShardDisconnect, (event, shard) =>
    log.warn('discord: gateway disconnected', { shard, code: event.code }),
  );
  client.on(Events.ShardError, (error, shard) => log.error('discord: gateway error', { shard, err: error }));
  client.on(Events.Error, (error) => log.error('discord: client error', { err: error }));
  client.on(Events.Warn, (message) => log.warn('discord: warning', { message }));

  async function startGateway(route: ReturnType<typeof createRoutes>) {
    client.on(Events.InteractionCreate, (interaction) => {
      // One bad event never takes the process down.
      route(interaction).catch((error: unknown) =>
        log.error('discord: interaction failed', { err: error, id: interaction.id }),
      );
    });
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login(deps.token);
    await ready;
    if (client.application?.id !== deps.applicationId) {
      log.warn('discord: the token belongs to another application than DISCORD_APPLICATION_ID', {
        tokenApplicationId: client.application?.id,
        configuredApplicationId: deps.applicationId,
      });
    }
    log.info('discord: connected', { user: client.user?.tag, guilds: client.guilds.cache.size });
  }

  return {
    platform: 'discord',
    async start(handle: Handle) {
      const route = createRoutes(
        {
          ...deps,
          rest: client.rest,
          deferAfterMs: deps.deferAfterMs ?? 1500,
          firstSeen: deps.firstSeen ?? firstSeenInMemory(),
        },
        handle,
      );
      if (!deps.publicKey) return startGateway(route);
      endpoint = createInteractionsEndpoint({
        publicKey: deps.publicKey,
        clock: deps.clock ?? systemClock,
        log,
        client,
        route,
      });
      log.info('discord: taking interactions over HTTP (no gateway)', { path: INTERACTIONS_PATH });
    },
    interactions: () => endpoint,
    outbound: createDiscordOutbound({ rest: client.rest, log }),
    async stop() {
      stopping = true;
      endpoint = undefined;
      await client.destroy();
    },
    // isReady() stays true after a disconnect; the shards' own status does not. HTTP mode holds no connection.
    ...(deps.publicKey
      ? {}
      : {
          connected: () =>
            client.ws.shards.size > 0 && client.ws.shards.every((shard) => shard.status === Status.Ready),
        }),
  };
}
