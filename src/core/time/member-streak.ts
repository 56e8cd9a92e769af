// A member's streak from their progress events and review answers, counted in their own local days (UTC until they set a zone).
import type { CommandStore, MemberRow } from '../../store/port.ts';
import { localDayNumbers } from './periods.ts';
import { dayOf, type Streak, streakOverDays } from './streaks.ts';

/** Every instant the member studied: progress changes and review answers (reviews earn streak days too), in order. */
export async function studyTimes(
  store: Pick<CommandStore, 'progress' | 'reviews'>,
  memberId: number,
): Promise<number[]> {
  const [events, answers] = [await store.progress.eventTimes(memberId), await store.reviews.answerTimes(memberId)];
  return answers.length ? [...events, ...answers].sort((a, b) => a - b) : events;
}

/** `workspaceId`: whose holidays are excused days (the workspace the member asked from), as in the daily nudge. */
export async function streakOf(
  store: CommandStore,
  member: Pick<MemberRow, 'id' | 'timeZone' | 'streakMode'>,
  now: number,
  workspaceId: number,
): Promise<Streak> {
  const zone = member.timeZone ?? 'UTC';
  const { days, today } = localDayNumbers(await studyTimes(store, member.id), now, zone);
  const excused = new Set((await store.holidays.datesOf(workspaceId)).map(dayOf));
  return streakOverDays(days, today, member.streakMode, excused);
}

/** "5 days (longest 12) · 1 freeze held" */
export function describeStreak(streak: Streak): string {
  const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
  const freezes = streak.freezesHeld
    ? ` · ${streak.freezesHeld} freeze${streak.freezesHeld === 1 ? '' : 's'} held`
    : '';
  return `${days(streak.current)} (longest ${days(streak.longest)})${freezes}`;
}
