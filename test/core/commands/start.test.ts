// `start <topic>`: mark a topic as being learned; `next` then keeps coming back to it.
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

describe('start', () => {
  it('marks the topic learning, and next comes back to it until it is done', async () => {
    await app.say('track go');
    const reply = await app.say('start redis');
    expect(reply.heading).toBe('Started Redis');
    expect(await stateOf('redis')).toBe('learning');
    expect(reply.buttons.map((b) => b.label)).toEqual(['Done', 'Skip', 'Next topic']);
    expect((await app.say('next')).heading).toBe('Keep going: Redis');
    await app.say('done redis');
    expect((await app.say('next')).heading).not.toBe('Keep going: Redis');
  });

  it('says plainly when the topic is already being learned', async () => {
    await app.say('start mysql');
    expect(await say('start mysql')).toContain('You are already learning MySQL');
  });

  it('`start jwt confirm` offers each JWT topic with the confirmation carried along', async () => {
    const reply = await app.say('start jwt confirm');
    expect(reply.buttons.map((b) => b.command)).toEqual([
      'start jwt/token-structure confirm',
      'start jwt/authorization confirm',
    ]);
    await app.say('done token structure');
    await app.say(reply.buttons[0]!.command);
    expect(await stateOf('token-structure')).toBe('learning');
  });
});
