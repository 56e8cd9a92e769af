// The core's rules around a member's schedule: keep their time zone one this runtime can use (learnt from the platform
// when we have none); pause a nudge whose deliveries keep failing for good; and tell the member once that it paused.
import type { CommandStore, MemberRow, Tx } from '../../store/port.ts';
import { type Reply, text } from '../model/reply.ts';
import { canonicalZone } from '../time/time-zones.ts';

/**
 * The member's zone, checked: a zone this runtime cannot use (a platform's "Mars/Olympus", or one stored before
 * zones were checked) is dropped, and a missing one is learnt from the platform when that one is valid.
 */
export async function adoptZone(
  store: CommandStore,
  member: MemberRow,
  platformZone: string | undefined,
): Promise<MemberRow> {
  const own = canonicalZone(member.timeZone);
  const zone = own ?? canonicalZone(platformZone) ?? null;
  if (zone === member.timeZone) return member;
  await store.members.updateSettings(member.id, { timeZone: zone });
  return { ...member, timeZone: zone };
}

/** Deliveries of a schedule that fail for good in a row before it pauses (a closed DM would fail every day). */
export const FAILURES_BEFORE_PAUSE = 3;

/** A delivery of this schedule failed for good (the scheduler's report); true when that paused the schedule. */
export function failedForGood(store: Tx, scheduleId: number, reason: string): Promise<boolean> {
  return store.schedules.failed(scheduleId, reason, FAILURES_BEFORE_PAUSE);
}

export async function withPausedNotice(store: CommandStore, member: MemberRow, result: Reply): Promise<Reply> {
  const reason = await store.schedules.takePausedReason(member.id);
  if (!reason) return result;
  return {
    ...result,
    blocks: [
      ...result.blocks,
      text(
        `⚠️ Your daily nudges are paused: the last few could not be delivered (${reason}). ` +
          'Fix that (e.g. allow direct messages from this bot), then `remind HH:MM` turns them back on.',
      ),
    ],
  };
}
