// Reviews ride on the daily nudge: at most three due ones, each a question and a Reveal button (command text), in the
// same message. They lead when no topic is in progress and follow the topic when one is; a snoozed member or a
// holiday gets no nudge, so no review pressure either.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Reply } from '../../../src/core/model/reply.ts';
import { createTestApp, type TestApp, textOf } from '../../helpers.ts';

let app: TestApp;
beforeEach(async () => (app = await createTestApp({ now: '2026-11-26T08:00:00Z' }))); // Thu 26 Nov
afterEach(() => app.close());

const REDIS = 'backend/databases-storage/nosql-databases/redis';
const REDIS_QUESTION = 'Why is Redis fast, and what do you risk by keeping data only in memory?';

/** The nudge as the scheduler would send it at 09:00 UTC on `day`: queued by the tick, composed at send time. */
async function nudgeOn(day: string): Promise<Reply | undefined> {
  const at = Date.parse(`${day}T09:00:00Z`);
  app.clock.set(new Date(at));
  await app.core.outbound.queueDue(at);
  const row = await app.q.deliveries.byKey(`1:${day}`);
  if (row?.status !== 'pending') return undefined;
  return app.core.outbound.compose({ scheduleId: row.scheduleId, dueAt: row.dueAt }, at);
}

async function finish(...topics: string[]) {
  await app.say('remind 09:00 UTC');
  await app.say('track nodejs');
  for (const t of topics) await app.say(`done ${t}`);
}

it('leads with the due reviews when no topic is in progress, the topic nudge after them', async () => {
  await finish('redis', 'mysql');
  const before = (await nudgeOn('2026-11-28'))!; // due on the 29th
  expect(textOf(before)).not.toContain('recall');
  expect(before.heading).toMatch(/^Time to study: /);

  const nudge = (await nudgeOn('2026-11-29'))!;
  expect(nudge.heading).toBe('Time to recall 2 finished topics');
  expect(nudge.blocks[0]).toEqual({
    type: 'list',
    items: [
      [{ strong: 'Redis: ' }, REDIS_QUESTION],
      [{ strong: 'MySQL: ' }, expect.stringMatching(/\?$|^[A-Z]/)],
    ],
  });
  expect(textOf(nudge)).toContain(before.heading!); // the topic nudge follows, under its own heading
  expect(textOf(nudge)).toContain('Streak:');
  expect(nudge.buttons.slice(0, 2)).toEqual([
    { label: 'Reveal: Redis', command: `review reveal ${REDIS}`, style: 'primary' },
    { label: 'Reveal: MySQL', command: expect.stringMatching(/^review reveal backend\/.+\/mysql$/) },
  ]);
  expect(nudge.buttons.slice(2).map((b) => b.command)).toEqual(before.buttons.map((b) => b.command));
  expect(nudge.buttons.filter((b) => b.style === 'primary')).toHaveLength(1);

  // One press reveals, one more records the answer: the nudge's buttons are the `review` command's.
  expect(textOf(await app.say(nudge.buttons[0]!.command))).toContain('Use Redis as a fast in-memory key-value store');
  expect((await app.say(`review ${REDIS} good`)).heading).toBe('Recalled: Redis');
  const next = (await nudgeOn('2026-11-30'))!;
  expect(next.heading).toBe('Time to recall: MySQL');
  expect(next.buttons.map((b) => b.command)).not.toContain(`review reveal ${REDIS}`);
});

it('follows the topic in progress, which keeps the lead', async () => {
  await finish('redis');
  await app.say('start mysql');
  const nudge = (await nudgeOn('2026-11-29'))!;
  expect(nudge.heading).toBe('Time to study: MySQL');
  expect(textOf(nudge)).toContain('you started it already');
  const texts = textOf(nudge).split('\n');
  expect(texts.indexOf('Time to recall: Redis')).toBeGreaterThan(texts.findIndex((l) => l.startsWith('Streak:')));
  expect(texts).toContain(`Redis: ${REDIS_QUESTION}`);
  expect(nudge.buttons[0]).toMatchObject({ label: 'Done', style: 'primary' });
  expect(nudge.buttons.at(-1)).toEqual({ label: 'Reveal: Redis', command: `review reveal ${REDIS}` });
});

it('carries at most three reviews and says when more are due', async () => {
  await finish('redis', 'mysql', 'mongodb', 'postgresql');
  const nudge = (await nudgeOn('2026-11-29'))!;
  expect(nudge.heading).toBe('Time to recall 3 finished topics');
  expect(nudge.buttons.filter((b) => b.command.startsWith('review reveal '))).toHaveLength(3);
  expect(textOf(nudge)).toContain('More are due: `review` asks them one by one.');
  await app.say(`review ${REDIS} good`);
  const after = (await nudgeOn('2026-11-30'))!;
  expect(after.buttons.filter((b) => b.command.startsWith('review reveal '))).toHaveLength(3);
  expect(textOf(after)).not.toContain('More are due');
});

it('puts no review pressure on a snoozed member or on a holiday', async () => {
  await finish('redis');
  app.clock.set('2026-11-29T08:00:00Z'); // the card is due today
  await app.say('snooze 1d');
  await app.say('holiday add 2026-11-30', { isAdmin: true });
  expect(await nudgeOn('2026-11-29')).toBeUndefined();
  expect(await app.q.deliveries.byKey('1:2026-11-29')).toBeUndefined();
  expect(await nudgeOn('2026-11-30')).toBeUndefined();
  expect(await app.q.deliveries.byKey('1:2026-11-30')).toMatchObject({ status: 'skipped', lastError: 'holiday' });
  expect(textOf((await nudgeOn('2026-12-01'))!)).toContain(REDIS_QUESTION);
});
