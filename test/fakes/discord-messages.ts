// What the fake Discord REST API creates and answers with: messages (once per nonce within a window, as
// enforce_nonce asks), users, snowflakes, and the 429 Discord sends when rate limited.
import { performance } from 'node:perf_hooks';
import type { Fault } from './discord-rest.ts';

export const SNOWFLAKE = () =>
  String((BigInt(Date.now() - 1420070400000) << 22n) | BigInt(Math.floor(Math.random() * 4096)));

/** A message the fake created. */
export interface CreatedMessage {
  id: string;
  channelId: string;
  nonce?: string;
  at: number;
}

export function createMessages(nonceWindowMs: number) {
  const created: CreatedMessage[] = [];
  const byNonce = new Map<string, { message: ReturnType<typeof message>; at: number }>();
  return {
    created,
    /** With enforce_nonce, a nonce this bot used within the window answers with that message and creates none. */
    create(channelId: string, body: any) {
      // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON as received
      const at = performance.now();
      const nonce = body?.nonce === undefined || body?.nonce === null ? undefined : String(body.nonce);
      const earlier = nonce !== undefined && body.enforce_nonce ? byNonce.get(nonce) : undefined;
      if (earlier && at - earlier.at <= nonceWindowMs) return earlier.message;
      const m = message(channelId, body);
      created.push({ id: m.id, channelId, nonce, at });
      if (nonce !== undefined) byNonce.set(nonce, { message: m, at });
      return m;
    },
  };
}

export function rateLimitFault(match: RegExp, seconds: number): Fault {
  return {
    match,
    status: 429,
    body: { message: 'You are being rate limited.', retry_after: seconds, global: false },
    headers: {
      'Retry-After': String(seconds),
      'X-RateLimit-Limit': '5',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset-After': String(seconds),
      'X-RateLimit-Bucket': 'fake-bucket',
      'X-RateLimit-Scope': 'user',
    },
  };
}

export function user(id: string) {
  return { id, username: `user${id}`, discriminator: '0', global_name: null, avatar: null };
}

export function message(channelId: string, body: any) {
  // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON as received
  return {
    id: SNOWFLAKE(),
    channel_id: channelId,
    type: 0,
    content: body?.content ?? '',
    author: { ...user('100'), bot: true },
    embeds: body?.embeds ?? [],
    components: body?.components ?? [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: body?.flags ?? 0,
  };
}
