// Outbound messages: chat.postMessage to a channel, or to a member's DM (conversations.open first, unless the caller
// kept the DM channel, or opened it ahead with openDirect). No retries here: the outbox owns retrying, so a failure
// surfaces at once (429s included).
import type { Logger } from '@slack/bolt';
import type { Reply } from '../../core/reply.ts';
import type { SendResult, SendTarget } from '../adapter.ts';
import { render } from './render.ts';
import { apiBase, webClients } from './web-clients.ts';

/** The workspace has no installation (the app was uninstalled or its token revoked): retrying cannot help. */
export class SlackNotInstalledError extends Error {
  readonly reason = 'app_uninstalled';
  constructor(workspaceId: string) {
    super(`Slack is not installed in workspace ${workspaceId}`);
    this.name = 'SlackNotInstalledError';
  }
}

/** send and openDirect for the adapter; both fail at once rather than retry (the outbox owns retrying). */
export function createOutbound(deps: { apiUrl?: string; logger?: Logger; tokenFor: (workspaceId: string) => string | undefined }) {
  const clientFor = webClients({ ...apiBase(deps.apiUrl), ...(deps.logger ? { logger: deps.logger } : {}), retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
  const clientOf = (workspaceId: string) => {
    const token = deps.tokenFor(workspaceId);
    if (!token) throw new SlackNotInstalledError(workspaceId);
    return clientFor(token);
  };

  async function openDirect(target: SendTarget): Promise<string> {
    const dm = await clientOf(target.workspaceId).conversations.open({ users: target.id });
    if (!dm.channel?.id) throw new Error(`conversations.open gave no channel for ${target.id}`);
    return dm.channel.id;
  }

  return {
    openDirect,
    /** Resolves to the DM channel it opened, if it opened one, for the caller to keep. */
    async send(target: SendTarget, reply: Reply): Promise<SendResult> {
      const client = clientOf(target.workspaceId);
      // A user target whose id is already a DM channel (D…) was kept: post straight to it.
      const opened = target.kind === 'user' && !target.id.startsWith('D') ? await openDirect(target) : undefined;
      await client.chat.postMessage({ channel: opened ?? target.id, ...render(reply), unfurl_links: false, unfurl_media: false });
      return opened ? { channelId: opened } : {};
    },
  };
}
