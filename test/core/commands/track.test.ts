// `track [choice]`: which track I follow in a pick-one section; changing it keeps my progress.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../helpers.ts';

let app: TestApp;
beforeEach(async () => (app = await createTestApp()));
afterEach(() => app.close());

const say = async (text: string, user?: Parameters<TestApp['say']>[1]) => textOf(await app.say(text, user));

describe('track', () => {
  it('track shows and changes the choice, keeping progress', async () => {
    expect(await say('track')).toContain('Choose Your Backend Language: not chosen yet.');
    expect(await say('track rails')).toContain('Your track: Ruby on Rails');
    await app.say('done active record');
    expect(await say('track node')).toContain('Your track: Node.js');
    expect(await say('track')).toContain('you follow Node.js');
    expect(await say('topic active record')).toContain('Your progress: done');
    expect(await say('track cobol')).toContain('There is no single track called');
  });

  it('`track` marks the current track', async () => {
    await app.say('track python');
    const reply = await app.say('track');
    expect(reply.buttons.find((b) => b.command === 'track python')).toEqual({
      label: '✓ Python (yours)',
      command: 'track python',
      style: 'primary',
    });
    expect(reply.buttons.find((b) => b.command === 'track go')!.label).toBe('Go');
    expect(textOf(await app.say('track python'))).toContain('You already follow Python');
  });
});
