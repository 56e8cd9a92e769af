// A delivery's message, composed when it is sent (a late nudge shows the next topic as it is then): the member's
// nudge, or the channel's digest; nothing when the schedule was turned off, paused or snoozed since it was queued.
import type { Store } from '../../store/port.ts';
import type { Reply } from '../model/reply.ts';
import { buildDigest } from './digest.ts';
import { buildNudge } from './nudge.ts';

/** What compose needs of a delivery: its schedule and when it was due. */
export interface DueDelivery {
  scheduleId: number | null;
  dueAt: number;
}

export function createComposer(deps: { store: Store }) {
  const { store } = deps;
  return (d: DueDelivery, now: number): Promise<Reply | undefined> =>
    store.transaction(async (tx) => {
      const ctx = d.scheduleId ? await tx.schedules.context(d.scheduleId) : undefined;
      if (!ctx?.member) return undefined;
      const { schedule, workspace, member } = ctx;
      // Turned off, paused or snoozed since this delivery was queued: the member asked for quiet, so it does not go.
      if (schedule.nextDueAt === null || (schedule.pausedUntil ?? 0) > d.dueAt) return undefined;
      return schedule.kind === 'nudge'
        ? buildNudge(tx, member, workspace, now)
        : buildDigest({ store: tx, schedule, workspace, member, now });
    });
}
