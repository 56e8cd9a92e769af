// Routes each Discord interaction, from the gateway or the HTTP endpoint alike: /roadmap → handle → a reply, a button
// → its command, autocomplete → the core's topic suggestions, another command → a clear answer.
import { type Interaction, InteractionResponseType, MessageFlags, type REST } from 'discord.js';
import type { Command } from '../../core/commands/command.ts';
import type { SuggestTopics } from '../../core/index.ts';
import { type Reply, reply, text } from '../../core/model/reply.ts';
import type { Log } from '../../log.ts';
import type { Handle } from '../adapter.ts';
import { choicesFor } from './autocomplete.ts';
import { ROOT } from './commands.ts';
import { commandText, invocationFor, parseCustomId } from './receive.ts';
import { callback, respond, type Target } from './respond.ts';
import type { FirstSeen } from './seen.ts';

export interface RouteDeps {
  rest: REST;
  log: Log;
  commands: readonly Command[];
  suggestTopics: SuggestTopics;
  deferAfterMs: number;
  /** Whether this interaction id is new: duplicates are dropped here, for both modes (src/adapters/discord/seen.ts). */
  firstSeen: FirstSeen;
}

/** What became of an interaction; only 'duplicate' and 'not ours' leave it unanswered. */
export type Outcome = 'answered' | 'duplicate' | 'not ours';

const NO_GUILD = reply({
  blocks: [text('Roadmap Coach works inside a server: type `/roadmap` in one of its channels.')],
});
/** A command of this application's that this version does not know (an old registration, a context menu). */
const notOurs = (name: string): Reply =>
  reply({
    blocks: [text('I do not know ', { code: `/${name}` }, ': everything I do is under ', { code: '/roadmap' }, '.')],
  });

export function createRoutes(deps: RouteDeps, handle: Handle) {
  /** answer: where the first answer goes over the HTTP endpoint (the response to Discord's request); see Target. */
  return async function onInteraction(interaction: Interaction, answer?: Target['answer']): Promise<Outcome> {
    if (!(await deps.firstSeen(interaction.id))) {
      deps.log.debug('discord: duplicate interaction ignored', { id: interaction.id });
      return 'duplicate';
    }
    const target: Target = {
      id: interaction.id,
      token: interaction.token,
      applicationId: interaction.applicationId,
      ...(answer ? { answer } : {}),
    };
    return answerOne(interaction, target);
  };

  async function answerOne(interaction: Interaction, target: Target): Promise<Outcome> {
    const quickly = (reply: Reply) =>
      respond(deps, target, 'reply', Promise.resolve(reply)).then(() => 'answered' as const);
    if (interaction.isAutocomplete()) {
      const choices =
        interaction.commandName === ROOT ? await choicesFor(interaction, deps.commands, deps.suggestTopics) : [];
      await callback(deps.rest, target, {
        type: InteractionResponseType.ApplicationCommandAutocompleteResult,
        data: { choices },
      });
      return 'answered';
    }
    if (interaction.isChatInputCommand() && interaction.commandName === ROOT) {
      // A guild is the workspace; /roadmap is registered for guilds only, but an old registration may differ.
      if (!interaction.guildId) return quickly(NO_GUILD);
      const text = commandText(interaction, deps.commands);
      await respond(deps, target, 'reply', handle(invocationFor(interaction, text, interaction.guildId)));
      return 'answered';
    }
    if (interaction.isCommand()) {
      return quickly(notOurs(interaction.commandName));
    }
    if (interaction.isButton()) {
      const { guildId = interaction.guildId, command } = parseCustomId(interaction.customId);
      if (!guildId) return quickly(NO_GUILD);
      // Replace the message the button sits on when it is the clicker's own (ephemeral, or in their DMs);
      // a click on a shared channel message answers privately instead of rewriting it for everyone.
      const own = !interaction.inGuild() || interaction.message.flags.has(MessageFlags.Ephemeral);
      await respond(deps, target, own ? 'update' : 'reply', handle(invocationFor(interaction, command, guildId)));
      return 'answered';
    }
    deps.log.debug('discord: interaction not for us', { id: interaction.id, type: interaction.type });
    return 'not ours';
  }
}
