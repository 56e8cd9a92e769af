// `progress`: a bar per section, the overall share, and my streak.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../helpers.ts';

let app: TestApp;
beforeEach(async () => (app = await createTestApp()));
afterEach(() => app.close());

const say = async (text: string, user?: Parameters<TestApp['say']>[1]) => textOf(await app.say(text, user));

describe('progress', () => {
  it('progress shows a bar per section and the overall percentage', async () => {
    await app.say('track go');
    await app.say('done gin');
    await app.say('done concurrency');
    await app.say('done mysql');
    const reply = await app.say('progress');
    const bars = reply.blocks.filter((b) => b.type === 'progress');
    expect(bars).toHaveLength(6);
    expect(bars[0]).toMatchObject({ label: 'Choose Your Backend Language', done: 2, total: 2 });
    expect(reply.heading).toBe('Your progress: 10%'); // 3 of 30
  });

  it('progress asks for a track while none is chosen', async () => {
    const reply = await app.say('progress');
    expect(reply.blocks[0]).toMatchObject({ type: 'progress', total: 0, note: expect.stringContaining('track') });
  });

  it('leaves skipped topics out of the totals', async () => {
    await app.say('track go');
    expect(await say('progress')).toContain('Overall: 0 of 30 topics done (0%)');
    await app.say('skip redis');
    await app.say('done mysql');
    expect(await say('progress')).toContain('Overall: 1 of 29 topics done (3%)');
  });
});
