// `start`, `done`, `skip`, `reset <topic>`: one factory, four commands that change my state on a topic. Taking a
// finished topic back (start or skip it) asks first; a topic off my track is kept and the reply says why it does not
// count yet; `done` says when it finishes a section or the roadmap, and how the streak stands.
import type { TopicProgress, TopicRow, TopicState } from '../../store/port.ts';
import { type Block, type Button, reply, text } from '../model/reply.ts';
import { plural } from '../model/wording.ts';
import { keepCardFor } from '../review/cards.ts';
import { describeDay } from '../review/wording.ts';
import { actionsFor } from '../roadmap/cards.ts';
import { findTopic } from '../roadmap/lookup.ts';
import { offTrackGroup } from '../roadmap/off-track.ts';
import { type PlanSection, sectionsOf } from '../roadmap/plan.ts';
import { suggestNext, tally } from '../roadmap/suggest.ts';
import { describeStreak, streakOf } from '../time/member-streak.ts';
import { zoneOf } from '../time/member-zone.ts';
import type { Command, CommandContext } from './command.ts';

const ALREADY: Record<TopicState | 'new', (title: string) => string> = {
  learning: (t) => `You are already learning ${t}`,
  done: (t) => `${t} is already done`,
  skipped: (t) => `${t} is already skipped`,
  new: (t) => `You have not started ${t}: nothing to reset`,
};

function stateCommand(
  name: string,
  state: TopicState | null,
  summary: string,
  aliases: string[],
  says: string,
): Command {
  return {
    name,
    aliases,
    args: [{ name: 'topic', kind: 'topic', required: true, description: 'A topic name, e.g. "express"' }],
    summary,
    examples: [`${name} express`, `${name} graphql resolvers`],
    async run(ctx, rest) {
      // "start express confirm": the answer to "it is done, start it again?"
      const confirmed = /\sconfirm$/i.test(rest);
      // A choice between topics carries the confirmation along, so the button does what was asked.
      const found = findTopic(
        ctx,
        confirmed ? rest.replace(/\s+confirm$/i, '') : rest,
        name,
        confirmed ? ' confirm' : '',
      );
      const before = await ctx.store.progress.forMember(ctx.member.id);
      if (before.get(found.id)?.state === 'done' && (state === 'learning' || state === 'skipped') && !confirmed)
        return askFirst(name, found);
      const previous = await ctx.store.progress.set(ctx.member.id, found.id, state, ctx.now);
      const firstReview = await keepCardFor(ctx, found.id, state);
      // The member's progress now: what it was with this one change, rather than read again (a write's every
      // statement counts: decision 026).
      const progress = previous === state ? before : changed(before, found.id, state, ctx.now);
      const sections = sectionsOf(ctx.roadmap, await ctx.store.progress.tracks(ctx.member.id, ctx.roadmap.id));
      const { done, total } = tally(
        sections.flatMap((s) => s.studied),
        progress,
      );
      const blocks: Block[] = [text(`You have done ${done} of ${plural(total, 'topic')} on your roadmap.`)];
      const buttons: Button[] = [];
      const off = state && offTrackGroup(found, sections);
      if (off) {
        const title = off.group.title ?? off.group.slug;
        const yours = off.section.groups.find((g) => g.slug === off.section.chosen)?.title;
        blocks.push(
          text(
            `${found.title} is on the ${title} track, and ${
              yours ? `you follow ${yours}` : 'you have not chosen a track yet'
            }: it is kept, and counts once you follow ${title}.`,
          ),
        );
        buttons.push({ label: `Follow ${title}`, command: `track ${off.group.slug}`, style: 'primary' });
      }
      if (state === 'done' && previous !== 'done') blocks.push(...(await cheers(ctx, found, sections, progress)));
      if (firstReview !== undefined)
        blocks.push(text(`A short recall check on it comes ${describeDay(firstReview, zoneOf(ctx.member), ctx.now)}.`));
      return reply({
        heading: previous === state ? ALREADY[state ?? 'new'](found.title) : `${says} ${found.title}`,
        blocks,
        buttons: [
          ...buttons,
          ...actionsFor(found, state ?? undefined).filter((b) => b.label !== 'Reset'),
          { label: 'Next topic', command: 'next' },
        ],
      });
    },
  };
}

/** Starting or skipping a done topic takes its point back: only when the member says so. */
function askFirst(name: string, topic: TopicRow) {
  const what = name === 'start' ? 'Starting it again' : 'Skipping it';
  return reply({
    heading: `${topic.title} is done`,
    blocks: [
      text(`${what} takes it off your done topics, and its point off the boards. Keep it done, or ${name} it anyway?`),
    ],
    buttons: [
      { label: 'Keep it done', command: `topic ${topic.path}`, style: 'primary' },
      {
        label: name === 'start' ? 'Study it again' : 'Skip it anyway',
        command: `${name} ${topic.path} confirm`,
        style: 'danger',
      },
    ],
  });
}

/** `progress` with the member's state on one topic set (null: cleared) at `now`, as progress.set leaves the row. */
function changed(
  progress: ReadonlyMap<number, TopicProgress>,
  topicId: number,
  state: TopicState | null,
  now: number,
): Map<number, TopicProgress> {
  const next = new Map(progress);
  if (state === null) next.delete(topicId);
  else next.set(topicId, { state, updatedAt: now });
  return next;
}

/** What a finished topic means: the end of a section, or of the roadmap, and the streak it keeps. */
async function cheers(
  ctx: CommandContext,
  topic: TopicRow,
  sections: readonly PlanSection[],
  progress: ReadonlyMap<number, TopicProgress>,
): Promise<Block[]> {
  const blocks: Block[] = [];
  const section = sections.find((s) => s.studied.includes(topic));
  if (suggestNext(sections, progress).kind === 'finished') {
    blocks.push(
      text('🎉 ', { strong: 'You have finished the whole roadmap!' }, ' Every topic on it is done or skipped.'),
    );
  } else if (section) {
    const { done, total } = tally(section.studied, progress);
    if (done === total)
      blocks.push(text('🎉 ', { strong: `That finishes ${section.title}!` }, ` All ${plural(total, 'topic')} done.`));
  }
  blocks.push(text(`Streak: ${describeStreak(await streakOf(ctx.store, ctx.member, ctx.now, ctx.workspace.id))}.`));
  return blocks;
}

export const start = stateCommand('start', 'learning', 'Mark a topic as being learned', ['begin', 'learn'], 'Started');
export const done = stateCommand('done', 'done', 'Mark a topic done', ['finish', 'complete'], '✓ Done:');
export const skip = stateCommand('skip', 'skipped', 'Skip a topic (it leaves your totals)', [], 'Skipped');
export const reset = stateCommand('reset', null, 'Clear your progress on a topic', ['undo', 'clear'], 'Reset');
