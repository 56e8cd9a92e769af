// Two small steps in the core's handle path for the scheduler: learn a member's time zone from the platform when we
// have none, and tell a member once that their nudges paused because deliveries kept failing.
import { IANAZone } from 'luxon';
import type { MemberRow, Store } from '../store/index.ts';
import { text, type Reply } from './reply.ts';

export function adoptZone(store: Store, member: MemberRow, platformZone: string | undefined): MemberRow {
  if (member.timeZone || !platformZone) return member;
  if (!IANAZone.isValidZone(platformZone)) return member;
  const zone = new Intl.DateTimeFormat('en', { timeZone: platformZone }).resolvedOptions().timeZone;
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
