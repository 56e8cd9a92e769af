// What start, done, skip and reset share (set-state.ts): each change recorded once with its event, a finished topic
// never quietly taken back, and a topic off the member's track kept and explained. Each verb has its own file too.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../helpers.ts';

let app: TestApp;
beforeEach(async () => (app = await createTestApp()));
afterEach(() => app.close());

const say = async (text: string) => textOf(await app.say(text));
const doneCount = async () =>
  ((await app.sql.get('select coalesce(sum(done_count), 0) n from member_stats')) as { n: number }).n;
const stateOf = async (slug: string) =>
  (
    (await app.sql.get('select p.state from progress p join topics t on t.id = p.topic_id where t.slug = @slug', {
      slug,
    })) as { state: string } | undefined
  )?.state;

describe('start or skip on a finished topic', () => {
  it.each(['start', 'skip'])(
    '%s asks first, and the point stays on the board until the member confirms',
    async (verb) => {
      await app.say('track nodejs');
      await app.say('done express');
      const asked = await app.say(`${verb} express`);
      expect(asked.heading).toBe('Express.js is done');
      expect(await stateOf('expressjs')).toBe('done');
      expect(await doneCount()).toBe(1);
      expect(await say('leaderboard')).toContain('1. Ada — 1 point');
      expect(asked.buttons.map((b) => b.label)).toContain('Keep it done');

      const confirm = asked.buttons.find((b) => b.command.endsWith(' confirm'))!;
      expect(confirm.command).toBe(`${verb} backend/choose-your-backend-language/nodejs/expressjs confirm`);
      await app.say(confirm.command);
      expect(await stateOf('expressjs')).toBe(verb === 'start' ? 'learning' : 'skipped');
      expect(await doneCount()).toBe(0); // member_stats follows the change the member asked for
      expect(await say('leaderboard')).not.toContain('1 point');
    },
  );
});

describe('a topic on a track the member does not follow', () => {
  it('is kept, explained, offered as a track switch, and counted in progress once followed', async () => {
    const reply = await app.say('done express');
    const text = textOf(reply);
    expect(text).toContain(
      'Express.js is on the Node.js track, and you have not chosen a track yet: it is kept, and counts once you ' +
        'follow Node.js.',
    );
    expect(reply.buttons).toContainEqual({ label: 'Follow Node.js', command: 'track nodejs', style: 'primary' });
    expect(await stateOf('expressjs')).toBe('done');

    const progress = await app.say('progress');
    expect(textOf(progress)).toContain('1 done on Node.js, not counted');
    expect(textOf(progress)).toContain("Kept but not counted, on a track you don't follow: 1 on Node.js.");
    expect(progress.buttons).toContainEqual({ label: 'Follow Node.js', command: 'track nodejs' });

    await app.say('track python');
    expect(await say('progress')).toContain('1 done on Node.js, not counted');
    await app.say('track node');
    const counted = await say('progress');
    expect(counted).toContain('Overall: 1 of 31 topics done');
    expect(counted).not.toContain('not counted');
  });
});

describe('start, done, skip, reset', () => {
  it('records each change once, with its event, and reports the count', async () => {
    await app.say('track nodejs');
    expect(await say('done express')).toContain('Done: Express.js');
    expect(await say('done express')).toContain('Express.js is already done');
    expect(await say('start jwt token')).toContain('Started Token Structure');
    expect(await say('skip helm')).toContain('Skipped Helm');
    const events = await app.sql.all('select from_state, to_state from progress_events order by id');
    expect(events).toEqual([
      { from_state: null, to_state: 'done' },
      { from_state: null, to_state: 'learning' },
      { from_state: null, to_state: 'skipped' },
    ]);
    expect(await say('reset express')).toContain('Reset Express.js');
    expect(await say('reset express')).toContain('You have not started Express.js: nothing to reset');
    expect(await app.sql.get('select count(*) n from progress_events')).toEqual({ n: 4 });
    expect(await say('progress')).toContain('Overall: 0 of 30 topics done (0%)'); // 31 on the Node track, 1 skipped
  });
});
