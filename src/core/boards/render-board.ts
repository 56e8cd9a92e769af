// A BoardView as a Reply: for the member who asked (their own line, buttons for the other periods), or for a whole
// channel (a post or a digest: nothing about the asker, no buttons).

import { type Block, list, type Reply, reply, type Span, text } from '../model/reply.ts';
import { nameOf, ordinal, plural } from '../model/wording.ts';
import { PERIOD_KINDS, type PeriodKind } from '../time/periods.ts';
import type { BoardView, Standing } from './board-view.ts';

export type Audience = 'member' | 'channel';

const BUTTON_LABEL: Record<PeriodKind, string> = {
  week: 'This week',
  lastweek: 'Last week',
  month: 'This month',
  all: 'All time',
};

const points = (s: Standing) => `${plural(s.points, 'point')}, ${plural(s.activeDays, 'active day')}`;

export function renderBoard(view: BoardView, audience: Audience): Reply {
  const heading = `Leaderboard — ${view.period.label}`;
  const blocks: Block[] = view.rows.length
    ? [list(view.rows.map((row): Span[] => [`${row.rank}. `, nameOf(row.member), ` — ${points(row)}`]))]
    : [text(emptyLine(view))];
  if (view.others > 0) blocks.push(text(`…and ${plural(view.others, 'more teammate')} with points.`));
  if (audience === 'channel') return reply({ heading, blocks }); // no "you" in a channel
  blocks.push(text(yourLine(view)));
  return reply({
    heading,
    blocks,
    buttons: PERIOD_KINDS.filter((k) => k !== view.period.kind).map((k) => ({
      label: BUTTON_LABEL[k],
      command: `leaderboard ${k}`,
    })),
  });
}

/**
 * An empty board: "be the first" only while the period is still open and nobody has points, not even members who
 * hide from boards (who are then neither named nor counted).
 */
function emptyLine(view: BoardView): string {
  if (view.hiddenScorers > 0) return 'Nobody who appears on boards has finished a topic in this period.';
  if (view.period.kind === 'lastweek') return 'Nobody finished a topic last week.';
  return 'Nobody has finished a topic in this period yet. Be the first: `next`.';
}

// Shown only to the asker (replies are private): a hidden member still learns where they stand.
function yourLine({ you, rows }: BoardView): string {
  const me = you.standing;
  if (!me) return 'You: no points in this period yet. Finish a topic to get on the board.';
  const show = '`privacy show` to appear';
  if (you.privacy === 'hide' && !rows.length) return `You: ${points(me)}, hidden from boards (${show}).`;
  if (you.privacy === 'hide')
    return `You: ${points(me)}, would rank ${ordinal(me.rank)} (you are hidden from boards; ${show}).`;
  const as = you.privacy === 'anonymous' ? ' (shown to others as "a teammate")' : '';
  return `You: ${points(me)}, ranked ${ordinal(me.rank)}${as}.`;
}
