// Outbound messages: chat.postMessage to a channel, or to a member's DM (conversations.open first, unless the caller
// kept the DM channel, or opened it ahead with openDirect); and, after a crash, whether a message arrived. No retries
// here: the outbox owns retrying, so a failure surfaces at once (429s included), as adapter.ts's errors.
import type { Logger } from '@slack/bolt';
import type { Reply } from '../../core/model/reply.ts';
import type { Outbound, SendLimits, SendOptions, SendResult, SendTarget } from '../adapter.ts';
import { render } from './render.ts';
import { notInstalled, translated } from './send-errors.ts';
import { apiBase, webClients } from './web-clients.ts';

/** The metadata event type our nudges and digests carry, with the outbox's nonce as its payload. */
export const DELIVERY_EVENT = 'roadmap_coach_delivery';

// chat.postMessage allows about 1 message per second per channel and limits bursts per workspace, so one request at a
// time per workspace costs nothing Slack would allow, and leaves at most one in doubt after a crash. Slack has no
// idempotency key: a resend after a crash is looked for with findSent, or flagged.
export const SLACK_LIMITS: SendLimits = {
  perSecond: 20,
  burst: 20,
  perTargetMs: 1000,
  inFlight: 1,
  perWorkspace: { lanesAtOnce: 20 },
};

/** send, openDirect and findSent for the adapter; all fail at once rather than retry (the outbox owns retrying). */
export function createOutbound(deps: {
  apiUrl?: string;
  logger?: Logger;
  tokenFor: (workspaceId: string) => Promise<string | undefined> | string | undefined;
}) {
  const clientFor = webClients({
    ...apiBase(deps.apiUrl),
    ...(deps.logger ? { logger: deps.logger } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
  const clientOf = async (workspaceId: string) => {
    const token = await deps.tokenFor(workspaceId);
    if (!token) throw notInstalled(workspaceId);
    return clientFor(token);
  };

  async function openDirect(target: SendTarget): Promise<string> {
    const dm = await (await clientOf(target.workspaceId)).conversations.open({ users: target.id });
    if (!dm.channel?.id) throw new Error(`conversations.open gave no channel for ${target.id}`);
    return dm.channel.id;
  }

  // A user target whose id is already a DM channel (D…) was kept: post straight to it.
  const dmOf = async (target: SendTarget) =>
    target.kind === 'user' && !target.id.startsWith('D') ? openDirect(target) : undefined;

  return {
    limits: SLACK_LIMITS,
    // conversations.open allows about 50 calls a minute, and sends and members' own commands need some of that too.
    opensPerMinute: 20,
    openDirect: translated(openDirect),
    /** Resolves to the DM channel it opened, if it opened one, for the caller to keep. The nonce rides along as
     *  message metadata, so a send cut off by a crash can be looked for (findSent). */
    send: translated(async (target: SendTarget, reply: Reply, options: SendOptions = {}): Promise<SendResult> => {
      const client = await clientOf(target.workspaceId);
      const opened = await dmOf(target);
      const metadata = options.nonce
        ? { metadata: { event_type: DELIVERY_EVENT, event_payload: { nonce: options.nonce } } }
        : {};
      await client.chat.postMessage({
        channel: opened ?? target.id,
        ...render(reply),
        unfurl_links: false,
        unfurl_media: false,
        ...metadata,
      });
      return opened ? { channelId: opened } : {};
    }),
    /** Messages carrying this nonce among a member's latest DMs from the bot. Needs the optional im:history scope:
     *  without it (or for a channel, whose history needs more) it cannot tell. */
    findSent: translated(async (target: SendTarget, nonce: string): Promise<number | undefined> => {
      if (target.kind !== 'user') return undefined;
      const client = await clientOf(target.workspaceId);
      const channel = (await dmOf(target)) ?? target.id;
      try {
        // The DM is read-only for the member: only the bot writes there, a few messages a day, so the latest few
        // hold a message cut off seconds or minutes ago.
        const { messages = [] } = await client.conversations.history({
          channel,
          limit: 20,
          include_all_metadata: true,
        });
        const ours = (payload: unknown) => (payload as { nonce?: unknown } | undefined)?.nonce === nonce;
        return messages.filter((m) => m.metadata?.event_type === DELIVERY_EVENT && ours(m.metadata.event_payload))
          .length;
      } catch (error) {
        if ((error as { data?: { error?: string } }).data?.error === 'missing_scope') return undefined;
        throw error;
      }
    }),
  } satisfies Outbound;
}

export type SlackOutbound = ReturnType<typeof createOutbound>;
