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

/** What a send learned: the DM channel it opened (Slack), so later sends skip opening it again. */
export interface SendResult {
  channelId?: string;
}

export interface Adapter {
  readonly platform: string;
  start(handle: Handle): Promise<void>;
  /** channelId: a DM channel the adapter opened for a user target, for the caller to keep and send to next time. */
  send(target: SendTarget, reply: Reply, options?: SendOptions): Promise<SendResult | void>;
  /** Opens a member's DM channel ahead of the first nudge, for the caller to keep (where opening is rate-limited
   *  far below a fan-out, as Slack's is); sends to a kept channel then skip opening it. */
  openDirect?(target: SendTarget & { kind: 'user' }): Promise<string>;
  /** How many messages sent with this nonce the target's latest messages hold (a send cut off by a crash may have
   *  arrived); undefined when the platform cannot tell (e.g. a permission the app was not given). */
  findSent?(target: SendTarget, nonce: string): Promise<number | undefined>;
  stop(): Promise<void>;
  /** For /readyz and metrics: whether the platform connection is up (adapters without one leave it out). */
  connected?(): boolean;
}
