// Review cards on every engine: created once per finished topic, read due in order, answered with a logged review,
// removed on reset, merged on link (the card with more reviews wins, every answer kept), exported.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Answer, answer, FORGETTING_CURVE, newCard, recallOf } from '../../../src/core/review/fsrs.ts';
import type { ReviewCardState } from '../../../src/store/port.ts';
import { ENGINES } from '../engines.ts';
import { DAY, NOW, openWorld, person, sharedTopics, type World } from './world.ts';

const FRESH: ReviewCardState = {
  dueAt: NOW,
  stability: 0,
  difficulty: 0,
  elapsedDays: 0,
  scheduledDays: 0,
  learningSteps: 0,
  reps: 0,
  lapses: 0,
  state: 0,
  lastReviewAt: null,
};
const LOG = { ...FRESH, rating: 3, lastElapsedDays: 0, reviewedAt: NOW };

describe.each(ENGINES)('reviews on $name', (engine) => {
  let world: World;
  let topics: number[];
  beforeEach(async () => {
    world = await openWorld(engine);
    topics = sharedTopics(world);
  });
  afterEach(() => world.close());

  it('keeps one card per topic, reads due cards longest overdue first, and says when the next one is', async () => {
    const [t1, t2, t3] = topics as [number, number, number];
    const id = await world.tx(async (tx) => {
      const { member } = await person(tx, 'ada');
      await tx.reviews.create(member.id, t1, { ...FRESH, dueAt: NOW + 2 * DAY }, NOW);
      await tx.reviews.create(member.id, t2, { ...FRESH, dueAt: NOW + DAY }, NOW);
      await tx.reviews.create(member.id, t3, { ...FRESH, dueAt: NOW + 9 * DAY }, NOW);
      // Done again: the card (and its schedule) stays as it was.
      await tx.reviews.create(member.id, t1, { ...FRESH, dueAt: NOW + 50 * DAY }, NOW);
      return member.id;
    });
    await world.tx(async (tx) => {
      expect(await tx.reviews.due(id, NOW, 10)).toEqual([]);
      expect(await tx.reviews.nextDueAt(id)).toBe(NOW + DAY);
      const due = await tx.reviews.due(id, NOW + 3 * DAY, 10);
      expect(due.map((c) => [c.topicId, c.dueAt])).toEqual([
        [t2, NOW + DAY],
        [t1, NOW + 2 * DAY],
      ]);
      expect(await tx.reviews.dueCount(id, NOW + 3 * DAY)).toBe(2);
      expect((await tx.reviews.due(id, NOW + 3 * DAY, 1)).length).toBe(1);
      expect((await tx.reviews.forMember(id)).length).toBe(3);
    });
  });

  it('records an answer with its log, exports both, and removes card and log on reset', async () => {
    const [t1] = topics as [number];
    const id = await world.tx(async (tx) => {
      const { member } = await person(tx, 'ada');
      await tx.reviews.create(member.id, t1, FRESH, NOW);
      const card = (await tx.reviews.card(member.id, t1))!;
      const next = { ...FRESH, dueAt: NOW + 4 * DAY, stability: 3.25, difficulty: 5.5, reps: 1, state: 2 };
      await tx.reviews.record(card.id, { ...next, scheduledDays: 4, lastReviewAt: NOW }, LOG);
      return member.id;
    });
    const card = (await world.tx((tx) => tx.reviews.card(id, t1)))!;
    expect([card.dueAt, card.stability, card.difficulty, card.reps, card.state, card.lastReviewAt]).toEqual([
      NOW + 4 * DAY,
      3.25,
      5.5,
      1,
      2,
      NOW,
    ]);
    const data = await world.tx((tx) => tx.memberData.exportOf(id));
    expect(data.reviewCards.map((c) => [c.topic, c.reps, c.dueAt])).toEqual([
      [world.roadmap.topics.find((t) => t.id === t1)!.path, 1, NOW + 4 * DAY],
    ]);
    expect(data.reviewLogs.map((l) => [l.rating, l.reviewedAt])).toEqual([[3, NOW]]);

    expect(await world.tx((tx) => tx.reviews.remove(id, t1))).toBe(1);
    expect(await world.tx((tx) => tx.reviews.card(id, t1))).toBeUndefined();
    expect((await world.rowCounts()).review_logs).toBe(0);
    expect(await world.tx((tx) => tx.reviews.nextDueAt(id))).toBeUndefined();
  });

  it('merges on link: per topic the card with more reviews wins, and every answer is kept', async () => {
    const [t1, t2, t3] = topics as [number, number, number];
    const { ada, other } = await world.tx(async (tx) => {
      const ada = (await person(tx, 'ada')).member.id;
      const other = (await person(tx, 'ada-d', { platform: 'discord', workspace: 'G1' })).member.id;
      const answer = async (member: number, topic: number, times: number, dueAt: number) => {
        await tx.reviews.create(member, topic, FRESH, NOW);
        const card = (await tx.reviews.card(member, topic))!;
        for (let i = 1; i <= times; i++)
          await tx.reviews.record(card.id, { ...FRESH, reps: i, dueAt }, { ...LOG, reviewedAt: NOW + i });
      };
      await answer(ada, t1, 1, NOW + DAY); // ada's t1 loses to the other account's
      await answer(other, t1, 3, NOW + 30 * DAY);
      await answer(ada, t2, 2, NOW + 5 * DAY); // ada's t2 wins
      await answer(other, t2, 1, NOW + 2 * DAY);
      await answer(other, t3, 1, NOW + 7 * DAY); // only the other account has t3
      return { ada, other };
    });
    await world.tx((tx) => tx.links.merge(ada, other));
    const cards = await world.tx((tx) => tx.reviews.forMember(ada));
    expect(cards.map((c) => [c.topicId, c.reps, c.dueAt]).sort((a, b) => a[0]! - b[0]!)).toEqual(
      [
        [t1, 3, NOW + 30 * DAY],
        [t2, 2, NOW + 5 * DAY],
        [t3, 1, NOW + 7 * DAY],
      ].sort((a, b) => a[0]! - b[0]!),
    );
    const counts = await world.rowCounts();
    expect([counts.review_cards, counts.review_logs]).toEqual([3, 8]);
    const logs = await world.tx((tx) => tx.memberData.exportOf(ada));
    expect(logs.reviewLogs.length).toBe(8);
  });
  it("estimates the team's recall as ts-fsrs does: per member, then over members, visible ones of this workspace", async () => {
    const [t1, t2, t3, t4] = topics as [number, number, number, number];
    const curve = FORGETTING_CURVE;
    // Real FSRS states: a card answered at `at`, first due a few days after a `done` 40 days ago.
    const answered = (given: Answer, at: number) => answer(newCard(NOW - 40 * DAY, 'UTC'), given, at, 'UTC');
    const cards = {
      ada1: answered('good', NOW - 30 * DAY),
      ada2: answered('hard', NOW - 5 * DAY - 3_600_000),
      bob1: answered('again', NOW - 2 * DAY),
      hidden: answered('good', NOW - DAY),
      elsewhere: answered('again', NOW - 20 * DAY),
      retired: answered('again', NOW - 30 * DAY),
    };
    const ws = await world.tx(async (tx) => {
      const give = async (memberId: number, topicId: number, a: ReturnType<typeof answered>) => {
        await tx.reviews.create(memberId, topicId, newCard(NOW - 40 * DAY, 'UTC'), NOW - 40 * DAY);
        await tx.reviews.record((await tx.reviews.card(memberId, topicId))!.id, a.next, a.log);
      };
      const ada = await person(tx, 'ada');
      const bob = (await person(tx, 'bob')).member;
      const hid = (await person(tx, 'hid')).member;
      const far = (await person(tx, 'far', { workspace: 'other' })).member;
      expect(
        await tx.reviews.teamRecall({
          workspaceId: ada.workspace.id,
          roadmapId: 'backend',
          now: NOW,
          curve,
          stride: 1,
        }),
      ).toBe(undefined);
      await give(ada.member.id, t1, cards.ada1);
      await give(ada.member.id, t2, cards.ada2);
      await tx.reviews.create(ada.member.id, t3, newCard(NOW - DAY, 'UTC'), NOW - DAY); // not reviewed yet: no estimate
      await give(ada.member.id, t4, cards.retired);
      await give(bob.id, t1, cards.bob1);
      await give(hid.id, t1, cards.hidden);
      await tx.members.updateSettings(hid.id, { privacy: 'hide' });
      await give(far.id, t1, cards.elsewhere);
      return ada.workspace.id;
    });
    await world.sql.run('update topics set retired_at = @now where id = @id', { now: NOW, id: t4 });
    const r = (c: ReturnType<typeof answered>) => recallOf(c.next, NOW)!;
    const expected = ((r(cards.ada1) + r(cards.ada2)) / 2 + r(cards.bob1)) / 2;
    const team = (await world.tx((tx) =>
      tx.reviews.teamRecall({ workspaceId: ws, roadmapId: 'backend', now: NOW, curve, stride: 1 }),
    ))!;
    expect(team.members).toBe(2);
    expect(team.recall).toBeCloseTo(expected, 6);
    expect(expected).toBeGreaterThan(0.3); // a real spread: the curve, not a constant, decides the figure
    expect(r(cards.ada1)).toBeLessThan(r(cards.ada2));
  });

  it('samples a large team by a scramble of member ids: every stride-th member in the same fixed sample', async () => {
    const [t1] = topics as [number];
    const members = await world.tx(async (tx) => {
      const ids: number[] = [];
      for (let i = 0; i < 24; i++) {
        const { member } = await person(tx, `m${i}`);
        const { next, log } = answer(newCard(NOW - 40 * DAY, 'UTC'), i % 2 ? 'good' : 'again', NOW - i * DAY, 'UTC');
        await tx.reviews.create(member.id, t1, newCard(NOW - 40 * DAY, 'UTC'), NOW - 40 * DAY);
        await tx.reviews.record((await tx.reviews.card(member.id, t1))!.id, next, log);
        ids.push(member.id);
      }
      return ids;
    });
    const ws = (await world.tx((tx) => person(tx, 'm0'))).workspace.id;
    const recallOfMember = async (id: number) => recallOf((await world.tx((tx) => tx.reviews.card(id, t1)))!, NOW)!;
    for (const stride of [1, 3, 5]) {
      const sample = members.filter((id) => ((id * 2654435761) % 4294967291) % stride === 0);
      const recalls = await Promise.all(sample.map(recallOfMember));
      const found = (await world.tx((tx) =>
        tx.reviews.teamRecall({ workspaceId: ws, roadmapId: 'backend', now: NOW, curve: FORGETTING_CURVE, stride }),
      ))!;
      expect(found.members).toBe(sample.length);
      expect(found.recall).toBeCloseTo(recalls.reduce((a, b) => a + b, 0) / recalls.length, 6);
    }
  });

  it('counts the review answers given in a period by visible members of the workspace', async () => {
    const [t1, t2] = topics as [number, number];
    const ws = await world.tx(async (tx) => {
      const logAt = async (memberId: number, topicId: number, at: number) => {
        const card = (await tx.reviews.card(memberId, topicId))!;
        const { next, log } = answer(card, 'good', at, 'UTC');
        await tx.reviews.record(card.id, next, log);
      };
      const ada = await person(tx, 'ada');
      const bob = (await person(tx, 'bob')).member;
      const hid = (await person(tx, 'hid')).member;
      const far = (await person(tx, 'far', { workspace: 'other' })).member;
      for (const m of [ada.member.id, bob.id, hid.id, far.id])
        for (const t of [t1, t2]) await tx.reviews.create(m, t, newCard(NOW - 30 * DAY, 'UTC'), NOW - 30 * DAY);
      await logAt(ada.member.id, t1, NOW - 8 * DAY); // the week before
      await logAt(ada.member.id, t2, NOW - 6 * DAY);
      await logAt(ada.member.id, t1, NOW - DAY);
      await logAt(bob.id, t1, NOW - 2 * DAY);
      await logAt(bob.id, t2, NOW); // the period's end is not in it
      await logAt(hid.id, t1, NOW - DAY);
      await tx.members.updateSettings(hid.id, { privacy: 'hide' });
      await logAt(far.id, t1, NOW - DAY);
      return ada.workspace.id;
    });
    expect(await world.tx((tx) => tx.reviews.doneIn(ws, NOW - 7 * DAY, NOW))).toEqual({ answers: 3, members: 2 });
    expect(await world.tx((tx) => tx.reviews.doneIn(ws, NOW - 30 * DAY, NOW - 7 * DAY))).toEqual({
      answers: 1,
      members: 1,
    });
  });
});
