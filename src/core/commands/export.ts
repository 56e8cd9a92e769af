// `export`: all my data — profile, settings, identities, progress, events, notes — as one JSON file.
import { reply, text } from '../reply.ts';
import type { Command } from './command.ts';

export const exportData: Command = {
  name: 'export',
  aliases: ['mydata'],
  args: [],
  summary: 'Download everything the bot keeps about you, as JSON',
  rare: true,
  examples: ['export'],
  run(ctx) {
    const { profile, ...rest } = ctx.store.memberData.exportOf(ctx.member.id);
    const { privacy, streakMode, timeZone, ...person } = profile;
    const data = { exportedAt: new Date(ctx.now).toISOString(), profile: person, settings: { privacy, streakMode, timeZone }, ...rest };
    return reply({
      heading: 'Your data',
      blocks: [text(`Attached: your profile, settings, ${rest.progress.length} topic states, ${rest.events.length} progress events and ${rest.notes.length} notes. Times are milliseconds since 1970 (UTC).`)],
      files: [{ name: 'roadmap-coach-my-data.json', mime: 'application/json', content: JSON.stringify(data, null, 2) }],
    });
  },
};
