// Signed Slack requests for tests and the benchmark: slash commands, button clicks and Events API callbacks.

import { sign } from '../../../src/adapters/slack/guard.ts';
import type { Clock } from '../../../src/clock.ts';

export const SIGNING_SECRET = 'test-signing-secret';
const FORM = 'application/x-www-form-urlencoded';

export interface PostOptions {
  timestamp?: number;
  signature?: string;
  headers?: Record<string, string>;
}

export function slashBody(text: string, responseUrl: string, user = 'U1'): string {
  return new URLSearchParams({
    token: 'legacy',
    team_id: 'T1',
    team_domain: 'acme',
    channel_id: 'C1',
    channel_name: 'general',
    user_id: user,
    user_name: 'alice',
    command: '/roadmap',
    text,
    api_app_id: 'A1',
    response_url: responseUrl,
    trigger_id: '1.2.3',
  }).toString();
}

export function actionBody(value: string, responseUrl: string, view?: 'home'): string {
  const payload = {
    type: 'block_actions',
    team: { id: 'T1', domain: 'acme' },
    user: { id: 'U1', username: 'alice', name: 'alice', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy',
    trigger_id: '1.2.3',
    ...(view
      ? { view: { id: 'V1', type: 'home' }, container: { type: 'view', view_id: 'V1' } }
      : {
          container: { type: 'message', message_ts: '1.2', channel_id: 'C1', is_ephemeral: true },
          channel: { id: 'C1', name: 'general' },
          response_url: responseUrl,
        }),
    actions: [
      {
        type: 'button',
        action_id: 'cmd:1',
        block_id: 'b1',
        value,
        text: { type: 'plain_text', text: 'Done' },
        action_ts: '1.3',
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function eventBody(event: Record<string, unknown>, team = 'T1', eventId = 'Ev1'): string {
  return JSON.stringify({
    token: 'legacy',
    team_id: team,
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: eventId,
    event_time: 1,
    event: { event_ts: '1.1', ...event },
    authorizations: [
      { team_id: team, user_id: 'UBOT', is_bot: true, enterprise_id: null, is_enterprise_install: false },
    ],
  });
}

export function createSigner(base: string, clock: Clock) {
  const post = async (body: string, type: string, o: PostOptions = {}) => {
    const timestamp = o.timestamp ?? Math.floor(clock.now().getTime() / 1000);
    return fetch(`${base}/slack/events`, {
      method: 'POST',
      body,
      headers: {
        'content-type': type,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': o.signature ?? sign(SIGNING_SECRET, timestamp, body),
        ...o.headers,
      },
    });
  };
  return {
    postForm: (body: string, o?: PostOptions) => post(body, FORM, o),
    postJson: (body: string, o?: PostOptions) => post(body, 'application/json', o),
  };
}
