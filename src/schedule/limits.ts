// Per-platform send pacing: one p-queue per platform (a global cap per interval), a minimum gap per target channel,
// and a cool-down for the whole platform when it answers 429.
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
  const queue = new PQueue({ concurrency: limit.concurrency, interval: limit.intervalMs, intervalCap: limit.intervalCap, carryoverConcurrencyCount: true });
  const lastSent = new Map<string, number>();
  let coolTimer: NodeJS.Timeout | undefined;
  const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

  return {
    queue,
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
    /** The platform said 429: nothing more starts until it allows again. */
    coolDown(ms: number): void {
      queue.pause();
      clearTimeout(coolTimer);
      coolTimer = setTimeout(() => queue.start(), ms);
    },
    stop(): void {
      clearTimeout(coolTimer);
      queue.pause();
      queue.clear();
    },
  };
}

export type Pacer = ReturnType<typeof createPacer>;
