// `reset <topic>`: clear my progress on a topic, taking back its point.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../helpers.ts';

let app: TestApp;
beforeEach(async () => (app = await createTestApp()));
afterEach(() => app.close());

const say = async (text: string) => textOf(await app.say(text));
const stateOf = async (slug: string) =>
  (
    (await app.sql.get('select p.state from progress p join topics t on t.id = p.topic_id where t.slug = @slug', {
      slug,
    })) as { state: string } | undefined
  )?.state;

describe('reset', () => {
  it('clears a done topic, and its point leaves the board', async () => {
    await app.say('done redis');
    expect(await say('leaderboard')).toContain('1. Ada — 1 point');
    const reply = await app.say('reset redis');
    expect(reply.heading).toBe('Reset Redis');
    expect(await stateOf('redis')).toBeUndefined();
    expect(await say('leaderboard')).toContain('Nobody has finished a topic in this period yet');
    expect(reply.buttons.map((b) => b.label)).not.toContain('Reset');
  });

  it('says plainly when there is nothing to reset', async () => {
    expect(await say('reset mysql')).toContain('You have not started MySQL: nothing to reset');
  });
});
