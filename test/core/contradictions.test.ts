// Answers that contradicted each other: an empty board for a hidden member who has points, "be the first" for a week
// that is over, a Leaderboard button with boards off, a snooze naming two different ends, a holiday in the past.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../helpers.ts';

let app: TestApp;
beforeEach(async () => (app = await createTestApp({ now: '2026-12-02T13:06:30Z' }))); // a Wednesday
afterEach(() => app.close());

const as = (name: string) => ({ id: name.toLowerCase(), displayName: name, isAdmin: true });
const say = async (line: string, who = 'Ada') => textOf(await app.say(line, as(who)));

describe('a hidden member with points', () => {
  it('alone: the board and team neither say nobody has finished nor rank them 1st', async () => {
    await app.say('done redis', as('Ada'));
    await app.say('privacy hide', as('Ada'));
    const board = await say('leaderboard');
    expect(board).not.toContain('Nobody has finished');
    expect(board).not.toContain('Be the first');
    expect(board).not.toContain('rank 1st');
    expect(board).toContain('Nobody who appears on boards has finished a topic in this period.');
    expect(board).toContain('You: 1 point, 1 active day, hidden from boards');
    const team = await say('team');
    expect(team).not.toContain('Nobody here has finished');
    expect(team).toContain('Nobody who appears in the team view has finished a topic yet.');
    expect(team).toContain('You are hidden from this view');
  });

  it('with a visible teammate who has none: Grace is not told to be the first either', async () => {
    await app.say('done redis', as('Ada'));
    await app.say('privacy hide', as('Ada'));
    expect(await say('leaderboard', 'Grace')).not.toContain('Be the first');
    expect(await say('team', 'Grace')).not.toContain('Nobody here has finished');
  });
});

describe('an empty board for a week that is over', () => {
  it('says nobody finished, not "be the first"', async () => {
    const text = await say('leaderboard lastweek');
    expect(text).toContain('Nobody finished a topic last week.');
    expect(text).not.toContain('Be the first');
    expect(await say('leaderboard')).toContain('Be the first'); // this week is still open
  });
});

describe('with leaderboards off', () => {
  it('team offers no Leaderboard button', async () => {
    await app.say('settings leaderboard off', as('Ada'));
    const team = await app.say('team', as('Ada'));
    expect(team.buttons.map((b) => b.command)).not.toContain('leaderboard');
  });
});

describe("snooze after today's nudge", () => {
  it('names one instant, the next nudge', async () => {
    app.clock.set('2026-12-01T12:00:00Z');
    await app.say('remind 13:06 UTC', as('Ada'));
    app.clock.set('2026-12-02T13:06:30Z'); // today's 13:06 nudge has just gone
    const text = await say('snooze');
    expect(text).toContain('Next nudge: Fri 4 Dec, 13:06 (UTC); none before it.');
    expect(text).not.toContain('Thu 3 Dec');
    expect(await say('remind')).toContain('Next: Fri 4 Dec, 13:06 (snoozed until then)');
  });
});

describe('holiday add', () => {
  it('refuses a day in the past, and takes today', async () => {
    expect(await say('holiday add 2020-01-01')).toContain('2020-01-01 is in the past.');
    expect(await say('holiday add 2026-12-01')).toContain('is in the past');
    expect(await app.q.holidays.datesOf(1)).toEqual([]);
    expect(await say('holiday add 2026-12-02')).toContain('Holiday added');
  });
});
