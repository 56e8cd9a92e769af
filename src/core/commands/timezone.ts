// `timezone [IANA zone]`: show or set my time zone, the one my streak days are counted in.
import { reply, text } from '../reply.ts';
import { resolveZone } from '../time-zones.ts';
import type { Command } from './command.ts';

export const timezone: Command = {
  name: 'timezone',
  aliases: ['tz'],
  args: [{ name: 'zone', kind: 'text', required: false, description: 'An IANA time zone, e.g. "Europe/Berlin"' }],
  summary: 'Show or set your time zone, so streak days end at your midnight',
  examples: ['timezone', 'timezone Europe/Berlin', 'timezone America/New_York'],
  run(ctx, rest) {
    if (!rest) {
      const current = ctx.member.timeZone ? `Your time zone is ${ctx.member.timeZone}.` : 'You have not set a time zone, so your days are UTC days.';
      return reply({ heading: 'Your time zone', blocks: [text(current), text('Set it with `timezone <Region/City>`, e.g. `timezone Europe/Berlin`.')] });
    }
    const zone = resolveZone(rest, 'timezone Europe/Berlin'); // refuses an unknown zone, suggesting the closest
    ctx.store.members.updateSettings(ctx.member.id, { timeZone: zone });
    return reply({ heading: `Time zone set to ${zone}`, blocks: [text('Your streak days now start and end at midnight there.')] });
  },
};
