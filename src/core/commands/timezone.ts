// `timezone [zone]`: show or set my time zone, the one my streak days and my daily nudge follow.

import { reply, text } from '../model/reply.ts';
import { setMemberZone, UNSET } from '../time/member-zone.ts';
import { describeZone, resolveZone } from '../time/time-zones.ts';
import type { Command } from './command.ts';

export const timezone: Command = {
  name: 'timezone',
  aliases: ['tz'],
  args: [
    {
      name: 'zone',
      kind: 'text',
      required: false,
      description: 'A Region/City zone ("Europe/Berlin"), a city, EST, or UTC+2',
    },
  ],
  summary: 'Show or set your time zone: your streak days and your daily nudge follow it',
  examples: ['timezone', 'timezone Europe/Berlin', 'timezone America/New_York', 'timezone berlin', 'timezone UTC+2'],
  async run(ctx, rest) {
    if (!rest) {
      const current = ctx.member.timeZone
        ? `Your time zone is ${describeZone(ctx.member.timeZone)}. Your streak days and your daily nudge follow it.`
        : UNSET;
      return reply({
        heading: 'Your time zone',
        blocks: [text(current), text('Set it with `timezone <Region/City>`, e.g. `timezone Europe/Berlin`.')],
      });
    }
    // refuses an unknown zone, suggesting the closest
    const { zone, note } = resolveZone(rest, 'timezone Europe/Berlin');
    const said = (await setMemberZone(ctx, zone)) ?? `Your time zone is already ${describeZone(zone)}.`;
    return reply({ heading: `Time zone set to ${zone}`, blocks: [...(note ? [text(note)] : []), text(said)] });
  },
};
