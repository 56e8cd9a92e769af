// Opens the DM channels of nudges that have none yet, soonest due first and a few per pass, and keeps them: a morning
// fan-out then posts straight to kept channels instead of opening thousands at once, on a platform whose opening is
// rate-limited far below a fan-out. Only platforms whose outbound can open one ahead (openDirect) take part.
import type { Outbound } from '../adapters/adapter.ts';
import type { Clock } from '../clock.ts';
import type { Log } from '../log.ts';
import type { Store } from '../store/port.ts';
import { classify } from './failure.ts';
import type { Lanes } from './lanes.ts';

// DM channels opened ahead per platform per pass (a pass a minute), where its outbound does not say.
const OPEN_AHEAD = 20;
const UNOPENABLE_MS = 60 * 60_000; // a channel that could not be opened is not tried again for this long

export function createOpenAhead(deps: {
  store: Store;
  clock: Clock;
  log: Log;
  lanes: Lanes;
  outbounds: ReadonlyMap<string, Outbound>;
}) {
  const { store, clock, log, lanes } = deps;
  const unopenable = new Map<number, number>(); // schedule id → when opening its DM channel failed

  /** Failures wait: a 429 ends the pass, anything else leaves that nudge to its first send (which reports it) for an
   *  hour. Resolves with how many it opened; false from a pacer means the sender stopped. */
  async function openFor(platform: string, outbound: Outbound, perPass: number, now: number): Promise<number | false> {
    let opened = 0;
    for (const s of await store.transaction((tx) =>
      tx.schedules.awaitingChannel(platform, perPass, [...unopenable.keys()]),
    )) {
      const pacer = lanes.pacer(platform, s.workspaceId);
      if (!(await pacer.take())) return false;
      try {
        await store.transaction(async (tx) =>
          tx.schedules.keepChannel(
            s.id,
            await outbound.openDirect!({ kind: 'user', workspaceId: s.workspaceId, id: s.userId }),
          ),
        );
        opened++;
      } catch (error) {
        const failure = classify(error, platform);
        // A platform may limit each method apart: a limited open ends this pass, and must not hold up sends.
        if (failure.kind === 'rate_limited') break;
        unopenable.set(s.id, now);
        log.info('scheduler: could not open a DM channel ahead; the first nudge will try', {
          scheduleId: s.id,
          reason: failure.reason,
        });
      } finally {
        pacer.done();
      }
    }
    return opened;
  }

  /** perPass: at most this many per platform (default: what its outbound says). Resolves with how many it opened. */
  return async function openAhead(perPass?: number): Promise<number> {
    let opened = 0;
    const now = clock.now().getTime();
    for (const [id, at] of unopenable) if (now - at > UNOPENABLE_MS) unopenable.delete(id);
    for (const [platform, outbound] of deps.outbounds) {
      if (!outbound.openDirect) continue;
      const n = await openFor(platform, outbound, perPass ?? outbound.opensPerMinute ?? OPEN_AHEAD, now);
      if (n === false) break;
      opened += n;
    }
    return opened;
  };
}
