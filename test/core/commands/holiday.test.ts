// holiday: admins add and remove workspace days off; anyone lists them; the dates feed streaks as excused days.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../helpers.ts';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(() => app.close());

it('adds, lists and removes holidays, for admins only', async () => {
  expect(textOf(await app.say('holiday add 2026-12-25'))).toContain('for workspace admins');
  expect(textOf(await app.say('holiday add 2026-12-25', { isAdmin: true }))).toContain(
    'Fri 25 Dec 2026: no nudges that day',
  );
  expect(textOf(await app.say('holiday add 2026-12-25', { isAdmin: true }))).toContain('Already a holiday');
  await app.say('holiday add 2026-12-24', { isAdmin: true });
  expect(textOf(await app.say('holiday list'))).toContain('Thu 24 Dec 2026\nFri 25 Dec 2026');
  const workspace = await app.q.workspaces.find('terminal', 'local');
  expect(await app.q.holidays.datesOf(workspace!.id)).toEqual(['2026-12-24', '2026-12-25']);
  expect(textOf(await app.say('holiday remove 2026-12-24', { isAdmin: true }))).toContain('normal day again');
  expect(textOf(await app.say('holiday add 2026-02-30', { isAdmin: true }))).toContain('2026-02-30 is not a date');
  expect(textOf(await app.say('holidays'))).toContain('Fri 25 Dec 2026');
});
