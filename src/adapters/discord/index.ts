// Discord wiring: a discord.js gateway client (Guilds intent only) that routes interactions and sends messages.
import { Client, Events, GatewayIntentBits, Status } from 'discord.js';
import type { Command } from '../../core/commands/command.ts';
import type { SuggestTopics } from '../../core/index.ts';
import type { Log } from '../../log.ts';
import type { Adapter, FirstSeen, Handle } from '../adapter.ts';
import { createRoutes } from './routes.ts';
import { createDiscordOutbound } from './send.ts';

export interface DiscordAdapterDeps {
  token: string;
  applicationId: string;
  apiUrl?: string; // REST base override (a rate-limit proxy or a test double); the gateway comes from GET /gateway/bot
  log: Log;
  commands: readonly Command[]; // core.commands: subcommands and folding derive from them
  suggestTopics: SuggestTopics; // core.suggestTopics, for topic autocomplete
  deferAfterMs?: number; // default 1500: answer at once when the core is quicker, else defer and edit
  firstSeen: FirstSeen; // interaction ids taken by any replica: a replayed interaction runs once
}

export { registerDiscordCommands } from './commands.ts';

export function createDiscordAdapter(deps: DiscordAdapterDeps): Adapter {
  const { log } = deps;
  let stopping = false; // a deliberate stop closes the socket too: not worth a warning
  const client = new Client({
    intents: [GatewayIntentBits.Guilds], // no privileged intents: interactions need none
    allowedMentions: { parse: [] },
    rest: deps.apiUrl ? { api: deps.apiUrl } : {},
  });
  // discord.js reconnects and resumes by itself; we only say so. The adapter keeps nothing a reconnect loses.
  client.on(Events.ShardReconnecting, (shard) => stopping || log.warn('discord: gateway reconnecting', { shard }));
  client.on(Events.ShardResume, (shard, replayed) => log.info('discord: gateway resumed', { shard, replayed }));
  client.on(Events.ShardDisconnect, (event, shard) =>
    log.warn('discord: gateway disconnected', { shard, code: event.code }),
  );
  client.on(Events.ShardError, (error, shard) => log.error('discord: gateway error', { shard, err: error }));
  client.on(Events.Error, (error) => log.error('discord: client error', { err: error }));
  client.on(Events.Warn, (message) => log.warn('discord: warning', { message }));

  return {
    platform: 'discord',
    async start(handle: Handle) {
      const route = createRoutes({ ...deps, rest: client.rest, deferAfterMs: deps.deferAfterMs ?? 1500 }, handle);
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
    },
    outbound: createDiscordOutbound({ rest: client.rest, log }),
    async stop() {
      stopping = true;
      await client.destroy();
    },
    // isReady() stays true after a disconnect; the shards' own status does not.
    connected: () => client.ws.shards.size > 0 && client.ws.shards.every((shard) => shard.status === Status.Ready),
  };
}
