// Per-platform send pacing: a token bucket per platform (a global rate), a p-queue for requests in flight, a minimum
// gap per target channel, and a cool-down for the whole platform when it answers 429.
import PQueue from 'p-queue';

export interface Limit {
  intervalMs: number;
  intervalCap: number; // sends per interval, across the platform
  perTargetMs: number; // minimum gap between two sends to one channel or DM (0: none)
  concurrency: number; // requests in flight at once
}

// Slack: chat.postMessage allows about 1 message per second per channel, and bursts across channels within a
// workspace are limited too; Discord: 50 requests per second globally (a DM costs two: open + post).
export const DEFAULT_LIMITS: Record<string, Limit> = {
  slack: { intervalMs: 1000, intervalCap: 20, perTargetMs: 1000, concurrency: 10 },
  discord: { intervalMs: 1000, intervalCap: 25, perTargetMs: 0, concurrency: 10 },
  terminal: { intervalMs: 1000, intervalCap: 100, perTargetMs: 0, concurrency: 1 },
};

export function createPacer(limit: Limit) {
  // No interval here: p-queue's fixed windows idle out the end of each window whenever a send is slow, so they reach
  // well under the allowed rate; the bucket below refills continuously and never loses the time a send took.
  const queue = new PQueue({ concurrency: limit.concurrency });
  const perMs = limit.intervalCap / limit.intervalMs;
  let tokens = limit.intervalCap; // starts full, as the platform's own bucket does after a quiet spell
  let refilled = performance.now();
  let coolUntil = 0;
  let stopped = false;
  let inFlight = 0; // taken and not yet done: spent here, but not yet counted by the platform
  let turn: Promise<unknown> = Promise.resolve(); // tokens go out first come, first served: one waiter at a time
  const lastSent = new Map<string, number>();
  const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

  async function acquire(): Promise<boolean> {
    for (;;) {
      if (stopped) return false;
      const now = performance.now();
      // The platform's bucket holds ours plus the requests still on their way: ours must stop refilling where its
      // would, or it outgrows the platform's while sends are in flight and the surplus comes back as 429s.
      tokens = Math.min(limit.intervalCap - inFlight, tokens + (now - refilled) * perMs);
      refilled = now;
      if (coolUntil > now) await wait(coolUntil - now);
      else if (tokens >= 1) { tokens -= 1; inFlight++; return true; }
      else await wait((1 - tokens) / perMs); // a late timer costs nothing: the bucket counts the time that passed
    }
  }

  return {
    queue,
    /** Waits for the platform's rate to allow one more request; false once stopped (the send must not start).
     *  Each true must be followed by one done(). */
    take(): Promise<boolean> {
      const mine = turn.then(acquire);
      turn = mine;
      return mine;
    },
    /** The request a take() allowed has ended (sent, refused, or never made). */
    done(): void {
      inFlight--;
    },
    /** Waits until `target` may get another message, then notes the send. */
    async spaced(target: string): Promise<void> {
      if (!limit.perTargetMs) return;
      const gap = (lastSent.get(target) ?? -Infinity) + limit.perTargetMs - performance.now();
      if (gap > 0) await wait(gap);
      lastSent.set(target, performance.now());
      if (lastSent.size > 50_000) { // forget old entries: only the last second matters
        const horizon = performance.now() - limit.perTargetMs;
        for (const [k, at] of lastSent) if (at < horizon) lastSent.delete(k);
      }
    },
    /** The platform said 429: nothing more starts until it allows again, and then no burst (its bucket is empty). */
    coolDown(ms: number): void {
      coolUntil = Math.max(coolUntil, performance.now() + ms);
      tokens = 0;
    },
    stop(): void {
      stopped = true;
      queue.pause();
      queue.clear(); // the tasks it removes reject with an AbortError (p-queue 10; before, they never settled)
    },
  };
}

export type Pacer = ReturnType<typeof createPacer>;
