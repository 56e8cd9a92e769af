// Answers one interaction within Discord's 3 seconds: at once if the reply is quick, else defer and edit.
import { InteractionResponseType, MessageFlags, Routes, type REST } from 'discord.js';
import type { Reply } from '../../core/reply.ts';
import type { Log } from '../../log.ts';
import { flagsFor, render, type DiscordMessage } from './render.ts';

export interface Target {
  id: string;
  token: string;
  applicationId: string;
}

export interface RespondDeps {
  rest: REST;
  log: Log;
  deferAfterMs: number; // Discord drops an unanswered interaction after 3 s; defer well before that
}

/** mode 'reply' posts a new message (type 4); 'update' replaces the message the button was on (type 7). */
export async function respond(deps: RespondDeps, target: Target, mode: 'reply' | 'update', pending: Promise<Reply>): Promise<void> {
  const settled = pending.then((reply) => ({ reply }), (error: unknown) => ({ reply: apology(deps.log, error) }));
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(resolve, deps.deferAfterMs, null)));
  const quick = await Promise.race([settled, late]);
  clearTimeout(timer);

  if (quick) {
    const message = messageFor(deps.log, quick.reply);
    const data = mode === 'reply' ? withFlags(message, flagsFor(quick.reply)) : message;
    const type = mode === 'reply' ? InteractionResponseType.ChannelMessageWithSource : InteractionResponseType.UpdateMessage;
    await callback(deps.rest, target, { type, data });
    return;
  }
  // Visibility is fixed when deferring, before the reply exists: defer privately so nothing private leaks
  // (every reply the core makes today is private; a slow 'channel' reply stays visible to the asker only).
  await callback(deps.rest, target, mode === 'reply'
    ? { type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } }
    : { type: InteractionResponseType.DeferredMessageUpdate });
  const { reply } = await settled;
  await deps.rest.patch(Routes.webhookMessage(target.applicationId, target.token, '@original'), {
    body: messageFor(deps.log, reply), auth: false,
  });
}

export function callback(rest: REST, target: Target, body: unknown): Promise<unknown> {
  return rest.post(Routes.interactionCallback(target.id, target.token), { body, auth: false });
}

export function messageFor(log: Log, reply: Reply, customIdPrefix?: string): DiscordMessage {
  const { message, dropped } = render(reply, customIdPrefix ? { customIdPrefix } : {});
  if (dropped.length) log.warn('discord: buttons left out (command text too long for a custom_id, or more than 25)', { commands: dropped.map((b) => b.command) });
  return message;
}

function withFlags(message: DiscordMessage, flags: number | undefined): DiscordMessage {
  return flags === undefined ? message : { ...message, flags };
}

function apology(log: Log, error: unknown): Reply {
  log.error('discord: command failed', { err: error });
  return { blocks: [{ type: 'text', spans: ['Sorry, something went wrong on my side. Please try again in a moment.'] }], buttons: [], visibility: 'private' };
}
