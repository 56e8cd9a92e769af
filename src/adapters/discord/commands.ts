// The /roadmap slash command, derived from the core's command list, and its registration with Discord.
import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  REST,
  type RESTPutAPIApplicationCommandsJSONBody,
  Routes,
} from 'discord.js';
import type { ArgSpec, Command } from '../../core/commands/command.ts';
import { truncate } from './render.ts';

export const ROOT = 'roadmap';
/** `/roadmap run text:<anything>`: any command text, so unknown or
 *  future verbs work and the grammar stays the source. */
export const FREE_TEXT = { name: 'run', option: 'text' } as const;
const MAX_SUBCOMMANDS = 25;
const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;

export type SlashCommandBody = RESTPutAPIApplicationCommandsJSONBody[number];

/**
 * Verbs that become subcommands: valid Discord names, never shadowing the free-text one, at most 24 of them.
 * Rare verbs go first when room runs out; every verb, listed or not, still works through `/roadmap run`.
 */
export function subcommandVerbs(commands: readonly Command[]): Command[] {
  const valid = commands.filter((c) => c.name !== FREE_TEXT.name && NAME.test(c.name));
  const room = MAX_SUBCOMMANDS - 1;
  const kept = valid.length > room ? valid.filter((c) => !c.rare) : valid;
  return kept.slice(0, room);
}

export function buildRoadmapCommand(commands: readonly Command[]): SlashCommandBody {
  const verbs: APIApplicationCommandSubcommandOption[] = subcommandVerbs(commands).map((c) => ({
    type: ApplicationCommandOptionType.Subcommand,
    name: c.name,
    description: describe(c.summary),
    // Discord wants required options first; folding back uses the declared order, not this one.
    options: [...c.args]
      .filter((a) => NAME.test(a.name))
      .sort((a, b) => Number(b.required) - Number(a.required))
      .map(option),
  }));
  const freeText: APIApplicationCommandSubcommandOption = {
    type: ApplicationCommandOptionType.Subcommand,
    name: FREE_TEXT.name,
    description: 'Run any command as you would type it, e.g. "done express"',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: FREE_TEXT.option,
        description: 'The command text',
        required: true,
        max_length: 1000,
      },
    ],
  };
  return {
    type: ApplicationCommandType.ChatInput,
    name: ROOT,
    description: 'Your study roadmap: what to learn next, progress and more',
    contexts: [InteractionContextType.Guild], // a guild is the workspace; DMs only carry our buttons
    options: [...verbs, freeText],
  };
}

function option(arg: ArgSpec): APIApplicationCommandBasicOption {
  const base = {
    type: ApplicationCommandOptionType.String as const,
    name: arg.name,
    description: describe(arg.description),
    required: arg.required,
  };
  if (arg.kind === 'topic') return { ...base, autocomplete: true };
  if (arg.kind === 'choice' && arg.choices?.length) {
    return {
      ...base,
      choices: arg.choices.slice(0, 25).map((c) => ({ name: truncate(c, 100), value: truncate(c, 100) })),
    };
  }
  return base;
}

function describe(text: string): string {
  return truncate(text.trim() || '—', 100);
}

export interface RegisterOptions {
  token: string;
  applicationId: string;
  guildId?: string; // one guild, for development: updates at once instead of globally
  apiUrl?: string;
  commands: readonly Command[];
}

/** PUTs /roadmap (replacing this app's commands) globally or in one guild. Returns what Discord stored. */
export async function registerDiscordCommands(opts: RegisterOptions): Promise<unknown> {
  const rest = new REST({ version: '10', ...(opts.apiUrl ? { api: opts.apiUrl } : {}) }).setToken(opts.token);
  try {
    const route = opts.guildId
      ? Routes.applicationGuildCommands(opts.applicationId, opts.guildId)
      : Routes.applicationCommands(opts.applicationId);
    return await rest.put(route, { body: [buildRoadmapCommand(opts.commands)] });
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}
