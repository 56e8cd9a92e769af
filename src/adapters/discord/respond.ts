// Answers one interaction within Discord's 3 seconds: at once if the reply is quick, else defer and edit.
import { DiscordAPIError, InteractionResponseType, MessageFlags, type RawFile, type REST, Routes } from 'discord.js';
import type { Reply } from '../../core/model/reply.ts';
import type { Log } from '../../log.ts';
import { type Attachments, attachmentsFor, withoutFiles } from './attachments.ts';
import { type DiscordMessage, flagsFor, render } from './render.ts';

export interface Target {
  id: string;
  token: string;
  applicationId: string;
  /** Over the HTTP interactions endpoint, the first answer is the response to Discord's request (JSON only: Discord
   *  refuses files there). Absent over the gateway: the first answer is a REST callback. */
  answer?: (body: unknown) => Promise<void>;
}

export interface RespondDeps {
  rest: REST;
  log: Log;
  deferAfterMs: number; // Discord drops an unanswered interaction after 3 s; defer well before that
}

/** mode 'reply' posts a new message (type 4); 'update' replaces the message the button was on (type 7). */
export async function respond(
  deps: RespondDeps,
  target: Target,
  mode: 'reply' | 'update',
  pending: Promise<Reply>,
): Promise<void> {
  const settled = pending.then(
    (reply) => ({ reply }),
    (error: unknown) => ({ reply: apology(deps.log, error) }),
  );
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(resolve, deps.deferAfterMs, null)));
  const quick = await Promise.race([settled, late]);
  clearTimeout(timer);

  // Files cannot ride on an HTTP response: such a reply is deferred, and the edit that follows carries them.
  if (quick && !(target.answer && quick.reply.files?.length)) {
    // A reply for the channel answers a button with a new message: updating the clicked one would keep it private.
    const fresh = mode === 'reply' || quick.reply.visibility === 'channel';
    const type = fresh ? InteractionResponseType.ChannelMessageWithSource : InteractionResponseType.UpdateMessage;
    // Files ride on the same callback (multipart), so they are exactly as private as the reply itself.
    await withFiles(deps.log, quick.reply, (reply, { files, payload }) => {
      const message = messageFor(deps.log, reply);
      const data = fresh ? withFlags(message, flagsFor(reply)) : message;
      return callback(deps.rest, target, { type, data: { ...data, ...payload } }, files);
    });
    return;
  }
  // Visibility is fixed when deferring, before the reply exists: defer privately so nothing private leaks.
  await callback(
    deps.rest,
    target,
    mode === 'reply'
      ? { type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } }
      : { type: InteractionResponseType.DeferredMessageUpdate },
  );
  const { reply } = await settled;
  if (reply.visibility === 'channel') return followUp(deps, target, mode, reply);
  await withFiles(deps.log, reply, (r, { files, payload }) =>
    deps.rest.patch(Routes.webhookMessage(target.applicationId, target.token, '@original'), {
      body: { ...messageFor(deps.log, r), ...payload },
      auth: false,
      ...(files.length ? { files } : {}),
    }),
  );
}

/**
 * A slow reply for the whole channel, after a private deferral: the private "thinking…" message is closed with a
 * short note, and the reply goes out as a follow-up without the ephemeral flag, which everyone in the channel sees.
 */
async function followUp(deps: RespondDeps, target: Target, mode: 'reply' | 'update', reply: Reply): Promise<void> {
  if (mode === 'reply') {
    await deps.rest.patch(Routes.webhookMessage(target.applicationId, target.token, '@original'), {
      body: messageFor(deps.log, {
        blocks: [{ type: 'text', spans: ['Posted in the channel.'] }],
        buttons: [],
        visibility: 'private',
      }),
      auth: false,
    });
  }
  await withFiles(deps.log, reply, (r, { files, payload }) =>
    deps.rest.post(Routes.webhook(target.applicationId, target.token), {
      body: { ...messageFor(deps.log, r), ...payload },
      auth: false,
      ...(files.length ? { files } : {}),
    }),
  );
}

/**
 * Sends the reply with its files; when Discord refuses them (too large, a bad upload), sends it again without them,
 * saying so: the member is never left without an answer. A refused request changed nothing, so sending again is
 * safe; a network failure might have been delivered and is not retried here.
 */
async function withFiles(
  log: Log,
  reply: Reply,
  send: (reply: Reply, attachments: Attachments) => Promise<unknown>,
): Promise<void> {
  const attachments = attachmentsFor(reply);
  if (!attachments.files.length) {
    await send(reply, attachments);
    return;
  }
  try {
    await send(reply, attachments);
  } catch (error) {
    if (!(error instanceof DiscordAPIError)) throw error;
    log.error('discord: files refused, answering without them', {
      err: error,
      files: attachments.files.map((f) => f.name),
    });
    const plain = withoutFiles(reply);
    await send(plain, attachmentsFor(plain));
  }
}

/** The first answer to an interaction. Over REST with files, discord.js sends multipart/form-data: the body as
 *  payload_json, each file as files[n]. */
export function callback(rest: REST, target: Target, body: unknown, files: RawFile[] = []): Promise<unknown> {
  if (target.answer) {
    if (files.length) throw new Error('files cannot go in the HTTP response to an interaction');
    return target.answer(body);
  }
  return rest.post(Routes.interactionCallback(target.id, target.token), {
    body,
    auth: false,
    ...(files.length ? { files } : {}),
  });
}

export function messageFor(log: Log, reply: Reply, customIdPrefix?: string): DiscordMessage {
  const { message, dropped } = render(reply, customIdPrefix ? { customIdPrefix } : {});
  if (dropped.length)
    log.warn('discord: buttons left out (command text too long for a custom_id, or more than 25)', {
      commands: dropped.map((b) => b.command),
    });
  return message;
}

function withFlags(message: DiscordMessage, flags: number | undefined): DiscordMessage {
  return flags === undefined ? message : { ...message, flags };
}

function apology(log: Log, error: unknown): Reply {
  log.error('discord: command failed', { err: error });
  return {
    blocks: [{ type: 'text', spans: ['Sorry, something went wrong on my side. Please try again in a moment.'] }],
    buttons: [],
    visibility: 'private',
  };
}
