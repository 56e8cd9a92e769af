// `export`: all my data — profile, settings, identities, progress, events, notes — as one JSON file, readable by a
// person: times in ISO 8601 (UTC), reminder days by name.
import { reply, text } from '../model/reply.ts';
import { plural } from '../model/wording.ts';
import { dayNames } from '../time/schedule-args.ts';
import type { Command } from './command.ts';

const TIME = /(^at$|At$|Until$)/; // createdAt, updatedAt, chosenAt, nextDueAt, pausedUntil, at: ms since 1970

export const exportData: Command = {
  name: 'export',
  aliases: ['mydata'],
  args: [],
  summary: 'Download everything the bot keeps about you, as JSON',
  rare: true,
  examples: ['export'],
  async run(ctx) {
    const { profile, ...rest } = await ctx.store.memberData.exportOf(ctx.member.id);
    const { privacy, streakMode, timeZone, ...person } = profile;
    const tables = Object.fromEntries(
      Object.entries(rest).map(([name, rows]) => [name, rows.map(readable)]),
    ) as typeof rest;
    const data = {
      exportedAt: new Date(ctx.now).toISOString(),
      profile: readable(person),
      settings: { privacy, streakMode, timeZone },
      ...tables,
    };
    const counts =
      `${plural(rest.progress.length, 'topic state')}, ${plural(rest.events.length, 'progress event')} ` +
      `and ${plural(rest.notes.length, 'note')}`;
    return reply({
      heading: 'Your data',
      blocks: [text(`Attached: your profile, settings, ${counts}. Times are ISO 8601, in UTC.`)],
      files: [{ name: 'roadmap-coach-my-data.json', mime: 'application/json', content: JSON.stringify(data, null, 2) }],
    });
  },
};

function readable(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => {
      if (typeof value === 'number' && TIME.test(key)) return [key, new Date(value).toISOString()];
      if (typeof value === 'number' && key === 'days') return [key, dayNames(value)];
      return [key, value];
    }),
  );
}
