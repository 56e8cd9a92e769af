// One rule for a member's time: they have one time zone (UTC until they set one), and both their streak days and
// their daily nudge follow it. Setting it, by `timezone` or by naming a zone in `remind`, moves the nudge too.

import type { CommandContext } from '../commands/command.ts';
import { nextDue } from './next-due.ts';
import { describeZone } from './time-zones.ts';

export const zoneOf = (member: { timeZone: string | null }): string => member.timeZone ?? 'UTC';

/**
 * Sets the member's zone and moves an active nudge to it (unless the caller is about to set the nudge itself); says
 * what changed, or nothing when nothing did.
 */
export async function setMemberZone(ctx: CommandContext, zone: string, moveNudge = true): Promise<string | undefined> {
  if (ctx.member.timeZone === zone) return undefined;
  await ctx.store.members.updateSettings(ctx.member.id, { timeZone: zone });
  const nudge = moveNudge ? await ctx.store.schedules.nudgeOf(ctx.member.id) : undefined;
  let moved = '';
  if (nudge && nudge.nextDueAt !== null && nudge.timeZone !== zone) {
    const nextDueAt = nextDue({ ...nudge, timeZone: zone }, ctx.now);
    await ctx.store.schedules.update(nudge.id, { timeZone: zone, nextDueAt });
    moved = ` Your daily nudge moves with it: ${nudge.localTime} there.`;
  }
  return `Your time zone is now ${describeZone(zone)}: your streak days and your daily nudge follow it.${moved}`;
}

/** How `remind` and `timezone` explain the rule when the member has not set a zone. */
export const UNSET =
  'You have not set a time zone, so your days are UTC days. Your daily nudge follows UTC too; `timezone ' +
  'Europe/Berlin` sets yours.';
