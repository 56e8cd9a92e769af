// A delivery's message, composed when it is sent: the core's nudge for a member, or its digest for a channel.
import type { Command } from '../core/commands/command.ts';
import { buildDigest } from '../core/digest-post.ts';
import { buildNudge } from '../core/nudge.ts';
import type { Reply } from '../core/reply.ts';
import type { ClaimedDelivery, Store } from '../store/index.ts';

export function createComposer(deps: { store: Store; commands: readonly Command[] }) {
  const { store, commands } = deps;
  return (d: ClaimedDelivery, now: number): Reply | undefined => {
    const ctx = d.scheduleId ? store.schedules.context(d.scheduleId) : undefined;
    if (!ctx?.member) return undefined;
    const { schedule, workspace, member } = ctx;
    // Turned off, paused or snoozed since this delivery was queued: the member asked for quiet, so it does not go.
    if (schedule.nextDueAt === null || (schedule.pausedUntil ?? 0) > d.dueAt) return undefined;
    return schedule.kind === 'nudge'
      ? buildNudge(store, member, workspace, now)
      : buildDigest({ store, commands, schedule, workspace, member, now });
  };
}
