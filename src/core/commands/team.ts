// `team [post]`: how far each visible teammate is, per section and overall; who leads; who has not moved in 7 days.
// With `post`, shown to the whole channel (channel-post.ts).
import { sectionsOf } from '../plan.ts';
import { list, reply, text, type Block, type Reply, type Span } from '../reply.ts';
import { nameOf, plural } from '../scoring.ts';
import { tally } from '../suggest.ts';
import { POST_WORDS, postInChannel } from '../channel-post.ts';
import { UserError } from '../errors.ts';
import type { Command, CommandContext } from './command.ts';

const SHOWN = 25; // members listed; the rest are counted
const IDLE_SHOWN = 10;
const IDLE_DAYS = 7;

export const team: Command = {
  name: 'team',
  aliases: ['teammates'],
  args: [{ name: 'post', kind: 'choice', required: false, description: 'Post it in this channel for everyone', choices: ['post'] }],
  summary: "How far your teammates are, who leads, and who hasn't moved in a week; `post` shows it to the channel",
  examples: ['team', 'team post'],
  run(ctx, rest) {
    if (POST_WORDS.includes(rest.toLowerCase())) return postInChannel(ctx, 'team', view);
    if (rest) throw new UserError(['`team` takes only `post`, not ', { user: rest }, '.'], { hint: '`team` shows the team to you; `team post` shows it to the channel.' });
    return view(ctx);
  },
};

function view(ctx: CommandContext): Reply {
  const ws = ctx.workspace.id;
  const leaders = ctx.store.team.furthestAlong(ws, SHOWN);
  const since = ctx.now - IDLE_DAYS * 86_400_000;
  const { visible, idle, hiddenDone } = ctx.store.team.headcount(ws, since);
  const blocks: Block[] = [];
  if (leaders.length === 0) {
    blocks.push(text(hiddenDone > 0
      ? 'Nobody who appears in the team view has finished a topic yet.'
      : 'Nobody here has finished a topic yet. `next` shows where to start.'));
  } else {
    const top = leaders.filter((l) => l.done === leaders[0]!.done);
    blocks.push(text('Furthest along: ', ...join(top.map(nameOf)), ` — ${plural(leaders[0]!.done, 'topic')} done.`));
    blocks.push(list(leaders.map((l): Span[] => [nameOf(l), ` — ${summaryOf(ctx, l.memberId)}`])));
    const rest = visible - leaders.length;
    if (rest > 0) blocks.push(text(`…and ${plural(rest, 'more teammate')}.`));
  }
  if (idle > 0) {
    const named = ctx.store.team.idleSince(ws, since, IDLE_SHOWN); // only looked up when someone is idle
    const more = idle - named.length;
    blocks.push(text(`No progress in ${IDLE_DAYS} days: `, ...join(named.map(nameOf)), more > 0 ? ` and ${more} more.` : '.'));
  }
  if (ctx.audience === 'channel') return reply({ heading: `Team — ${plural(visible, 'member')}`, blocks }); // nothing about the asker
  // Private replies only: the asker learns why they are not in the view they see.
  const hidden = ctx.member.privacy === 'hide';
  if (hidden) blocks.push(text('You are hidden from this view (`privacy show` to appear).'));
  return reply({
    heading: `Team — ${plural(visible, 'member')}${hidden ? ' shown' : ''}`,
    blocks,
    buttons: [
      ...(ctx.workspace.leaderboardEnabled ? [{ label: 'Leaderboard', command: 'leaderboard' }] : []),
      { label: 'My progress', command: 'progress' },
    ],
  });
}

/** "45% overall · Basics 5/5 · Databases 2/5 · …", from the same plan and tally as `progress`. */
function summaryOf(ctx: CommandContext, memberId: number): string {
  const mine = ctx.store.progress.forMember(memberId);
  const sections = sectionsOf(ctx.roadmap, ctx.store.progress.tracks(memberId, ctx.roadmap.id));
  const overall = tally(sections.flatMap((s) => s.studied), mine);
  const percent = overall.total ? Math.floor((overall.done / overall.total) * 100) : 0;
  const parts = sections.map((s) => {
    if (s.pickOne && !s.chosen) return `${s.title}: no track yet`;
    const { done, total } = tally(s.studied, mine);
    return `${s.title} ${done}/${total}`;
  });
  return [`${percent}% overall`, ...parts].join(' · ');
}

function join(spans: Span[]): Span[] {
  return spans.flatMap((s, i) => (i === 0 ? [s] : [', ', s]));
}
