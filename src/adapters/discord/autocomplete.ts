// Autocomplete for topic options: up to 25 topic titles matching what the member has typed so far.
import type { AutocompleteInteraction } from 'discord.js';
import type { Command } from '../../core/commands/command.ts';
import { FREE_TEXT } from './commands.ts';
import { truncate } from './render.ts';

export interface TopicChoice {
  title: string;
  path: string;
}

/** The topics a guild's roadmap offers (the lead builds it on the store; an unknown guild gets the default roadmap). */
export type TopicsFor = (guildId: string) => readonly TopicChoice[];

const MAX_CHOICES = 25;

export function topicChoices(topics: readonly TopicChoice[], typed: string): { name: string; value: string }[] {
  const query = typed.trim().toLowerCase();
  const matches = (t: TopicChoice) => !query || t.title.toLowerCase().includes(query) || t.path.toLowerCase().includes(query);
  // Titles that start with the query first, then the rest in roadmap order.
  const starts = (t: TopicChoice) => (t.title.toLowerCase().startsWith(query) ? 0 : 1);
  return topics
    .filter((t) => matches(t) && t.path.length <= 100)
    .map((t, i) => ({ t, i }))
    .sort((a, b) => starts(a.t) - starts(b.t) || a.i - b.i)
    .slice(0, MAX_CHOICES)
    .map(({ t }) => ({ name: truncate(t.title, 100), value: t.path }));
}

/** Choices for the focused option, or none when it is not a topic. */
export function choicesFor(interaction: AutocompleteInteraction, commands: readonly Command[], topicsFor: TopicsFor) {
  const sub = interaction.options.getSubcommand(false);
  const focused = interaction.options.getFocused(true);
  const arg = commands.find((c) => c.name === sub)?.args.find((a) => a.name === focused.name);
  if (sub === FREE_TEXT.name || arg?.kind !== 'topic' || !interaction.guildId) return [];
  return topicChoices(topicsFor(interaction.guildId), String(focused.value));
}
