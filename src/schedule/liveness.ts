// This process as an outbox owner: a random id its claims carry and a heartbeat in the store. On every beat it also
// takes back the claims of owners that stopped beating (killed, or their machine gone), so a crash is recovered by
// the next beat of any live sender — seconds, not a lease — and by a restarted process as soon as it starts.
import { randomUUID } from 'node:crypto';
import { type Clock, systemClock } from '../clock.ts';
import type { Log } from '../log.ts';
import type { Recovered, Store } from '../store/port.ts';

export interface LivenessOptions {
  clock?: Clock; // wall time shared by every process on the database (not the scheduler's clock, which tests fix)
  beatMs?: number;
  deadAfterMs?: number; // three missed beats: an event loop busy for seconds is not taken for dead
}

export const BEAT_MS = 5_000;
export const DEAD_AFTER_MS = 15_000;

export function createLiveness(
  deps: LivenessOptions & { store: Store; log: Log; onRecovered?: (r: Recovered) => void },
) {
  const { store, log } = deps;
  const clock = deps.clock ?? systemClock;
  const deadAfterMs = deps.deadAfterMs ?? DEAD_AFTER_MS;
  const id = randomUUID();
  let timer: NodeJS.Timeout | undefined;

  /** Beats, then takes back dead owners' claims; `everyoneElse`: every other owner's, however recent its beat. */
  async function beat(everyoneElse = false): Promise<Recovered> {
    const now = clock.now().getTime();
    await store.transaction((tx) => tx.outboxOwners.beat(id, now));
    const deadline = everyoneElse ? Number.MAX_SAFE_INTEGER : now - deadAfterMs;
    const recovered = await store.transaction((tx) => tx.outboxOwners.recoverDead(id, deadline), {
      immediate: true,
    });
    if (recovered.released || recovered.interrupted.length) {
      log.warn('scheduler: took back the claims of a sender that stopped', {
        released: recovered.released,
        interrupted: recovered.interrupted.length,
      });
      deps.onRecovered?.(recovered);
    }
    return recovered;
  }

  return {
    id,
    beat: () => beat(),
    /** The first beat of a replica elected leader: only the leader sends, so whatever another owner holds was left by
     *  a leader that is gone (or stopping at once); it comes back now, not once a heartbeat runs out. */
    takeOver: () => beat(true),
    start(): void {
      timer ??= setInterval(() => {
        beat().catch((error: unknown) => {
          // the next beat tries again, well before the deadline
          log.error('scheduler: heartbeat failed', { err: error });
        });
      }, deps.beatMs ?? BEAT_MS);
      timer.unref();
    },
    /** Stops beating and leaves: claims still held go back at once (started requests as interrupted). */
    async retire(): Promise<Recovered> {
      clearInterval(timer);
      timer = undefined;
      return await store.transaction((tx) => tx.outboxOwners.retire(id), { immediate: true });
    },
  };
}

export type Liveness = ReturnType<typeof createLiveness>;
