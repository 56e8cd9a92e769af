// Drains the outbox: each platform's due rows are claimed as its lanes have room, sent through its adapter's outbound
// under the limits it declares, and their outcome recorded. Claims carry this process's owner id, kept alive by a
// heartbeat: a crashed sender's claims are taken back within seconds by any live one (see liveness.ts).
import { type Adapter, type Outbound, PermanentSendError } from '../adapters/adapter.ts';
import type { Clock } from '../clock.ts';
import type { CoreOutbound } from '../core/index.ts';
import type { Log } from '../log.ts';
import type { ClaimedDelivery, Recovered, Store } from '../store/port.ts';
import { createAttempt } from './attempt.ts';
import { feed } from './feed.ts';
import { createLanes } from './lanes.ts';
import { createLiveness, type LivenessOptions } from './liveness.ts';
import { createOpenAhead } from './open-ahead.ts';
import { createSentLog } from './sent-log.ts';
import { type Backoff, createSettle, type Settle } from './settle.ts';

export interface SenderDeps {
  store: Store;
  clock: Clock;
  log: Log;
  /** The running adapters: each one's outbound sends its platform's rows; one without gets its rows failed. */
  adapters: readonly Pick<Adapter, 'platform' | 'outbound'>[];
  /** The core's rules for a delivery: its message now, when it is too late, and what a refusal does to its schedule. */
  outbound: Pick<CoreOutbound, 'compose' | 'catchUpMs' | 'failedForGood'>;
  count?: (platform: string, outcome: string) => void;
  liveness?: LivenessOptions;
  /** A beat took back a dead sender's claims: they are due now. */
  onRecovered?: (recovered: Recovered) => void;
  backoff?: Backoff;
  /** Only this process sends (it holds the leader's lock): its start takes back every other owner's claims at once. */
  leader?: boolean;
}

export function createSender(deps: SenderDeps) {
  const { store, clock, log } = deps;
  const count = deps.count ?? (() => {});
  const outbounds = new Map(
    deps.adapters.flatMap((a): [string, Outbound][] => (a.outbound ? [[a.platform, a.outbound]] : [])),
  );
  const silent = deps.adapters.filter((a) => !a.outbound).map((a) => a.platform);
  const lanes = createLanes(new Map([...outbounds].map(([platform, o]) => [platform, o.limits])));
  const liveness = createLiveness({ ...deps.liveness, store, log, onRecovered: deps.onRecovered });
  const owner = liveness.id;
  const sentLog = createSentLog({ store, clock, log, owner, count });
  const backoff = deps.backoff ?? { baseMs: 30_000, capMs: 30 * 60_000, maxAttempts: 8 };
  const settle = createSettle({ store, clock, log, owner, count, failedForGood: deps.outbound.failedForGood, backoff });
  let stopped = false;
  const attempt = createAttempt({
    store,
    clock,
    log,
    owner,
    lanes,
    outbounds,
    outbound: deps.outbound,
    count,
    sentLog,
    settle,
    stopped: () => stopped,
  });

  return {
    owner,
    /** Beats every few seconds from now on, taking back dead senders' claims (the first beat: at once). */
    async start(): Promise<void> {
      liveness.start();
      await (deps.leader ? liveness.takeOver() : liveness.beat());
    },
    /** Sends everything due now; resolves with the number of rows claimed once each is settled. */
    async drain(): Promise<number> {
      await liveness.beat(); // alive before claiming, and what a dead sender held is due again
      let refused = 0;
      for (const platform of silent) refused += await refuseAll({ store, clock, owner, settle }, platform);
      const claimed = await Promise.all(
        [...outbounds.keys()].map((platform) =>
          feed({ store, clock, platform, limit: lanes.limit(platform), owner, stopped: () => stopped, send: attempt }),
        ),
      );
      await sentLog.flush(); // settled means written: callers read the outcomes next
      return claimed.reduce((a, b) => a + b, refused);
    },
    /** Opens DM channels ahead of the nudges that have none (open-ahead.ts); resolves with how many it opened. */
    openAhead: createOpenAhead({ store, clock, log, lanes, outbounds }),
    /** Stops starting sends; claims whose request has not started go back to pending at once (never interrupted). */
    async stop(): Promise<void> {
      stopped = true;
      lanes.stop();
      await sentLog.flush();
      try {
        await store.transaction((tx) => tx.deliveries.release(owner));
      } catch (error) {
        log.warn('scheduler: could not give back unsent claims; the next start takes them back', { err: error });
      }
    },
    /** After stop() and the sends in flight: leaves as an owner, so nobody waits for its heartbeat to run out.
     *  A request still running counts as interrupted. */
    async close(): Promise<void> {
      await sentLog.flush();
      try {
        const left = await liveness.retire();
        if (left.interrupted.length)
          log.warn('scheduler: stopped with sends in flight; they count as interrupted', {
            n: left.interrupted.length,
          });
      } catch (error) {
        log.warn('scheduler: could not leave the outbox cleanly; its claims go back when its heartbeat runs out', {
          err: error,
        });
      }
    },
  };
}

export type Sender = ReturnType<typeof createSender>;

/** A running adapter without an outbound can send nothing: its due rows fail at once, saying why, rather than wait
 *  for a sender that will never come (they count towards pausing the schedule, as any refusal does). */
async function refuseAll(
  deps: { store: Store; clock: Clock; owner: string; settle: Settle },
  platform: string,
): Promise<number> {
  const { store, clock, owner, settle } = deps;
  let refused = 0;
  for (
    let batch: ClaimedDelivery[];
    (batch = await store.transaction(
      (tx) => tx.deliveries.claim({ platform, owner, now: clock.now().getTime(), limit: 100 }),
      { immediate: true },
    )).length;
  ) {
    for (const d of batch)
      await settle(d, new PermanentSendError('no_outbound', `the ${platform} adapter does not send messages`));
    refused += batch.length;
  }
  return refused;
}
