// `streak [daily|weekdays]` and the streak lines of `progress`, through the core over real progress events.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../helpers.ts';

let app: TestApp;
beforeEach(async () => (app = await createTestApp()));
afterEach(() => app.close());

const say = async (text: string) => textOf(await app.say(text));
const topics = [
  'express',
  'redis',
  'mysql',
  'mongodb',
  'docker compose',
  'helm',
  'resolvers',
  'flask',
  'gin',
  'django',
];
/** One change a day at the given UTC hour, starting on a date: real progress events. */
async function studyDaily(start: string, count: number, hour = 12) {
  for (let i = 0; i < count; i++) {
    app.clock.set(new Date(Date.parse(`${start}T${String(hour).padStart(2, '0')}:00:00Z`) + i * 86_400_000));
    await app.say(`${i % 2 ? 'reset' : 'done'} ${topics[Math.floor(i / 2) % topics.length]}`);
  }
}

describe('streak', () => {
  it('shows current and longest in progress, with a freeze earned at 7 days and spent on a missed day', async () => {
    await studyDaily('2026-11-01', 7);
    app.clock.set('2026-11-08T20:00:00Z');
    expect(await say('progress')).toContain('Streak: 7 days (longest 7 days) · 1 freeze held.');
    app.clock.set('2026-11-09T20:00:00Z'); // the 8th was missed: the freeze covers it
    expect(await say('streak')).toContain('Your streak: 7 days (longest 7 days)');
    app.clock.set('2026-11-10T20:00:00Z'); // the 9th missed too, no freeze left
    expect(await say('progress')).toContain('Streak: 0 days (longest 7 days).');
  });

  it('counts days in my own time zone, so late evenings abroad do not break it', async () => {
    await studyDaily('2026-11-01', 3, 3); // 03:00 UTC is the evening before in Los Angeles
    app.clock.set('2026-11-03T10:00:00Z');
    expect(await say('streak')).toContain('Your streak: 3 days');
    expect(await say('timezone America/Los_Angeles')).toContain('Time zone set to America/Los_Angeles');
    expect(await say('timezone')).toContain('Your time zone is America/Los_Angeles.');
    expect(await say('streak')).toContain('Your streak: 3 days'); // Oct 31, Nov 1, Nov 2 local
    await app.say('timezone Asia/Tokyo');
    expect(await say('streak')).toContain('Days are counted in your time zone: Asia/Tokyo.');
  });

  it('does not break over a workspace holiday', async () => {
    await studyDaily('2026-11-10', 3);
    app.clock.set('2026-11-14T12:00:00Z'); // the 13th was missed
    await app.say('done flask');
    expect(await say('streak')).toContain('Your streak: 1 day (longest 3 days)');
    await app.q.holidays.add((await app.q.workspaces.find('terminal', 'local'))!.id, '2026-11-13');
    expect(await say('progress')).toContain('Streak: 4 days (longest 4 days).');
  });

  it('in weekday mode, a weekend does not break the streak', async () => {
    await studyDaily('2026-11-16', 5); // Monday to Friday
    app.clock.set('2026-11-23T12:00:00Z');
    await app.say('done flask'); // Monday again
    expect(await say('streak')).toContain('Your streak: 1 day (longest 5 days)');
    const set = await say('streak weekdays');
    expect(set).toContain('Streak mode: weekdays');
    expect(set).toContain('Your streak: 6 days (longest 6 days)');
    expect(await say('streak daily')).toContain('Your streak: 1 day');
    expect(await say('streak hourly')).toContain('Choose `streak daily` or `streak weekdays`');
  });

  it('always says how many freezes are held', async () => {
    expect(textOf(await app.say('streak'))).toContain('Freezes held: 0 of 2.');
    for (let day = 0; day < 7; day++) {
      await app.say(`done ${(await app.q.content.roadmap('backend'))!.topics[10 + day]!.path}`);
      app.clock.advance(86_400_000);
    }
    expect(textOf(await app.say('streak'))).toContain('Freezes held: 1 of 2.');
  });
});
