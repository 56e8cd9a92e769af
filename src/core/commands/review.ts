// `review`: the next due recall check. The question first; Reveal shows the summary and resources; then one of four
// answers (FSRS's ratings) records it and says when the topic comes back. Every button is a command:
//   review                          the next due card's question
//   review reveal <topic>           the answer side, with the four answer buttons
//   review <topic> again|hard|good|easy
//   review now                      the next card even while snoozed or on a holiday
import type { ReviewCardRow, TopicRow } from '../../store/port.ts';
import { UserError } from '../model/errors.ts';
import { type Button, list, type Reply, reply, text } from '../model/reply.ts';
import { plural } from '../model/wording.ts';
import { type DueReview, dueReviews, questionOf } from '../review/due.ts';
import { ANSWERS, type Answer, answer } from '../review/fsrs.ts';
import { describeDay } from '../review/wording.ts';
import { findTopic } from '../roadmap/lookup.ts';
import { zoneOf } from '../time/member-zone.ts';
import { localDate } from '../time/next-due.ts';
import type { Command, CommandContext } from './command.ts';

const LABEL: Record<Answer, string> = { again: 'Forgot', hard: 'Hard', good: 'Got it', easy: 'Easy' };
const SAID: Record<Answer, string> = {
  again: 'Forgotten for now',
  hard: 'Recalled, with effort',
  good: 'Recalled',
  easy: 'Recalled easily',
};

export const review: Command = {
  name: 'review',
  aliases: ['recall'],
  args: [
    {
      name: 'answer',
      kind: 'text',
      required: false,
      description: 'Empty for the next due review; the buttons add "reveal <topic>" or "<topic> good"',
    },
  ],
  summary: 'Recall a topic you finished, when it is due',
  examples: ['review', 'review now'],
  async run(ctx, rest) {
    const words = rest.trim();
    if (!words) return nextCard(ctx, false);
    if (/^now$/i.test(words)) return nextCard(ctx, true);
    const reveal = /^reveal\s+(.+)$/i.exec(words);
    if (reveal) return revealed(ctx, reveal[1]!);
    const answered = /^(.+?)\s+(again|hard|good|easy)$/i.exec(words);
    if (answered) return record(ctx, answered[1]!, answered[2]!.toLowerCase() as Answer);
    throw new UserError(["I can't tell what to review from ", { user: words }, '.'], {
      hint: '`review` shows the next due topic; its buttons do the rest.',
    });
  },
};

/** Why reviews should wait today, if they should: the member snoozed their nudges, or it is a team holiday. */
async function restingReason(ctx: CommandContext): Promise<string | undefined> {
  const nudge = await ctx.store.schedules.nudgeOf(ctx.member.id);
  if (nudge?.pausedUntil && nudge.pausedUntil > ctx.now) return 'Your nudges are snoozed';
  const today = localDate(ctx.now, ctx.workspace.timeZone);
  if (await ctx.store.holidays.isHoliday(ctx.workspace.id, today)) return 'Today is a team holiday';
  return undefined;
}

async function nextCard(ctx: CommandContext, anyway: boolean): Promise<Reply> {
  const zone = zoneOf(ctx.member);
  const due = await liveDue(ctx);
  if (!due) {
    const next = await ctx.store.reviews.nextDueAt(ctx.member.id);
    return reply({
      heading: 'Nothing to review',
      blocks: [
        text(
          next === undefined
            ? 'Topics you finish come back here a few days later for a short recall check: `done <topic>` starts one.'
            : `Your next review is ${describeDay(next, zone, ctx.now)}.`,
        ),
      ],
      buttons: [{ label: 'Next topic', command: 'next' }],
    });
  }
  const resting = anyway ? undefined : await restingReason(ctx);
  if (resting) {
    return reply({
      heading: 'Reviews can wait',
      blocks: [text(`${resting}: your reviews wait too, and nothing is lost by waiting.`)],
      buttons: [{ label: 'Review anyway', command: 'review now' }],
    });
  }
  const { topic } = due;
  const waiting = (await ctx.store.reviews.dueCount(ctx.member.id, ctx.now)) - 1;
  return reply({
    heading: `Recall: ${topic.title}`,
    blocks: [
      text({ strong: questionOf(due) }),
      text(
        'Answer it in your head (or out loud), then reveal.' +
          (waiting > 0 ? ` ${plural(waiting, 'more review')} due after this one.` : ''),
      ),
    ],
    buttons: [{ label: 'Reveal', command: `review reveal ${topic.path}`, style: 'primary' }],
  });
}

/** The member's first due card whose topic is still on the roadmap. */
async function liveDue(ctx: CommandContext): Promise<DueReview | undefined> {
  return (await dueReviews(ctx.store.reviews, ctx.member.id, ctx.roadmap.topics, ctx.now, 1))[0];
}

/** The member's card on a topic, or a clear refusal. */
async function cardOf(
  ctx: CommandContext,
  query: string,
  given?: Answer,
): Promise<{ card: ReviewCardRow; topic: TopicRow }> {
  // A choice between topics carries the rest of the command along, so its buttons do what was asked.
  const topic = given ? findTopic(ctx, query, 'review', ` ${given}`) : findTopic(ctx, query, 'review reveal');
  const card = await ctx.store.reviews.card(ctx.member.id, topic.id);
  if (!card)
    throw new UserError(`${topic.title} has no review: only topics you have finished come back for one.`, {
      hint: `\`done ${topic.slug}\` finishes it.`,
    });
  return { card, topic };
}

async function revealed(ctx: CommandContext, query: string): Promise<Reply> {
  const { topic } = await cardOf(ctx, query);
  const resources = topic.resources.map((r) => [`${r.type}: `, { link: r.title, url: r.url }]);
  const buttons: Button[] = ANSWERS.map((a) => ({
    label: LABEL[a],
    command: `review ${topic.path} ${a}`,
    ...(a === 'good' ? { style: 'primary' as const } : {}),
  }));
  return reply({
    heading: topic.title,
    blocks: [
      ...(topic.summary ? [text(topic.summary)] : []),
      ...(resources.length ? [text({ strong: 'Resources' }), list(resources)] : []),
      text('How well did you recall it?'),
    ],
    buttons,
  });
}

async function record(ctx: CommandContext, query: string, given: Answer): Promise<Reply> {
  const { card, topic } = await cardOf(ctx, query, given);
  const zone = zoneOf(ctx.member);
  // A second press of the same buttons (or a stale message) must not count twice: only a due card takes an answer.
  if (card.dueAt > ctx.now) {
    return reply({
      heading: `${topic.title} is not due yet`,
      blocks: [text(`It comes back ${describeDay(card.dueAt, zone, ctx.now)}.`)],
      buttons: [{ label: 'Next review', command: 'review' }],
    });
  }
  const { next, log } = answer(card, given, ctx.now, zone);
  await ctx.store.reviews.record(card.id, next, log);
  const more = await liveDue(ctx);
  return reply({
    heading: `${SAID[given]}: ${topic.title}`,
    blocks: [text(`It comes back ${describeDay(next.dueAt, zone, ctx.now)}.`)],
    buttons: more
      ? [{ label: 'Next review', command: 'review', style: 'primary' }]
      : [{ label: 'Next topic', command: 'next' }],
  });
}
