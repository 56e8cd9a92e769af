// The one contract every platform adapter keeps. Adapters translate; they hold no business rules.
import type { Invocation } from '../core/invocation.ts';
import type { Reply } from '../core/reply.ts';

export type Handle = (invocation: Invocation) => Promise<Reply>;

/** Where an outbound message goes: a member's direct messages or a channel, in one workspace. */
export interface SendTarget {
  kind: 'user' | 'channel';
  workspaceId: string; // the platform's workspace id (Slack team, Discord guild, "local")
  id: string; // the platform's user or channel id
}

/** nonce: the outbox's key for this message; a platform that can deduplicate by it (Discord) posts it only once. */
export interface SendOptions {
  nonce?: string;
}

export interface Adapter {
  readonly platform: string;
  start(handle: Handle): Promise<void>;
  send(target: SendTarget, reply: Reply, options?: SendOptions): Promise<void>;
  stop(): Promise<void>;
  /** For /readyz and metrics: whether the platform connection is up (adapters without one leave it out). */
  connected?(): boolean;
}
