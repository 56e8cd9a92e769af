// Routes each Discord interaction: /roadmap → handle → a reply, a button → its command, autocomplete → the core's
// topic suggestions.
import { type Interaction, InteractionResponseType, MessageFlags, type REST } from 'discord.js';
import type { Command } from '../../core/commands/command.ts';
import type { SuggestTopics } from '../../core/index.ts';
import { reply, text } from '../../core/model/reply.ts';
import type { Log } from '../../log.ts';
import type { FirstSeen, Handle } from '../adapter.ts';
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
  firstSeen: FirstSeen;
}

const NO_GUILD = reply({
  blocks: [text('Roadmap Coach works inside a server: type `/roadmap` in one of its channels.')],
});

/** The key an interaction is taken under (FirstSeen): the same for the gateway and the HTTP endpoint, so one
 *  interaction delivered both ways, or to two replicas, runs once. */
export const interactionKey = (id: string): string => `discord:${id}`;

export function createRoutes(deps: RouteDeps, handle: Handle) {
  return async function onInteraction(interaction: Interaction): Promise<void> {
    // A gateway resume can replay an interaction; in the store, so a replay reaching another replica is caught too.
    if (!(await deps.firstSeen(interactionKey(interaction.id)))) {
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
