// Outbound messages (nudges, digests): a member's DMs or a channel. Refusals that retrying cannot fix are permanent.
import { DiscordAPIError, Routes, type REST } from 'discord.js';
import type { Reply } from '../../core/reply.ts';
import type { Log } from '../../log.ts';
import type { SendOptions, SendTarget } from '../adapter.ts';
import { messageFor } from './respond.ts';

/** Thrown by send() when Discord will never accept this message (DMs closed, unknown user or channel, no access). */
export class PermanentSendError extends Error {
  constructor(readonly reason: string, readonly code: number, options?: { cause?: unknown }) {
    super(`Discord refused the message for good: ${reason} (code ${code})`, options);
    this.name = 'PermanentSendError';
  }
}

// https://discord.com/developers/docs/topics/opcodes-and-status-codes#json
const PERMANENT: Record<number, string> = {
  50007: 'the member does not accept direct messages from this bot',
  10003: 'unknown channel',
  10013: 'unknown user',
  50001: 'the bot has no access to this channel',
  50013: 'the bot lacks permission to post in this channel',
};

export async function sendReply(deps: { rest: REST; log: Log }, target: SendTarget, reply: Reply, options: SendOptions = {}): Promise<void> {
  // enforce_nonce: Discord posts a message with a nonce it saw in the last few minutes only once, so a send retried
  // after a timeout or a crash mid-request never shows up twice.
  const nonce = options.nonce ? { nonce: options.nonce, enforce_nonce: true } : {};
  try {
    if (target.kind === 'user') {
      const dm = (await deps.rest.post(Routes.userChannels(), { body: { recipient_id: target.id } })) as { id: string };
      // A DM has no guild: buttons carry the guild id so a click lands in the right workspace.
      await deps.rest.post(Routes.channelMessages(dm.id), { body: { ...messageFor(deps.log, reply, `${target.workspaceId}:`), ...nonce } });
    } else {
      await deps.rest.post(Routes.channelMessages(target.id), { body: { ...messageFor(deps.log, reply), ...nonce } });
    }
  } catch (error) {
    if (error instanceof DiscordAPIError && typeof error.code === 'number' && PERMANENT[error.code]) {
      throw new PermanentSendError(PERMANENT[error.code]!, error.code, { cause: error });
    }
    throw error;
  }
}
