// registerDiscordCommands PUTs one /roadmap command derived from the grammar, globally or to one guild.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { registerDiscordCommands } from '../../../src/adapters/discord/index.ts';
import { discord } from '../../../src/adapters/discord/platform.ts';
import { loadConfig } from '../../../src/config.ts';
import { COMMANDS } from '../../../src/core/commands/index.ts';
import { APP_ID, createDiscordFake, type DiscordFake, GUILD } from '../../fakes/discord.ts';
import { createDiscordSigner } from '../../fakes/discord-signer.ts';

let fake: DiscordFake;
beforeEach(async () => {
  fake = await createDiscordFake();
});
afterEach(async () => {
  expect(fake.rest.violations).toEqual([]);
  await fake.close();
});

it('registers /roadmap globally with a subcommand per verb plus run', async () => {
  await registerDiscordCommands({
    token: 't0ken',
    applicationId: APP_ID,
    apiUrl: fake.rest.apiUrl,
    commands: COMMANDS,
  });
  const [put] = fake.requestsTo(new RegExp(`^/applications/${APP_ID}/commands$`), 'PUT');
  expect(put!.headers.authorization).toBe('Bot t0ken');
  expect(put!.body).toHaveLength(1);
  const roadmap = put!.body[0];
  expect(roadmap).toMatchObject({ name: 'roadmap', type: 1, contexts: [0] });
  const subs = roadmap.options as { name: string; description: string; type: number; options: any[] }[];
  // Discord allows 25 subcommands: every verb but the rare ones, plus run (which takes any command text).
  expect(subs.length).toBeLessThanOrEqual(25);
  expect(subs.map((s) => s.name)).toEqual([...COMMANDS.filter((c) => !c.rare).map((c) => c.name), 'run']);
  expect(COMMANDS.filter((c) => c.rare).map((c) => c.name)).toContain('unlink');
  for (const s of subs) {
    expect(s.type).toBe(1);
    expect(s.description.length).toBeGreaterThan(0);
    expect(s.description.length).toBeLessThanOrEqual(100);
  }
  const done = subs.find((s) => s.name === 'done')!;
  expect(done.description).toBe('Mark a topic done');
  expect(done.options).toEqual([
    { type: 3, name: 'topic', description: 'A topic name, e.g. "express"', required: true, autocomplete: true },
  ]);
  expect(subs.find((s) => s.name === 'help')!.options).toEqual([
    { type: 3, name: 'command', description: 'A command to explain', required: false },
  ]);
  expect(subs.find((s) => s.name === 'run')!.options[0]).toMatchObject({ name: 'text', type: 3, required: true });
});

it('registers to one guild for development', async () => {
  await registerDiscordCommands({
    token: 't0ken',
    applicationId: APP_ID,
    guildId: GUILD.id,
    apiUrl: fake.rest.apiUrl,
    commands: COMMANDS,
  });
  expect(fake.requestsTo(new RegExp(`^/applications/${APP_ID}/guilds/${GUILD.id}/commands$`), 'PUT')).toHaveLength(1);
  expect(fake.requestsTo(new RegExp(`^/applications/${APP_ID}/commands$`))).toEqual([]);
});

it('discord-register works the same in HTTP mode: a configuration with a public key registers over REST', async () => {
  const config = loadConfig({
    DISCORD_TOKEN: 'fake-bot-token-0123456789',
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_API_URL: fake.rest.apiUrl,
    DISCORD_PUBLIC_KEY: createDiscordSigner().publicKey,
  });
  const register = discord.cli!.find((c) => c.name === 'discord-register')!;
  const said = await register.run({ config, commands: COMMANDS, options: { guild: GUILD.id } });
  expect(said).toBe(`Registered /roadmap to server ${GUILD.id}.`);
  const [put] = fake.requestsTo(new RegExp(`^/applications/${APP_ID}/guilds/${GUILD.id}/commands$`), 'PUT');
  expect(put!.headers.authorization).toBe('Bot fake-bot-token-0123456789');
  expect(fake.requestsTo(/^\/gateway/)).toEqual([]);
});
