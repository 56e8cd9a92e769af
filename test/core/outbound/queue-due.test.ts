// The tick: due schedules become outbox rows once (per schedule and local date), holidays and old misses are
// skipped and counted, and late ones within two hours still go.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { queueDue } from '../../../src/core/outbound/queue-due.ts';
import { createStore } from '../../../src/store/index.ts';
import { createTestApp, type TestApp } from '../../helpers.ts';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp({ now: '2026-11-26T08:00:00Z' });
});
afterEach(() => app.close());
const at = (iso: string) => Date.parse(iso);
const rows = async () =>
  (await app.sql.all(
    'select key, status, last_error as "lastError", due_at as "dueAt" from deliveries order by id',
  )) as {
    key: string;
    status: string;
    lastError: string | null;
  }[];

it('queues each due nudge once, however often and from however many processes it ticks', async () => {
  for (const id of ['a', 'b', 'c']) await app.say('remind 09:00 UTC', { id });
  expect((await app.core.outbound.queueDue(at('2026-11-26T08:59:59Z'))).queued).toBe(0);
  const other = createStore(app.database); // a second process on the same database file, ticking at the same time
  const results = await Promise.all([
    app.core.outbound.queueDue(at('2026-11-26T09:00:00Z')),
    queueDue({ store: other }, at('2026-11-26T09:00:30Z')),
  ]);
  expect(results[0].queued + results[1].queued).toBe(3);
  await app.core.outbound.queueDue(at('2026-11-26T09:01:00Z'));
  expect((await rows()).map((r) => r.key)).toEqual(['1:2026-11-26', '2:2026-11-26', '3:2026-11-26']);
  expect((await rows()).every((r) => r.status === 'pending')).toBe(true);
  expect(new Date((await app.q.schedules.byId(1))!.nextDueAt!).toISOString()).toBe('2026-11-27T09:00:00.000Z');
});

it('after an outage sends what is less than 2 hours late and skips (and counts) what is older', async () => {
  app.clock.set('2026-11-26T05:00:00Z');
  await app.say('remind 06:00 UTC', { id: 'early' });
  await app.say('remind 07:30 UTC', { id: 'late' });
  const counted: string[] = [];
  // down 05:00–09:00
  const result = await app.core.outbound.queueDue(at('2026-11-26T09:00:00Z'), { count: (_p, o) => counted.push(o) });
  expect(result).toEqual({ queued: 1, skipped: 1 });
  expect(await rows()).toMatchObject([
    { key: '1:2026-11-26', status: 'skipped', lastError: 'missed' },
    { key: '2:2026-11-26', status: 'pending' },
  ]);
  expect(counted).toEqual(['skipped_missed']);
  expect(new Date((await app.q.schedules.byId(1))!.nextDueAt!).toISOString()).toBe('2026-11-27T06:00:00.000Z');
});

it('after days down, skips once and resumes at the next occurrence instead of walking each missed day', async () => {
  await app.say('remind 09:00 UTC');
  const result = await app.core.outbound.queueDue(at('2026-12-01T10:30:00Z'));
  expect(result).toEqual({ queued: 1, skipped: 1 }); // 26 Nov missed; 1 Dec is 1.5 h late and goes
  expect((await rows()).map((r) => `${r.key} ${r.status}`)).toEqual(['1:2026-11-26 skipped', '1:2026-12-01 pending']);
});

it("skips a workspace holiday in the member's local date, and respects snooze and weekday sets", async () => {
  await app.say('holiday add 2026-11-27', { isAdmin: true });
  await app.say('remind 09:00 UTC', { id: 'ada' });
  await app.say('remind 09:00 UTC mon-fri', { id: 'bob' });
  await app.say('remind 09:00 UTC', { id: 'cy' });
  await app.say('snooze 1d', { id: 'cy' }); // at 08:00 Thursday: no nudge until Friday 08:00
  for (const day of ['2026-11-26', '2026-11-27', '2026-11-28'])
    await app.core.outbound.queueDue(at(`${day}T09:00:00Z`));
  expect((await rows()).map((r) => `${r.key} ${r.status}${r.lastError ? ` ${r.lastError}` : ''}`)).toEqual([
    '1:2026-11-26 pending',
    '2:2026-11-26 pending',
    '1:2026-11-27 skipped holiday',
    '2:2026-11-27 skipped holiday',
    '3:2026-11-27 skipped holiday',
    '1:2026-11-28 pending',
    '3:2026-11-28 pending', // bob has no Saturday
  ]);
});
