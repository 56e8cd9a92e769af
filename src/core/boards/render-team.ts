// A TeamView as a Reply: for the member who asked (why they are missing when hidden, buttons), or for a whole channel
// (a post or a digest: nothing about the asker, no buttons).
import { type Block, list, type Reply, reply, type Span, text } from '../model/reply.ts';
import { nameOf, plural } from '../model/wording.ts';
import type { Audience } from './render-board.ts';
import type { MemberProgress, TeamView } from './team-view.ts';

export function renderTeam(view: TeamView, audience: Audience): Reply {
  const blocks: Block[] = [];
  if (!view.furthest) {
    blocks.push(
      text(
        view.hiddenDone > 0
          ? 'Nobody who appears in the team view has finished a topic yet.'
          : 'Nobody here has finished a topic yet. `next` shows where to start.',
      ),
    );
  } else {
    blocks.push(
      text(
        'Furthest along: ',
        ...join(view.furthest.members.map(nameOf)),
        ` — ${plural(view.furthest.done, 'topic')} done.`,
      ),
    );
    blocks.push(list(view.members.map((m): Span[] => [nameOf(m.member), ` — ${summary(m.progress)}`])));
    if (view.others > 0) blocks.push(text(`…and ${plural(view.others, 'more teammate')}.`));
  }
  if (view.recall) {
    blocks.push({
      type: 'progress',
      label: 'Team recall',
      done: Math.round(view.recall.recall * 100),
      total: 100,
      note: view.recall.sampled
        ? `estimated from a sample of ${plural(view.recall.members, 'member')} who review finished topics`
        : `estimated over ${plural(view.recall.members, 'member')} who review finished topics`,
    });
  }
  const { idle } = view;
  if (idle.count > 0) {
    const more = idle.count - idle.named.length;
    blocks.push(
      text(
        `No progress in ${idle.days} days: `,
        ...join(idle.named.map(nameOf)),
        more > 0 ? ` and ${more} more.` : '.',
      ),
    );
  }
  const heading = `Team — ${plural(view.visible, 'member')}`;
  if (audience === 'channel') return reply({ heading, blocks }); // nothing about the asker
  // Private replies only: the asker learns why they are not in the view they see.
  const hidden = view.you.privacy === 'hide';
  if (hidden) blocks.push(text('You are hidden from this view (`privacy show` to appear).'));
  return reply({
    heading: `${heading}${hidden ? ' shown' : ''}`,
    blocks,
    buttons: [
      ...(view.leaderboardEnabled ? [{ label: 'Leaderboard', command: 'leaderboard' }] : []),
      { label: 'My progress', command: 'progress' },
    ],
  });
}

/** "45% overall · Basics 5/5 · Databases 2/5 · …" */
function summary(progress: MemberProgress): string {
  const parts = progress.sections.map((s) =>
    s.noTrack ? `${s.title}: no track yet` : `${s.title} ${s.done}/${s.total}`,
  );
  return [`${progress.percent}% overall`, ...parts].join(' · ');
}

function join(spans: Span[]): Span[] {
  return spans.flatMap((s, i) => (i === 0 ? [s] : [', ', s]));
}
