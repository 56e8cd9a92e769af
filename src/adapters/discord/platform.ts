// Discord as a listed platform: its variables, when it runs, how its adapter is made (discord.js is imported only
// then), its interactions endpoint in HTTP mode, and `discord-register`, which puts /roadmap on Discord.
import { z } from 'zod';
import { httpUrl, optional } from '../../env.ts';
import { SetupError } from '../../setup-error.ts';
import { definePlatform, whenStarted } from '../platform.ts';

/** Where Discord posts interactions in HTTP mode: the Interactions Endpoint URL is PUBLIC_URL + this. */
export const INTERACTIONS_PATH = '/discord/interactions';

const snowflake = (what: string) => z.string().regex(/^\d{15,25}$/, what);

const env = {
  DISCORD_TOKEN: optional(z.string().min(20, 'the bot token from the Developer Portal')),
  DISCORD_APPLICATION_ID: optional(snowflake('the numeric application id')),
  DISCORD_GUILD_ID: optional(snowflake('a numeric server (guild) id')),
  DISCORD_API_URL: optional(httpUrl),
  // Set: HTTP mode. Interactions come to POST /discord/interactions and no gateway connection is opened; Discord
  // sends them there only once the endpoint URL is saved in the Developer Portal, and then never over the gateway.
  DISCORD_PUBLIC_KEY: optional(
    z.string().regex(/^[0-9a-fA-F]{64}$/, "64 hex characters: the Public Key on the application's General Information"),
  ),
};

export const discord = definePlatform({
  name: 'discord',
  env,
  rules: (has, { replicas }) => [
    ...(has('DISCORD_TOKEN') && !has('DISCORD_APPLICATION_ID')
      ? ['DISCORD_APPLICATION_ID: required with DISCORD_TOKEN']
      : []),
    // The token still sends nudges and registers /roadmap in HTTP mode.
    ...(has('DISCORD_PUBLIC_KEY') && !has('DISCORD_TOKEN') ? ['DISCORD_TOKEN: required with DISCORD_PUBLIC_KEY'] : []),
    // Every replica's gateway would receive every interaction (one shard), so replicas take them over HTTP.
    ...(has('DISCORD_TOKEN') && !has('DISCORD_PUBLIC_KEY') && replicas > 1
      ? [
          `DISCORD_PUBLIC_KEY: REPLICAS=${replicas} take Discord's interactions over HTTP (each replica's gateway ` +
            'would receive every one); set the Public Key and the Interactions Endpoint URL (README.md, Running ' +
            'several replicas)',
        ]
      : []),
  ],
  configured: (config) => Boolean(config.DISCORD_TOKEN),
  setupHint: 'DISCORD_TOKEN with DISCORD_APPLICATION_ID for Discord',
  async create({ config, clock, log, commands, suggestTopics, firstSeen }) {
    const { createDiscordAdapter } = await import('./index.ts');
    return createDiscordAdapter({
      token: config.DISCORD_TOKEN!,
      applicationId: config.DISCORD_APPLICATION_ID!,
      apiUrl: config.DISCORD_API_URL,
      publicKey: config.DISCORD_PUBLIC_KEY,
      clock,
      log,
      commands,
      suggestTopics,
      firstSeen,
    });
  },
  // HTTP mode: the endpoint to paste into the Developer Portal's Interactions Endpoint URL. Its handler exists once
  // the adapter has started; until then the route answers 503 (Discord's check of the URL then fails, and says so).
  routes: (adapter, config) =>
    config.DISCORD_PUBLIC_KEY ? [whenStarted(INTERACTIONS_PATH, () => adapter.interactions())] : [],
  cli: [
    {
      name: 'discord-register',
      description: 'register /roadmap with Discord: globally, or to DISCORD_GUILD_ID (instant, for development)',
      options: [
        { flags: '--guild <id>', description: 'register to this one server instead (overrides DISCORD_GUILD_ID)' },
      ],
      async run({ config, commands, options }) {
        if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) {
          throw new SetupError(
            'discord-register needs DISCORD_TOKEN and DISCORD_APPLICATION_ID.',
            'Set both (Connecting Discord in README.md says where to find them).',
          );
        }
        const { registerDiscordCommands } = await import('./commands.ts');
        const guildId = options.guild ?? config.DISCORD_GUILD_ID;
        await registerDiscordCommands({
          token: config.DISCORD_TOKEN,
          applicationId: config.DISCORD_APPLICATION_ID,
          guildId,
          apiUrl: config.DISCORD_API_URL,
          commands,
        });
        return `Registered /roadmap ${
          guildId ? `to server ${guildId}` : 'globally (it can take up to an hour to appear everywhere)'
        }.`;
      },
    },
  ],
});
