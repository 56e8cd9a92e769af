// The local days boards break ties by are kept per workspace, in its zone (decision 032). Triggers count them as events
// land; these count a workspace's again when its zone changes, and at start for workspaces an upgrade left uncounted.
import type { Store, Tx } from '../../store/port.ts';
import { offsetSegments } from '../time/periods.ts';

/** A board looks back at most to last week's Monday or this month's 1st (38 days): a recount reaches this far, and
 *  every event after it is counted by the triggers. */
const LOOK_BACK_MS = 62 * 86_400_000;
/** The triggers read a zone's offsets from a table written once per zone: up to here. */
const OFFSETS_UNTIL = Date.UTC(2100, 0, 1);

export function recountLocalDays(
  tx: Pick<Tx, 'keptDays'>,
  workspaceId: number,
  zone: string,
  now: number,
): Promise<boolean> {
  return tx.keptDays.recount(workspaceId, zone, offsetSegments(zone, 0, OFFSETS_UNTIL), now - LOOK_BACK_MS);
}

/** Recounts every workspace whose days are stale, each in a transaction of its own; how many it recounted. */
export async function catchUpLocalDays(store: Store, now: number): Promise<number> {
  let recounted = 0;
  for (const w of await store.transaction((tx) => tx.keptDays.stale())) {
    const done = await store.transaction((tx) => recountLocalDays(tx, w.id, w.timeZone, now), { immediate: true });
    if (done) recounted++;
  }
  return recounted;
}
