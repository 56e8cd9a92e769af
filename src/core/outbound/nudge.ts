// The daily nudge a member gets by DM: their next topic (the same suggestion as `next`), their streak, and buttons.
import type { CommandStore, MemberRow, WorkspaceRow } from '../../store/port.ts';
import { type Button, type Reply, reply, text } from '../model/reply.ts';
import { placeOf, sectionsOf } from '../roadmap/plan.ts';
import { suggestNext } from '../roadmap/suggest.ts';
import { describeStreak, studyTimes } from '../time/member-streak.ts';
import { localDays } from '../time/periods.ts';
import { computeStreak } from '../time/streaks.ts';

const SNOOZE: Button = { label: 'Snooze 1 day', command: 'snooze 1d' };

export async function buildNudge(
  store: CommandStore,
  member: MemberRow,
  workspace: WorkspaceRow,
  now: number,
): Promise<Reply> {
  const roadmap = await store.content.roadmap(workspace.roadmapId);
  if (!roadmap)
    throw new Error(`workspace ${workspace.id} follows roadmap "${workspace.roadmapId}", which is not loaded`);
  const progress = await store.progress.forMember(member.id);
  const suggestion = suggestNext(sectionsOf(roadmap, await store.progress.tracks(member.id, roadmap.id)), progress);
  const zone = member.timeZone ?? 'UTC';
  // Workspace holidays are excused days: a streak does not break over them.
  const excused = new Set(await store.holidays.datesOf(workspace.id));
  const { dates, today } = localDays(await studyTimes(store, member.id), now, zone);
  const streak = computeStreak(dates, today, member.streakMode, excused);
  const streakLine = text({ strong: 'Streak: ' }, describeStreak(streak));

  switch (suggestion.kind) {
    case 'continue':
    case 'next': {
      const { topic } = suggestion;
      const path = topic.path;
      return reply({
        heading: `Time to study: ${topic.title}`,
        blocks: [
          ...(topic.summary ? [text(topic.summary)] : []),
          text(
            { strong: 'Where: ' },
            placeOf(topic),
            suggestion.kind === 'continue' ? ' · you started it already' : '',
          ),
          streakLine,
        ],
        buttons: [
          { label: 'Done', command: `done ${path}`, style: 'primary' },
          { label: 'Still learning', command: `start ${path}` },
          { label: 'Skip', command: `skip ${path}` },
          SNOOZE,
        ],
      });
    }
    case 'choose-track':
      return reply({
        heading: `Time to study: choose a track in ${suggestion.section.title}`,
        blocks: [text('This section is pick-one: choose a track and your nudges follow it.'), streakLine],
        buttons: [
          ...suggestion.section.groups.map((g) => ({
            label: g.title ?? g.slug ?? suggestion.section.title,
            command: `track ${g.slug}`,
          })),
          SNOOZE,
        ],
      });
    case 'finished':
      return reply({
        heading: 'You have finished the roadmap 🎉',
        blocks: [text('Every topic is done or skipped, so there is nothing left to nudge you about.'), streakLine],
        buttons: [
          { label: 'Progress', command: 'progress' },
          { label: 'Stop nudges', command: 'remind off' },
        ],
      });
  }
}
