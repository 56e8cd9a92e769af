// `review`: a finished topic comes back days later as a recall question; Reveal shows the summary and resources, and
// one of four answers (FSRS's ratings) records it and says when it returns. Every press is a command text. The last
// test walks a member through 400 days of answers across both DST changes of their zone and checks every interval
// against ts-fsrs itself.
import { DateTime } from 'luxon';
import { createEmptyCard, fsrs, generatorParameters, Rating } from 'ts-fsrs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../helpers.ts';

let app: TestApp;
beforeEach(async () => (app = await createTestApp())); // Thu 26 Nov 2026, 09:00 UTC
afterEach(() => app.close());

const DAY = 86_400_000;
const say = async (text: string) => textOf(await app.say(text));
const logCount = async () => (await app.sql.get<{ n: number }>('select count(*) as "n" from review_logs'))!.n;

describe('review', () => {
  it('brings a finished topic back three days later: question, reveal, answer, next date', async () => {
    expect(await say('done redis')).toContain('A short recall check on it comes in 3 days, on Sun 29 Nov.');
    const early = await app.say('review');
    expect(early.heading).toBe('Nothing to review');
    expect(textOf(early)).toContain('Your next review is in 3 days, on Sun 29 Nov.');

    app.clock.set('2026-11-29T08:00:00Z');
    const asked = await app.say('review');
    expect(asked.heading).toBe('Recall: Redis');
    expect(textOf(asked)).toContain('Why is Redis fast, and what do you risk by keeping data only in memory?');
    expect(textOf(asked)).not.toContain('in-memory key-value store'); // the summary waits for Reveal
    expect(asked.buttons).toEqual([
      { label: 'Reveal', command: 'review reveal backend/databases-storage/nosql-databases/redis', style: 'primary' },
    ]);

    const shown = await app.say(asked.buttons[0]!.command);
    expect(textOf(shown)).toContain('Use Redis as a fast in-memory key-value store');
    expect(textOf(shown)).toContain('Redis — Data Types');
    expect(shown.buttons.map((b) => [b.label, b.command])).toEqual([
      ['Forgot', 'review backend/databases-storage/nosql-databases/redis again'],
      ['Hard', 'review backend/databases-storage/nosql-databases/redis hard'],
      ['Got it', 'review backend/databases-storage/nosql-databases/redis good'],
      ['Easy', 'review backend/databases-storage/nosql-databases/redis easy'],
    ]);

    const good = await app.say('review backend/databases-storage/nosql-databases/redis good');
    expect(good.heading).toBe('Recalled: Redis');
    const card = (await app.sql.get<{ dueAt: number; reps: number }>(
      'select due_at as "dueAt", reps as "reps" from review_cards',
    ))!;
    expect(card.reps).toBe(1);
    expect(card.dueAt).toBeGreaterThan(Date.parse('2026-11-30T00:00:00Z'));
    const back = DateTime.fromMillis(card.dueAt, { zone: 'UTC' });
    expect(textOf(good)).toContain(
      `It comes back in ${Math.round(back.diff(DateTime.fromISO('2026-11-29T00:00:00Z'), 'days').days)} days`,
    );
    // The same button again (a double press, an old message) counts nothing.
    const again = await app.say('review backend/databases-storage/nosql-databases/redis good');
    expect(again.heading).toBe('Redis is not due yet');
    expect(await logCount()).toBe(1);
  });

  it('asks the longest overdue first and counts the rest; a later question of the same topic takes its turn', async () => {
    await app.say('done redis');
    app.clock.advance(DAY);
    await app.say('done mysql');
    app.clock.set('2026-12-10T09:00:00Z');
    const first = await app.say('review');
    expect(first.heading).toBe('Recall: Redis');
    expect(textOf(first)).toContain('1 more review due after this one.');
    await app.say('review redis again');
    const second = await app.say('review');
    expect(second.heading).toBe('Recall: MySQL');
    expect(textOf(second)).not.toContain('more review');
    await app.say('review mysql easy');
    // Forgotten redis comes back within days and asks its second question.
    app.clock.set('2026-12-20T09:00:00Z');
    const redis = await app.say('review');
    expect(redis.heading).toBe('Recall: Redis');
    expect(textOf(redis)).toContain('Sketch a per-user rate limiter built from a Redis counter with an expiry.');
  });

  it('says when the next one is when nothing is due, and forgets the card on reset', async () => {
    expect(await say('review')).toContain('`done <topic>` starts one');
    await app.say('done redis');
    await app.say('reset redis');
    app.clock.set('2026-12-10T09:00:00Z');
    expect(await say('review')).toContain('`done <topic>` starts one');
    expect(await app.sql.get('select count(*) as "n" from review_cards')).toEqual({ n: 0 });
    await expect(say('review reveal redis')).resolves.toContain('Redis has no review');
  });

  it('puts no pressure on a snoozed member, and reviews anyway when asked', async () => {
    await app.say('remind 09:00');
    await app.say('done redis');
    app.clock.set('2026-11-30T10:00:00Z');
    await app.say('snooze 1w');
    const resting = await app.say('review');
    expect(resting.heading).toBe('Reviews can wait');
    expect(textOf(resting)).toContain('Your nudges are snoozed');
    expect(resting.buttons).toEqual([{ label: 'Review anyway', command: 'review now' }]);
    expect((await app.say('review now')).heading).toBe('Recall: Redis');
    await app.say('snooze off');
    expect((await app.say('review')).heading).toBe('Recall: Redis');
  });

  it('waits on a team holiday too', async () => {
    await app.say('done redis');
    await app.say('holiday add 2026-11-30', { isAdmin: true });
    app.clock.set('2026-11-30T10:00:00Z');
    expect(textOf(await app.say('review'))).toContain('Today is a team holiday');
    app.clock.set('2026-12-01T10:00:00Z');
    expect((await app.say('review')).heading).toBe('Recall: Redis');
  });

  it('progress counts the due topics and shows the estimated recall per section, as FSRS computes it', async () => {
    expect(await say('progress')).not.toContain('Reviews');
    await app.say('done redis');
    await app.say('done mysql');
    expect(await say('progress')).toContain('No reviews due; the next is in 3 days, on Sun 29 Nov.');
    app.clock.set('2026-11-29T09:00:00Z');
    const due = await app.say('progress');
    expect(textOf(due)).toContain('2 finished topics due for review');
    expect(due.buttons[0]).toEqual({ label: 'Review', command: 'review', style: 'primary' });
    await app.say('review redis good');
    await app.say('review mysql hard');
    app.clock.set('2026-12-09T09:00:00Z');
    const f = fsrs(generatorParameters({ enable_short_term: false, enable_fuzz: false }));
    const at = new Date('2026-11-29T09:00:00Z');
    const recall = (rating: typeof Rating.Good | typeof Rating.Hard) =>
      f.get_retrievability(
        f.next(createEmptyCard(new Date('2026-11-26T09:00:00Z')), at, rating).card,
        app.clock.now(),
        false,
      );
    const expected = Math.round(((recall(Rating.Good) + recall(Rating.Hard)) / 2) * 100);
    expect(expected).toBeLessThan(100);
    const shown = await app.say('progress');
    const bar = shown.blocks.find((b) => b.type === 'progress' && b.note?.startsWith('estimated recall'));
    expect(bar).toEqual({
      type: 'progress',
      label: 'Databases & Storage',
      done: expected,
      total: 100,
      note: 'estimated recall over 2 reviewed topics',
    });
  });

  it('a day with only a review answered still counts for the streak', async () => {
    await app.say('done redis'); // Thu
    app.clock.set('2026-11-27T09:00:00Z');
    await app.say('done mysql'); // Fri
    app.clock.set('2026-11-28T09:00:00Z');
    await app.say('done postgresql'); // Sat
    app.clock.set('2026-11-29T09:00:00Z'); // Sun: redis is due, nothing else is done
    expect(await say('streak')).not.toContain('4 days');
    await app.say('review redis good');
    expect(await say('streak')).toContain('4 days');
  });

  it('export includes the cards and every answer, times in ISO 8601', async () => {
    await app.say('done redis');
    app.clock.set('2026-11-29T09:00:00Z');
    await app.say('review redis hard');
    const file = (await app.say('export')).files![0]!;
    const data = JSON.parse(file.content);
    expect(data.reviewCards).toEqual([
      expect.objectContaining({
        topic: 'backend/databases-storage/nosql-databases/redis',
        reps: 1,
        lastReviewAt: '2026-11-29T09:00:00.000Z',
        createdAt: '2026-11-26T09:00:00.000Z',
      }),
    ]);
    expect(data.reviewLogs).toEqual([
      expect.objectContaining({
        rating: 2,
        state: 0,
        dueAt: '2026-11-29T00:00:00.000Z',
        reviewedAt: '2026-11-29T09:00:00.000Z',
      }),
    ]);
  });

  it('refuses words it cannot read and topics without a card, changing nothing', async () => {
    await app.say('done redis');
    expect(await say('review redis maybe')).toContain("I can't tell what to review from");
    expect(await say('review mysql good')).toContain('MySQL has no review');
    // An ambiguous name offers the topics, each button still carrying the answer.
    expect(await say('review graphql good')).toContain('[Resolvers: review graphql/resolvers good]');
    expect(await logCount()).toBe(0);
  });

  it('schedules 400 days of answers exactly as ts-fsrs does, in days of the member zone across DST', async () => {
    await app.say('timezone Europe/Berlin');
    const zone = 'Europe/Berlin';
    app.clock.set('2026-11-26T18:30:00Z'); // 19:30 in Berlin
    await app.say('done redis');
    const f = fsrs(generatorParameters({ enable_short_term: false, enable_fuzz: false }));
    let expected = createEmptyCard(app.clock.now());
    const ratings = { good: Rating.Good, hard: Rating.Hard, again: Rating.Again } as const;
    const pattern = ['good', 'good', 'hard', 'good', 'again', 'good', 'hard', 'good', 'good'] as const;
    const end = Date.parse('2027-12-31T00:00:00Z');
    const dueRow = async () =>
      (await app.sql.get<{ dueAt: number }>('select due_at as "dueAt" from review_cards'))!.dueAt;
    let due = await dueRow();
    expect(DateTime.fromMillis(due, { zone }).toISO()).toBe('2026-11-29T00:00:00.000+01:00');
    const offsets = new Set<number>();
    let reviews = 0;
    while (due < end) {
      // The member answers at 07:15 local time on the day the card is due (so winter and summer time both occur).
      const at = DateTime.fromMillis(due, { zone }).set({ hour: 7, minute: 15 });
      offsets.add(at.offset);
      app.clock.set(at.toJSDate());
      // A minute before its day begins the card is not due; at 07:15 it is.
      expect((await app.say('review')).heading).toMatch(/^Recall: Redis$/);
      const given = pattern[reviews % pattern.length]!;
      await app.say(`review redis ${given}`);
      const { card } = f.next(expected, at.toJSDate(), ratings[given]);
      expected = card;
      due = await dueRow();
      const gotDays = Math.round(DateTime.fromMillis(due, { zone }).diff(at.startOf('day'), 'days').days);
      expect(gotDays, `review ${reviews + 1} (${given}) on ${at.toISODate()}`).toBe(card.scheduled_days);
      expect(DateTime.fromMillis(due, { zone }).toFormat('HH:mm'), 'due from local midnight').toBe('00:00');
      const stored = (await app.sql.get<{ s: number; d: number }>(
        'select stability as "s", difficulty as "d" from review_cards',
      ))!;
      expect([stored.s, stored.d]).toEqual([card.stability, card.difficulty]);
      // The day before it is due, nothing is.
      app.clock.set(DateTime.fromMillis(due, { zone }).minus({ minutes: 1 }).toJSDate());
      expect((await app.say('review')).heading).toBe('Nothing to review');
      reviews++;
    }
    expect(reviews).toBeGreaterThanOrEqual(8);
    expect(offsets).toEqual(new Set([60, 120])); // answered in winter and in summer time
    expect(await logCount()).toBe(reviews);
  });
});
