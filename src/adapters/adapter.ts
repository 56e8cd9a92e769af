// The one contract every platform adapter keeps, both ways: events in (start(handle)), messages out (outbound) with
// the platform's own limits and errors. Adapters translate; they hold no business rules.
import type { Invocation } from '../core/model/invocation.ts';
import type { Reply } from '../core/model/reply.ts';

export type Handle = (invocation: Invocation) => Promise<Reply>;

/** Whether an inbound event, by a key built from the platform's own id, is taken now for the first time by any
 *  replica. False: a repeated delivery (a Slack retry, a replayed Discord interaction) that must not run again. The
 *  app keeps the keys in the store, so every replica agrees; an adapter keeps none in memory. */
export type FirstSeen = (key: string) => Promise<boolean>;

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

/**
 * How fast a platform takes messages. The scheduler paces each lane by these: the platform, or one of its workspaces
 * where the platform limits each workspace apart (perWorkspace).
 */
export interface SendLimits {
  perSecond: number; // requests a lane makes per second, sustained
  burst: number; // requests it may make at once after a quiet spell: the platform's bucket
  perTargetMs: number; // minimum gap between two sends to one channel or DM (0: none)
  inFlight: number; // requests at once in a lane: what a crash can leave in doubt
  perWorkspace?: { lanesAtOnce: number }; // one lane per workspace, this many sending at once; else one lane
}

/** A platform's outbound side: nudges and digests go through it, paced by its limits. */
export interface Outbound {
  /** channelId: a DM channel it opened for a user target, for the caller to keep and send to next time. Throws
   *  PermanentSendError when the platform will never take the message, RetryAfterError when it says to wait;
   *  anything else it throws is taken as transient and retried later. */
  // biome-ignore lint/suspicious/noConfusingVoidType: most sends learn nothing, and say so by returning nothing
  send(target: SendTarget, reply: Reply, options?: SendOptions): Promise<SendResult | void>;
  /** Opens a member's DM channel ahead of the first nudge, for the caller to keep (where opening is rate-limited
   *  far below a fan-out, as Slack's is); sends to a kept channel then skip opening it. */
  openDirect?(target: SendTarget & { kind: 'user' }): Promise<string>;
  /** How many DM channels openDirect may open ahead per minute, leaving room for sends and members' commands. */
  readonly opensPerMinute?: number;
  /** How many messages sent with this nonce the target's latest messages hold (a send cut off by a crash may have
   *  arrived); undefined when the platform cannot tell (e.g. a permission the app was not given). */
  findSent?(target: SendTarget, nonce: string): Promise<number | undefined>;
  readonly limits: SendLimits;
  /** How long the platform posts a message sent again with the same nonce only once (Discord's enforce_nonce).
   *  Absent: it does not deduplicate, so a resend after a crash may post twice (findSent may tell). */
  readonly nonceWindowMs?: number;
}

/** The platform will never take this message (DMs closed, channel gone, app uninstalled): retrying cannot help.
 *  code: the platform's own (a number is labelled with the platform's name in metrics, a string stands alone). */
export class PermanentSendError extends Error {
  constructor(
    readonly code: string | number,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`refused for good: ${reason} (code ${code})`, options);
    this.name = 'PermanentSendError';
  }
}

/** The platform said to wait (HTTP 429): try again after retryAfterMs, and slow the lane down until then. */
export class RetryAfterError extends Error {
  constructor(
    readonly retryAfterMs: number,
    options?: { cause?: unknown },
  ) {
    super(`rate limited: retry after ${retryAfterMs} ms`, options);
    this.name = 'RetryAfterError';
  }
}

export interface Adapter {
  readonly platform: string;
  start(handle: Handle): Promise<void>;
  stop(): Promise<void>;
  /** For /readyz and metrics: whether the platform connection is up (adapters without one leave it out). */
  connected?(): boolean;
  /** Nudges and digests. An adapter without it is given none: its deliveries fail, saying why. */
  readonly outbound?: Outbound;
}
