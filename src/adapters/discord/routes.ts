// Routes each Discord interaction: /roadmap → handle → a reply, a button → its command, autocomplete → the core's
// topic suggestions.
import { type Interaction, InteractionResponseType, MessageFlags, type REST } from 'discord.js';
import type { Command } from '../../core/commands/command.ts';
import type { SuggestTopics } from '../../core/index.ts';
import { reply, text } from '../../core/model/reply.ts';
import type { Log } from '../../log.ts';
import type { Handle } from '../adapter.ts';
import { choicesFor } from './autocomplete.ts';
import { ROOT } from './commands.ts';
import { commandText, invocationFor, parseCustomId } from './receive.ts';
import { callback, respond } from './respond.ts';

export interface RouteDeps {
  rest: REST;
  log: Log;
  commands: readonly Command[];
  suggestTopics: SuggestTopics;
  deferAfterMs: number;
}

const NO_GUILD = reply({
  blocks: [text('Roadmap Coach works inside a server: type `/roadmap` in one of its channels.')],
});
const REMEMBERED = 5000; // interaction ids kept to ignore a duplicate delivery (a resume can replay one)

export function createRoutes(deps: RouteDeps, handle: Handle) {
  const seen = new Set<string>();
  const firstTime = (id: string) => {
    if (seen.has(id)) return false;
    seen.add(id);
    if (seen.size > REMEMBERED) seen.delete(seen.values().next().value!);
    return true;
  };

  return async function onInteraction(interaction: Interaction): Promise<void> {
    if (!firstTime(interaction.id)) {
      deps.log.debug('discord: duplicate interaction ignored', { id: interaction.id });
      return;
    }
    const target = { id: interaction.id, token: interaction.token, applicationId: interaction.applicationId };
    if (interaction.isAutocomplete()) {
      const choices =
        interaction.commandName === ROOT ? await choicesFor(interaction, deps.commands, deps.suggestTopics) : [];
      await callback(deps.rest, target, {
        type: InteractionResponseType.ApplicationCommandAutocompleteResult,
        data: { choices },
      });
    } else if (interaction.isChatInputCommand() && interaction.commandName === ROOT) {
      // A guild is the workspace; /roadmap is registered for guilds only, but an old registration may differ.
      if (!interaction.guildId) return respond(deps, target, 'reply', Promise.resolve(NO_GUILD));
      const text = commandText(interaction, deps.commands);
      await respond(deps, target, 'reply', handle(invocationFor(interaction, text, interaction.guildId)));
    } else if (interaction.isButton()) {
      const { guildId = interaction.guildId, command } = parseCustomId(interaction.customId);
      if (!guildId) return respond(deps, target, 'reply', Promise.resolve(NO_GUILD));
      // Replace the message the button sits on when it is the clicker's own (ephemeral, or in their DMs);
      // a click on a shared channel message answers privately instead of rewriting it for everyone.
      const own = !interaction.inGuild() || interaction.message.flags.has(MessageFlags.Ephemeral);
      await respond(deps, target, own ? 'update' : 'reply', handle(invocationFor(interaction, command, guildId)));
    } else {
      deps.log.debug('discord: interaction not for us', { id: interaction.id, type: interaction.type });
    }
  };
}
