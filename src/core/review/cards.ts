// A finished topic has a review card; a topic no longer finished (reset, started or skipped again) has none. The
// state commands call this after every change, so the rule lives in one place.
import type { TopicState } from '../../store/port.ts';
import type { CommandContext } from '../commands/command.ts';
import { zoneOf } from '../time/member-zone.ts';
import { newCard } from './fsrs.ts';

/** Creates or removes the topic's card for its new state; returns when a new card is first due. */
export async function keepCardFor(
  ctx: CommandContext,
  topicId: number,
  state: TopicState | null,
): Promise<number | undefined> {
  if (state !== 'done') {
    await ctx.store.reviews.remove(ctx.member.id, topicId);
    return undefined;
  }
  if (await ctx.store.reviews.card(ctx.member.id, topicId)) return undefined;
  const card = newCard(ctx.now, zoneOf(ctx.member));
  await ctx.store.reviews.create(ctx.member.id, topicId, card, ctx.now);
  return card.dueAt;
}
