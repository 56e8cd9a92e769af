// A channel digest: the core's own `leaderboard` and `team` replies, run for the workspace and combined into one
// message for the channel. Falls back to a progress line when those commands are not in the list.
import type { MemberRow, ScheduleRow, Store, WorkspaceRow } from '../store/index.ts';
import type { Command } from './commands/command.ts';
import { UserError } from './errors.ts';
import { reply, text, type Block, type Reply } from './reply.ts';

export interface DigestInput {
  store: Store;
  commands: readonly Command[];
  schedule: ScheduleRow;
  workspace: WorkspaceRow;
  member: MemberRow; // who set the digest: the commands run as them
  now: number;
}

export function buildDigest({ store, commands, schedule, workspace, member, now }: DigestInput): Reply {
  const roadmap = store.content.roadmap(workspace.roadmapId);
  if (!roadmap) throw new Error(`workspace ${workspace.id} follows roadmap "${workspace.roadmapId}", which is not loaded`);
  const weekly = schedule.days !== 0x7f;
  const run = (name: string, rest: string): Reply | undefined => {
    const command = commands.find((c) => c.name === name);
    if (!command) return undefined;
    const invocation = {
      platform: workspace.platform, workspace: { id: workspace.externalId }, user: { id: 'scheduler', displayName: 'Roadmap Coach' },
      place: { channelId: schedule.channelId ?? undefined, direct: false }, text: `${name} ${rest}`.trim(),
    };
    try {
      // The channel audience: the commands leave out the asker's own lines and buttons, as `leaderboard post` does.
      return command.run({ store, now, invocation, workspace, member, roadmap, commands, audience: 'channel' }, rest);
    } catch (error) {
      if (error instanceof UserError) return reply({ blocks: [text(...error.spans)] });
      throw error;
    }
  };
  // A weekly digest reports the week just ended (it usually posts on Monday); a daily one, the week so far.
  const board = workspace.leaderboardEnabled ? run('leaderboard', weekly ? 'lastweek' : 'week') : undefined;
  const team = run('team', '');
  const blocks: Block[] = [];
  for (const part of [board, team]) {
    if (!part) continue;
    if (part.heading) blocks.push(text({ strong: part.heading }));
    blocks.push(...part.blocks);
  }
  if (!blocks.length) blocks.push(text('Leaderboards and team views are not available yet: `progress` shows each member their own.'));
  return reply({ heading: weekly ? 'Weekly study digest' : 'Daily study digest', blocks, visibility: 'channel' });
}
