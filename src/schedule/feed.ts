// Feeds one platform's sends: rows stay pending until a lane has room for their request, then are claimed — never more
// than the lanes can have in flight, so a crash leaves nothing that merely waited in doubt.
import type { SendLimits } from '../adapters/adapter.ts';
import type { Clock } from '../clock.ts';
import type { ClaimedDelivery, Store } from '../store/port.ts';

export interface FeedDeps {
  store: Store;
  clock: Clock;
  platform: string;
  limit: SendLimits;
  owner: string;
  stopped: () => boolean;
  /** Sends one claimed row and settles it; never rejects. */
  send: (d: ClaimedDelivery) => Promise<void>;
}

/** Resolves with the number of rows claimed, once nothing is due and every send it started has settled. */
export async function feed(deps: FeedDeps): Promise<number> {
  const { store, clock, platform, limit, owner } = deps;
  const running = new Set<Promise<void>>();
  const busy = new Map<string, number>(); // workspace → requests in flight (per-workspace lanes)
  let workspaces: string[] = []; // with rows due, as last read; each leaves when its claim comes back empty
  let reread = false; // the list was read since the last send finished: reading it again would find the same
  let claimed = 0;
  let freed: (() => void) | undefined; // wakes the loop when a send settles (one waiter, not a race over all sends)

  async function claimSome(): Promise<ClaimedDelivery[]> {
    const now = clock.now().getTime();
    if (!limit.perWorkspace) {
      // A claim is a commit: taken a quarter of the lane's slots at a time, its cost is shared (lanes of one
      // slot claim one row a time, at a rate far below what that costs).
      const room = limit.inFlight - running.size;
      return room >= Math.ceil(limit.inFlight / 4)
        ? await store.transaction((tx) => tx.deliveries.claim({ platform, owner, now, limit: room }), {
            immediate: true,
          })
        : [];
    }
    if (running.size >= limit.perWorkspace.lanesAtOnce) return [];
    for (;;) {
      if (!workspaces.length) {
        if (reread) return [];
        workspaces = await store.transaction((tx) => tx.deliveries.dueWorkspaces(platform, now));
        reread = true;
      }
      for (const w of [...workspaces]) {
        const room = limit.inFlight - (busy.get(w) ?? 0);
        if (room <= 0) continue;
        const batch = await store.transaction(
          (tx) => tx.deliveries.claim({ platform, workspace: w, owner, now, limit: room }),
          { immediate: true },
        );
        workspaces = workspaces.filter((x) => x !== w);
        if (batch.length) {
          workspaces.push(w); // to the back: workspaces take turns
          return batch;
        }
      }
      if (workspaces.length) return []; // all busy: wait for a send to finish
    }
  }

  function start(d: ClaimedDelivery): void {
    const w = d.target.workspaceId;
    busy.set(w, (busy.get(w) ?? 0) + 1);
    const sending: Promise<void> = deps.send(d).finally(() => {
      running.delete(sending);
      busy.set(w, busy.get(w)! - 1);
      freed?.();
    });
    running.add(sending);
  }

  while (!deps.stopped()) {
    const batch = await claimSome();
    claimed += batch.length;
    for (const d of batch) start(d);
    if (batch.length) continue;
    if (!running.size) break;
    await new Promise<void>((resolve) => (freed = resolve));
    freed = undefined;
    reread = false;
  }
  await Promise.all(running);
  return claimed;
}
