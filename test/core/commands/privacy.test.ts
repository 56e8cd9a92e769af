// `privacy [show|anonymous|hide]`: how I appear on boards and in the team view.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../helpers.ts';

let app: TestApp;
beforeEach(async () => (app = await createTestApp()));
afterEach(() => app.close());

const say = async (text: string) => textOf(await app.say(text));

describe('privacy', () => {
  it('shows and changes privacy', async () => {
    expect(await say('privacy')).toContain('Your privacy: show');
    expect(await say('privacy anonymous')).toContain('Privacy set to anonymous');
    expect(await say('privacy')).toContain('Boards and the team view show you as "a teammate".');
    expect(await say('privacy invisible')).toContain('Choose `privacy show`, `privacy anonymous` or `privacy hide`');
  });

  it('changes how boards and the team view show me', async () => {
    await app.say('done redis');
    expect(await say('leaderboard')).toContain('1. Ada — 1 point');
    await app.say('privacy anonymous');
    expect(await say('leaderboard')).toContain('1. a teammate — 1 point');
    await app.say('privacy hide');
    expect(await say('team')).toContain('You are hidden from this view');
    expect(await say('leaderboard')).toContain('hidden from boards (`privacy show` to appear)');
    expect((await app.say('privacy')).buttons.map((b) => b.command)).toEqual([
      'privacy show',
      'privacy anonymous',
      'privacy hide',
    ]);
  });
});
