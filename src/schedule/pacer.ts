// Send pacing per lane (a platform, or one of its workspaces where the platform limits per workspace), by the
// limits its adapter declares: a token bucket, a minimum gap per target channel, and a cool-down when the platform
// answers 429.
import type { SendLimits } from '../adapters/adapter.ts';

export function createPacer(limit: SendLimits) {
  // A bucket that refills continuously, not fixed windows: those idle out the end of each window whenever a send is
  // slow, and reach well under the allowed rate.
  const perMs = limit.perSecond / 1000;
  // Starts with one token, not a full bucket: a sender starts when its process does or when its replica takes the lead,
  // and the platform's bucket may then still hold the last sender's sends (a leader killed a second after it took over
  // had just spent its own burst). The first send goes at once; the rest are paced, and the bucket fills within a
  // second of quiet as the platform's does.
  let tokens = Math.min(1, limit.burst);
  let refilled = performance.now();
  let coolUntil = 0;
  let stopped = false;
  let inFlight = 0; // taken and not yet done: spent here, but not yet counted by the platform
  let turn: Promise<unknown> = Promise.resolve(); // tokens go out first come, first served: one waiter at a time
  const lastSent = new Map<string, number>();
  const sleeping = new Map<NodeJS.Timeout, () => void>(); // woken by stop(): a cool-down must not hold up a shutdown
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        sleeping.delete(timer);
        resolve();
      }, ms);
      sleeping.set(timer, resolve);
    });

  async function acquire(): Promise<boolean> {
    for (;;) {
      if (stopped) return false;
      const now = performance.now();
      // The platform's bucket holds ours plus the requests still on their way: ours must stop refilling where its
      // would, or it outgrows the platform's while sends are in flight and the surplus comes back as 429s.
      tokens = Math.min(limit.burst - inFlight, tokens + (now - refilled) * perMs);
      refilled = now;
      if (coolUntil > now) await wait(coolUntil - now);
      else if (tokens >= 1) {
        tokens -= 1;
        inFlight++;
        return true;
      } else await wait((1 - tokens) / perMs); // a late timer costs nothing: the bucket counts the time that passed
    }
  }

  return {
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
      if (lastSent.size > 50_000) {
        // forget old entries: only the last second matters
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
      for (const [timer, wake] of sleeping) {
        clearTimeout(timer);
        wake();
      }
      sleeping.clear();
    },
  };
}

export type Pacer = ReturnType<typeof createPacer>;
