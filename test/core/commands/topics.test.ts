// `topics [section]`: the sections with my counts, and one section's topics with my marks.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../helpers.ts';

let app: TestApp;
beforeEach(async () => (app = await createTestApp()));
afterEach(() => app.close());

const say = async (text: string, user?: Parameters<TestApp['say']>[1]) => textOf(await app.say(text, user));

describe('topics', () => {
  it('topics lists sections, and one section by name or number with my marks', async () => {
    await app.say('done redis');
    expect(await say('topics')).toContain('2. Databases & Storage — 1/5 done');
    for (const query of ['databases', '2', 'storage']) {
      const reply = await app.say(`topics ${query}`);
      expect(reply.heading).toBe('Databases & Storage');
      expect(textOf(reply)).toContain('● Redis');
    }
    expect(await say('topics cooking')).toContain('There is no section called');
  });

  it('offers a button for each section, and marks each topic of one with my state', async () => {
    const all = await app.say('topics');
    expect(all.buttons).toHaveLength(6);
    expect(all.buttons[1]).toEqual({ label: '2. Databases & Storage', command: 'topics databases-storage' });
    await app.say('start mysql');
    await app.say('skip mongodb');
    const section = await say('topics databases');
    for (const line of ['◐ MySQL', '– MongoDB', '○ Redis']) expect(section).toContain(line);
    expect(await say('topics 1')).toContain('Pick one track with `track <name>`.');
    await app.say('track go');
    expect(await say('topics 1')).toContain('Your track: Go.');
  });
});
