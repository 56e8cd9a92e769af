// Slack's Web API errors as the outbox reads them (adapter.ts): refusals that retrying cannot fix are permanent, a
// 429 is a wait, anything else is transient, named by what Slack said.
import { PermanentSendError, RetryAfterError } from '../adapter.ts';

// Slack answers these for a DM or a channel that will not take messages however often we try.
const PERMANENT: Record<string, string> = {
  channel_not_found: 'the channel does not exist or the bot cannot see it',
  user_not_found: 'the member is no longer in the workspace',
  account_inactive: 'the bot or the member was deactivated',
  user_disabled: 'the member was deactivated',
  cannot_dm_bot: 'the member is a bot',
  not_in_channel: 'the bot is not in the channel',
  is_archived: 'the channel is archived',
  restricted_action: 'the workspace does not allow the bot to post there',
  invalid_auth: 'the app was uninstalled or its token revoked',
  token_revoked: 'the app was uninstalled or its token revoked',
  not_authed: 'the app was uninstalled or its token revoked',
  team_access_not_granted: 'the app was uninstalled or its token revoked',
  missing_scope: 'the app lacks a permission it needs',
};

interface SlackError {
  code?: string;
  data?: { error?: string };
  retryAfter?: number;
  statusCode?: number;
}

/** The workspace has no installation (the app was uninstalled or its token revoked): retrying cannot help. */
export const notInstalled = (workspaceId: string) =>
  new PermanentSendError('app_uninstalled', 'the app is not installed in the workspace', {
    cause: new Error(`no installation for ${workspaceId}`),
  });

/** A Web API client's error as the outbox's kind of error; anything that is not Slack's passes through. */
export function sendError(error: unknown): unknown {
  const slack = error as SlackError | undefined;
  if (slack?.code === 'slack_webapi_rate_limited_error')
    return new RetryAfterError((slack.retryAfter ?? 1) * 1000, { cause: error });
  if (slack?.code === 'slack_webapi_platform_error') {
    const code = slack.data?.error ?? 'unknown';
    if (PERMANENT[code]) return new PermanentSendError(code, PERMANENT[code]!, { cause: error });
    return new Error(`slack ${code}`, { cause: error }); // e.g. internal_error, fatal_error, service_unavailable
  }
  if (slack?.code === 'slack_webapi_http_error') return new Error(`slack HTTP ${slack.statusCode}`, { cause: error });
  return error;
}

/** fn, with what it throws translated by sendError. */
export function translated<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await fn(...args);
    } catch (error) {
      throw sendError(error);
    }
  };
}
