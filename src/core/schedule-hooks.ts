// Two small steps in the core's handle path for the scheduler: keep a member's time zone one this runtime can use
// (learnt from the platform when we have none), and tell a member once that their nudges paused because deliveries
// kept failing.
import type { MemberRow, Store } from '../store/index.ts';
import { text, type Reply } from './reply.ts';
import { canonicalZone } from './time-zones.ts';

/**
 * The member's zone, checked: a zone this runtime cannot use (a platform's "Mars/Olympus", or one stored before
 * zones were checked) is dropped, and a missing one is learnt from the platform when that one is valid.
 */
export function adoptZone(store: Store, member: MemberRow, platformZone: string | undefined): MemberRow {
  const own = canonicalZone(member.timeZone);
  const zone = own ?? canonicalZone(platformZone) ?? null;
  if (zone === member.timeZone) return member;
  store.members.updateSettings(member.id, { timeZone: zone });
  return { ...member, timeZone: zone };
}

export function withPausedNotice(store: Store, member: MemberRow, result: Reply): Reply {
  const reason = store.schedules.takePausedReason(member.id);
  if (!reason) return result;
  return {
    ...result,
    blocks: [...result.blocks, text(`⚠️ Your daily nudges are paused: the last few could not be delivered (${reason}). `
      + 'Fix that (e.g. allow direct messages from this bot), then `remind HH:MM` turns them back on.')],
  };
}
