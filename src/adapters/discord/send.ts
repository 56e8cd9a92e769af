// Outbound messages (nudges, digests): a member's DMs or a channel, with a nonce Discord enforces. Its errors become
// adapter.ts's: refusals that retrying cannot fix are permanent, a 429 is a wait, the rest transient.
import { DiscordAPIError, HTTPError, RateLimitError, type REST, Routes } from 'discord.js';
import type { Reply } from '../../core/model/reply.ts';
import type { Log } from '../../log.ts';
import {
  type Outbound,
  PermanentSendError,
  RetryAfterError,
  type SendLimits,
  type SendOptions,
  type SendTarget,
} from '../adapter.ts';
import { messageFor } from './respond.ts';

// 50 requests per second globally (a DM costs two: open + post), no per-workspace limit for bots' messages.
export const DISCORD_LIMITS: SendLimits = { perSecond: 25, burst: 25, perTargetMs: 0, inFlight: 10 };
// Discord documents "the past few minutes" for enforce_nonce; a minute is well inside that, and a restart's resend
// comes within seconds. Past it, a resend may post twice: flagged.
export const NONCE_WINDOW_MS = 60_000;

// https://discord.com/developers/docs/topics/opcodes-and-status-codes#json
const PERMANENT: Record<number, string> = {
  50007: 'the member does not accept direct messages from this bot',
  10003: 'unknown channel',
  10013: 'unknown user',
  50001: 'the bot has no access to this channel',
  50013: 'the bot lacks permission to post in this channel',
};

export function createDiscordOutbound(deps: { rest: REST; log: Log }): Outbound {
  return {
    limits: DISCORD_LIMITS,
    nonceWindowMs: NONCE_WINDOW_MS,
    async send(target, reply, options) {
      try {
        await post(deps, target, reply, options);
      } catch (error) {
        throw sendError(error);
      }
    },
  };
}

async function post(
  deps: { rest: REST; log: Log },
  target: SendTarget,
  reply: Reply,
  options: SendOptions = {},
): Promise<void> {
  // enforce_nonce: Discord posts a message with a nonce it saw in the last few minutes only once, so a send retried
  // after a timeout or a crash mid-request never shows up twice.
  const nonce = options.nonce ? { nonce: options.nonce, enforce_nonce: true } : {};
  if (target.kind === 'user') {
    const dm = (await deps.rest.post(Routes.userChannels(), { body: { recipient_id: target.id } })) as { id: string };
    // A DM has no guild: buttons carry the guild id so a click lands in the right workspace.
    await deps.rest.post(Routes.channelMessages(dm.id), {
      body: { ...messageFor(deps.log, reply, `${target.workspaceId}:`), ...nonce },
    });
  } else {
    await deps.rest.post(Routes.channelMessages(target.id), { body: { ...messageFor(deps.log, reply), ...nonce } });
  }
}

function sendError(error: unknown): unknown {
  if (error instanceof DiscordAPIError && typeof error.code === 'number' && PERMANENT[error.code]) {
    return new PermanentSendError(error.code, PERMANENT[error.code]!, { cause: error });
  }
  if (error instanceof RateLimitError) return new RetryAfterError(error.retryAfter, { cause: error });
  // discord.js already retried 5xx a few times; 4xx other than the permanent codes is a bug on our side or transient.
  if (error instanceof DiscordAPIError || error instanceof HTTPError)
    return new Error(`discord HTTP ${error.status}`, { cause: error });
  return error;
}
