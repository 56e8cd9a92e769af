// What a failed send means for the outbox: give up (the platform will never take it), wait as told (429), or retry.
import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { PermanentSendError } from '../adapters/discord/send.ts';
import { SlackNotInstalledError } from '../adapters/slack/send.ts';

export type Failure =
  | { kind: 'permanent'; code: string; reason: string }
  | { kind: 'rate_limited'; retryAfterMs: number }
  | { kind: 'transient'; reason: string };

// Slack answers these for a DM or a channel that will not take messages however often we try.
const SLACK_PERMANENT: Record<string, string> = {
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

interface SlackError { code?: string; data?: { error?: string }; retryAfter?: number; statusCode?: number }

export function classify(error: unknown): Failure {
  if (error instanceof PermanentSendError) return { kind: 'permanent', code: `discord_${error.code}`, reason: error.reason };
  if (error instanceof SlackNotInstalledError) return { kind: 'permanent', code: error.reason, reason: 'the app is not installed in the workspace' };
  if (error instanceof RateLimitError) return { kind: 'rate_limited', retryAfterMs: Math.max(error.retryAfter, 1000) };
  if (error instanceof DiscordAPIError || error instanceof HTTPError) {
    // discord.js already retried 5xx a few times; 4xx other than the permanent codes is a bug on our side or transient.
    return { kind: 'transient', reason: `discord HTTP ${error.status}` };
  }
  const slack = error as SlackError;
  if (slack?.code === 'slack_webapi_rate_limited_error') return { kind: 'rate_limited', retryAfterMs: Math.max((slack.retryAfter ?? 1) * 1000, 1000) };
  if (slack?.code === 'slack_webapi_platform_error') {
    const code = slack.data?.error ?? 'unknown';
    if (SLACK_PERMANENT[code]) return { kind: 'permanent', code, reason: SLACK_PERMANENT[code]! };
    return { kind: 'transient', reason: `slack ${code}` }; // e.g. internal_error, fatal_error, service_unavailable
  }
  if (slack?.code === 'slack_webapi_http_error') return { kind: 'transient', reason: `slack HTTP ${slack.statusCode}` };
  return { kind: 'transient', reason: error instanceof Error ? error.message.slice(0, 200) : String(error) };
}
