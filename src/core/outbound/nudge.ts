// The daily nudge a member gets by DM: their next topic (the same suggestion as `next`), their streak, and buttons;
// and, riding on the same message, up to three due reviews. They lead when no topic is in progress (recall first,
// then something new), and follow the topic when one is. A snoozed member or a holiday gets no nudge at all, so no
// review pressure either (compose.ts, queue-due.ts).
import type { CommandStore, MemberRow, WorkspaceRow } from '../../store/port.ts';
import { type Block, type Button, list, type Reply, reply, type Span, text } from '../model/reply.ts';
import { type DueReview, dueReviews, questionOf } from '../review/due.ts';
import { placeOf, sectionsOf } from '../roadmap/plan.ts';
import { suggestNext } from '../roadmap/suggest.ts';
import { describeStreak, studyTimes } from '../time/member-streak.ts';
import { localDays } from '../time/periods.ts';
import { computeStreak } from '../time/streaks.ts';

const SNOOZE: Button = { label: 'Snooze 1 day', command: 'snooze 1d' };
/** Reviews a nudge carries at most: a short recall check, not a study session. */
export const REVIEWS_IN_NUDGE = 3;

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
  // One more than is shown: whether more are due is told, not counted.
  const reviews = await dueReviews(store.reviews, member.id, roadmap.topics, now, REVIEWS_IN_NUDGE + 1);
  const nudge = topicNudge(suggestion, streakLine);
  return reviews.length ? withReviews(nudge, reviews, suggestion.kind !== 'continue') : nudge;
}

function topicNudge(suggestion: ReturnType<typeof suggestNext>, streakLine: Block): Reply {
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

/** The nudge with the due reviews: each one's question and a Reveal button (`review reveal <topic>`, as in `review`). */
function withReviews(nudge: Reply, due: readonly DueReview[], lead: boolean): Reply {
  const shown = due.slice(0, REVIEWS_IN_NUDGE);
  const heading =
    shown.length === 1 ? `Time to recall: ${shown[0]!.topic.title}` : `Time to recall ${shown.length} finished topics`;
  const blocks: Block[] = [
    list(shown.map((r): Span[] => [{ strong: `${r.topic.title}: ` }, questionOf(r)])),
    text(
      'Answer in your head, then reveal to check.' +
        (due.length > shown.length ? ' More are due: `review` asks them one by one.' : ''),
    ),
  ];
  const reveals = shown.map(
    (r, i): Button => ({
      label: `Reveal: ${r.topic.title}`,
      command: `review reveal ${r.topic.path}`,
      ...(lead && i === 0 ? { style: 'primary' as const } : {}),
    }),
  );
  if (!lead) {
    // A topic in progress comes first; the reviews follow it, under their own heading.
    return {
      ...nudge,
      blocks: [...nudge.blocks, text({ strong: heading }), ...blocks],
      buttons: [...nudge.buttons, ...reveals],
    };
  }
  // Recall first, then the topic nudge as it would have been, its buttons no longer the primary one.
  return {
    ...nudge,
    heading,
    blocks: [...blocks, ...(nudge.heading ? [text({ strong: nudge.heading })] : []), ...nudge.blocks],
    buttons: [...reveals, ...nudge.buttons.map(({ style: _primary, ...b }) => b)],
  };
}
