// Drains the outbox: claims due deliveries with a lease, sends each through its platform's adapter under that
// platform's limits, and records the outcome. Retries transient failures with capped exponential backoff.
import type { Adapter } from '../adapters/adapter.ts';
import type { Clock } from '../clock.ts';
import { FAILURES_BEFORE_PAUSE } from '../core/commands/remind.ts';
import type { Reply } from '../core/reply.ts';
import type { Log } from '../log.ts';
import type { ClaimedDelivery, Store } from '../store/index.ts';
import { classify } from './failure.ts';
import { createPacer, DEFAULT_LIMITS, type Limit, type Pacer } from './limits.ts';
import { createSentLog } from './sent-log.ts';

// Platforms that deduplicate by nonce: an interrupted send is simply sent again. Elsewhere it is a possible duplicate.
const IDEMPOTENT = new Set(['discord']);
const CLAIM = 200; // deliveries per claim
// DM channels opened ahead per platform per pass (a pass a minute): Slack allows conversations.open about 50 times a
// minute, and sends and members' own commands need some of that too.
const OPEN_AHEAD = 20;
const UNOPENABLE_MS = 60 * 60_000; // a channel that could not be opened is not tried again for this long

export interface SenderDeps {
  store: Store;
  clock: Clock;
  log: Log;
  adapters: readonly Pick<Adapter, 'platform' | 'send' | 'openDirect'>[];
  /** The message for a delivery, composed now; undefined when it should no longer go (schedule off or snoozed). */
  compose: (delivery: ClaimedDelivery, now: number) => Reply | undefined;
  count?: (platform: string, outcome: string) => void;
  limits?: Record<string, Partial<Limit>>;
  leaseMs?: number; // a claim older than this is taken for a dead sender's
  backoff?: { baseMs: number; capMs: number; maxAttempts: number };
}

export function createSender(deps: SenderDeps) {
  const { store, clock, log } = deps;
  const leaseMs = deps.leaseMs ?? 5 * 60_000;
  const backoff = deps.backoff ?? { baseMs: 30_000, capMs: 30 * 60_000, maxAttempts: 8 };
  const count = deps.count ?? (() => {});
  const adapters = new Map(deps.adapters.map((a) => [a.platform, a]));
  const pacers = new Map<string, Pacer>([...adapters.keys()].map((p) => [p, createPacer({ ...(DEFAULT_LIMITS[p] ?? DEFAULT_LIMITS.terminal!), ...deps.limits?.[p] })]));
  const sentLog = createSentLog({ store, clock, log, count });
  const waiting = new Set<number>(); // claimed, not yet started: given back on stop
  const unopenable = new Map<number, number>(); // schedule id → when opening its DM channel failed
  let stopped = false;

  async function sendOne(d: ClaimedDelivery, pacer: Pacer): Promise<void> {
    // The rate is waited out first, while the claim is still in `waiting`: a stop meanwhile gives it back unsent.
    if (!(await pacer.take())) return;
    try {
      await attempt(d, pacer);
    } finally {
      pacer.done();
    }
  }

  async function attempt(d: ClaimedDelivery, pacer: Pacer): Promise<void> {
    waiting.delete(d.id);
    if (d.interrupted && !IDEMPOTENT.has(d.platform)) {
      // No idempotency key here: resend once, flagged; a second interruption is not resent at all.
      if (d.possibleDuplicate) {
        store.deliveries.failed(d.id, 'interrupted twice while sending; not sent again to avoid a duplicate');
        return count(d.platform, 'failed_interrupted');
      }
      store.deliveries.markPossibleDuplicate(d.id);
      count(d.platform, 'possible_duplicate');
    }
    const now = clock.now().getTime();
    let reply: Reply | undefined;
    try {
      reply = deps.compose(d, now);
    } catch (error) {
      log.error('scheduler: could not compose a message', { err: error, key: d.key });
      store.deliveries.failed(d.id, 'could not compose the message');
      return count(d.platform, 'failed_compose');
    }
    if (!reply) {
      store.deliveries.skipped(d.id, 'schedule turned off or snoozed');
      return count(d.platform, 'skipped_off');
    }
    await pacer.spaced(`${d.target.workspaceId}:${d.target.id}`);
    try {
      const result = await adapters.get(d.platform)!.send(d.target, reply, { nonce: d.nonce });
      const keepChannel = d.target.kind === 'user' && result?.channelId ? result.channelId : undefined; // a DM it opened
      sentLog.add({ id: d.id, scheduleId: d.scheduleId, platform: d.platform, ...(keepChannel ? { keepChannel } : {}) });
    } catch (error) {
      settleFailure(d, pacer, error);
    }
  }

  function settleFailure(d: ClaimedDelivery, pacer: Pacer, error: unknown): void {
    const failure = classify(error);
    const now = clock.now().getTime();
    if (failure.kind === 'permanent') {
      store.transaction(() => {
        store.deliveries.failed(d.id, failure.reason);
        // A kept DM channel refused for good (closed, archived) is forgotten: the next nudge opens a fresh one.
        if (d.scheduleId && d.target.kind === 'user') store.schedules.forgetChannel(d.scheduleId, d.target.id);
        if (d.scheduleId && store.schedules.failed(d.scheduleId, failure.reason, FAILURES_BEFORE_PAUSE)) {
          log.warn('scheduler: schedule paused after repeated permanent failures', { scheduleId: d.scheduleId, reason: failure.reason });
        }
      });
      return count(d.platform, `failed_${failure.code}`);
    }
    if (failure.kind === 'rate_limited') {
      pacer.coolDown(failure.retryAfterMs);
      store.deliveries.retry(d.id, now + failure.retryAfterMs, 'rate limited');
      return count(d.platform, 'retried');
    }
    if (d.attempts >= backoff.maxAttempts) {
      store.deliveries.failed(d.id, `gave up after ${d.attempts} attempts: ${failure.reason}`);
      return count(d.platform, 'failed_gave_up');
    }
    const delay = Math.min(backoff.capMs, backoff.baseMs * 2 ** (d.attempts - 1));
    store.deliveries.retry(d.id, now + delay, failure.reason);
    log.warn('scheduler: send failed, will retry', { key: d.key, attempt: d.attempts, reason: failure.reason, inMs: delay });
    count(d.platform, 'retried');
  }

  return {
    /** Sends everything due now; resolves when each claimed delivery is settled (sent, failed, or set to retry). */
    async drain(): Promise<number> {
      let claimed = 0;
      const platforms = [...adapters.keys()];
      for (let round = 0; round < 100_000 && !stopped; round++) {
        const inQueues = [...pacers.values()].reduce((n, p) => n + p.queue.size + p.queue.pending, 0);
        // Keep claims small and few ahead of the sends: leases stay far from running out, memory stays flat, and
        // one claim (a write transaction plus parsing) is a short pause for the event loop.
        if (inQueues > 4 * CLAIM) {
          await Promise.race([...pacers.values()].map((p) => p.queue.onSizeLessThan(2 * CLAIM)));
          continue;
        }
        const batch = store.deliveries.claim(platforms, clock.now().getTime(), leaseMs, CLAIM);
        if (batch.length === 0) break;
        claimed += batch.length;
        for (const d of batch) {
          const pacer = pacers.get(d.platform)!;
          waiting.add(d.id);
          void pacer.queue.add(() => sendOne(d, pacer)).catch((error: unknown) => {
            // stop() clears the queues, and p-queue rejects each task it removes with an AbortError: that claim was
            // never started and stop() gives it back, so it did not crash.
            if (stopped && error instanceof DOMException && error.name === 'AbortError') return;
            log.error('scheduler: send crashed', { err: error, key: d.key });
          });
        }
      }
      await Promise.all([...pacers.values()].map((p) => p.queue.onIdle()));
      sentLog.flush(); // settled means written: callers read the outcomes next
      return claimed;
    },
    /**
     * Opens the DM channels of nudges that have none yet, soonest due first and a few per pass, and keeps them. A
     * morning fan-out then posts straight to kept channels instead of opening thousands at once. Failures wait:
     * a 429 ends the pass, anything else leaves that nudge to its first send (which reports it) for an hour.
     */
    async openAhead(perPass = OPEN_AHEAD): Promise<number> {
      let opened = 0;
      const now = clock.now().getTime();
      for (const [id, at] of unopenable) if (now - at > UNOPENABLE_MS) unopenable.delete(id);
      for (const adapter of deps.adapters) {
        if (!adapter.openDirect) continue;
        const pacer = pacers.get(adapter.platform)!;
        for (const s of store.schedules.awaitingChannel(adapter.platform, perPass, [...unopenable.keys()])) {
          if (!(await pacer.take())) return opened;
          try {
            store.schedules.keepChannel(s.id, await adapter.openDirect({ kind: 'user', workspaceId: s.workspaceId, id: s.userId }));
            opened++;
          } catch (error) {
            const failure = classify(error);
            // Slack limits each method apart: a limited conversations.open ends this pass, and must not hold up sends.
            if (failure.kind === 'rate_limited') break;
            unopenable.set(s.id, now);
            log.info('scheduler: could not open a DM channel ahead; the first nudge will try', { scheduleId: s.id, reason: failure.reason });
          } finally {
            pacer.done();
          }
        }
      }
      return opened;
    },
    /** Stops starting sends; claims not yet started go back to pending (they were never attempted). */
    stop(): void {
      stopped = true;
      for (const p of pacers.values()) p.stop();
      sentLog.flush();
      try {
        if (waiting.size) store.deliveries.release([...waiting], clock.now().getTime());
      } catch (error) {
        log.warn('scheduler: could not give back unsent claims; their leases will run out instead', { err: error });
      }
      waiting.clear();
    },
  };
}

export type Sender = ReturnType<typeof createSender>;
