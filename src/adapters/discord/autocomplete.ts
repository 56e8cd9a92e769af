// Autocomplete for topic options: the core's suggestions for what the member has typed so far, within Discord's
// limits (25 choices; names and values of at most 100 characters).
import type { AutocompleteInteraction } from 'discord.js';
import type { Command } from '../../core/commands/command.ts';
import type { SuggestTopics } from '../../core/index.ts';
import { FREE_TEXT } from './commands.ts';
import { truncate } from './render.ts';

const MAX_CHOICES = 25;

/** Choices for the focused option, or none when it is not a topic. */
export async function choicesFor(
  interaction: AutocompleteInteraction,
  commands: readonly Command[],
  suggestTopics: SuggestTopics,
) {
  const sub = interaction.options.getSubcommand(false);
  const focused = interaction.options.getFocused(true);
  const arg = commands.find((c) => c.name === sub)?.args.find((a) => a.name === focused.name);
  if (sub === FREE_TEXT.name || arg?.kind !== 'topic' || !interaction.guildId) return [];
  return (await suggestTopics('discord', interaction.guildId, String(focused.value), MAX_CHOICES))
    .filter((t) => t.path.length <= 100) // a longer value could not be sent back
    .map((t) => ({ name: truncate(t.title, 100), value: t.path }));
}
