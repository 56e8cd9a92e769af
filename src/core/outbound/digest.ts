// A channel digest: the workspace's leaderboard and team views, rendered for the channel as a post of them would be,
// and how many review answers the team gave in the same week, in one message.
import type { CommandStore, MemberRow, ScheduleRow, WorkspaceRow } from '../../store/port.ts';
import { buildBoardView } from '../boards/board-view.ts';
import { renderBoard } from '../boards/render-board.ts';
import { renderTeam } from '../boards/render-team.ts';
import { buildTeamView } from '../boards/team-view.ts';
import { type Block, type Reply, reply, text } from '../model/reply.ts';
import { plural } from '../model/wording.ts';
import { periodOf } from '../time/periods.ts';

export interface DigestInput {
  store: CommandStore;
  schedule: ScheduleRow;
  workspace: WorkspaceRow;
  member: MemberRow; // who set the digest: the views are built as for them, and rendered without them
  now: number;
}

export async function buildDigest({ store, schedule, workspace, member, now }: DigestInput): Promise<Reply> {
  const roadmap = await store.content.roadmap(workspace.roadmapId);
  if (!roadmap)
    throw new Error(`workspace ${workspace.id} follows roadmap "${workspace.roadmapId}", which is not loaded`);
  const weekly = schedule.days !== 0x7f;
  const deps = { store, workspace, member, roadmap, now };
  // A weekly digest reports the week just ended (it usually posts on Monday); a daily one, the week so far.
  const board = workspace.leaderboardEnabled
    ? renderBoard(await buildBoardView(deps, weekly ? 'lastweek' : 'week'), 'channel')
    : undefined;
  const team = renderTeam(await buildTeamView(deps), 'channel');
  const reviews = await reviewsPart(store, workspace, weekly, now);
  const blocks: Block[] = [];
  for (const part of [board, team, reviews]) {
    if (!part) continue;
    if (part.heading) blocks.push(text({ strong: part.heading }));
    blocks.push(...part.blocks);
  }
  return reply({ heading: weekly ? 'Weekly study digest' : 'Daily study digest', blocks, visibility: 'channel' });
}

/** Review answers in the digest's week (the one just ended, or this one so far), in the workspace's zone. */
async function reviewsPart(
  store: CommandStore,
  workspace: WorkspaceRow,
  weekly: boolean,
  now: number,
): Promise<{ heading: string; blocks: Block[] }> {
  const period = periodOf(weekly ? 'lastweek' : 'week', now, workspace.timeZone);
  const { answers, members } = await store.reviews.doneIn(workspace.id, period.from, Math.min(period.to, now));
  const when = weekly ? 'last week' : 'this week so far';
  return {
    heading: 'Reviews',
    blocks: [
      text(
        answers
          ? `${plural(answers, 'review')} done ${when}, by ${plural(members, 'member')}.`
          : `No reviews done ${when}: finished topics come back for a short recall check (\`review\`).`,
      ),
    ],
  };
}
