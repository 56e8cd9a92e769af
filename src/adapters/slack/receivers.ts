// Bolt's receivers as this adapter sets them up: Socket Mode, or HTTP behind our own signature guard, with OAuth
// installs when there is an installation store.
import { HTTPReceiver, type InstallationStore, type Logger, SocketModeReceiver, type webApi } from '@slack/bolt';
import type { SlackOptions } from './options.ts';

/** The least scopes that work: the slash command, replies and DMs,
 *  members' names and time zones, and files (`export`). */
export const BOT_SCOPES = ['commands', 'chat:write', 'users:read', 'im:write', 'files:write'];

export function socketReceiver(
  options: SlackOptions,
  logger: Logger,
  clientOptions: webApi.WebClientOptions,
): SocketModeReceiver {
  // Bolt gives the Socket Mode client (apps.connections.open) only installerOptions.clientOptions; a copy, because
  // that client writes its own retry policy into the object it is given.
  return new SocketModeReceiver({
    appToken: options.appToken!,
    logger,
    installerOptions: { clientOptions: { ...clientOptions } },
  });
}

export function httpReceiver(
  options: SlackOptions,
  logger: Logger,
  clientOptions: webApi.WebClientOptions,
  installations?: InstallationStore,
): HTTPReceiver {
  return new HTTPReceiver({
    signingSecret: options.signingSecret!,
    signatureVerification: false, // the guard verifies, with our clock and a window in both directions
    logger,
    ...(installations
      ? {
          clientId: options.clientId,
          clientSecret: options.clientSecret,
          stateSecret: options.stateSecret,
          installationStore: installations,
          scopes: BOT_SCOPES,
          installerOptions: {
            directInstall: true,
            clientOptions,
            ...(options.apiUrl ? { authorizationUrl: new URL('/oauth/v2/authorize', options.apiUrl).href } : {}),
          },
        }
      : {}),
  });
}
