// One Web API client per bot token, made with the retry policy its caller needs. Bolt's own listener client retries
// for about half an hour, which suits none of our calls: either someone is waiting for the answer, or the outbox
// owns retrying.
import { type Logger, webApi } from '@slack/bolt';

export function webClients(options: webApi.WebClientOptions): (token: string) => webApi.WebClient {
  const clients = new Map<string, webApi.WebClient>();
  return (token) => {
    let client = clients.get(token);
    if (!client) clients.set(token, (client = new webApi.WebClient(token, options)));
    return client;
  };
}

/** The Web API base override, as client options. */
export const apiBase = (apiUrl: string | undefined): webApi.WebClientOptions => (apiUrl ? { slackApiUrl: apiUrl } : {});

/** For calls someone is waiting on (users.info, views.publish): no retries, a short timeout, 429s fail at once. */
export const quickClients = (apiUrl: string | undefined, logger?: Logger) =>
  webClients({
    ...apiBase(apiUrl),
    ...(logger ? { logger } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 2000,
  });
