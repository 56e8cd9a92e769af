// Outbound messages: chat.postMessage to a channel, or to a member's DM (conversations.open first, unless the caller
// kept the DM channel). No retries here: the outbox owns retrying, so a failure surfaces at once (429s included).
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

export function createSender(deps: { apiUrl?: string; tokenFor: (workspaceId: string) => string | undefined }) {
  const clientFor = webClients({ ...apiBase(deps.apiUrl), retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });

  /** Resolves to the DM channel it opened, if it opened one: conversations.open is rate-limited far below a fan-out. */
  return async function send(target: SendTarget, reply: Reply): Promise<SendResult> {
    const token = deps.tokenFor(target.workspaceId);
    if (!token) throw new SlackNotInstalledError(target.workspaceId);
    const client = clientFor(token);
    let channel = target.id;
    let opened: string | undefined;
    // A user target whose id is already a DM channel (D…) was kept from an earlier send: post straight to it.
    if (target.kind === 'user' && !target.id.startsWith('D')) {
      const dm = await client.conversations.open({ users: target.id });
      if (!dm.channel?.id) throw new Error(`conversations.open gave no channel for ${target.id}`);
      channel = opened = dm.channel.id;
    }
    await client.chat.postMessage({ channel, ...render(reply), unfurl_links: false, unfurl_media: false });
    return opened ? { channelId: opened } : {};
  };
}
