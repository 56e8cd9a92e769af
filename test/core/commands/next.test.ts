// `next`: the topic to study now — the one in progress first, else the first not done on my track, else the end.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../helpers.ts';

let app: TestApp;
beforeEach(async () => (app = await createTestApp()));
afterEach(() => app.close());

const say = async (text: string, user?: Parameters<TestApp['say']>[1]) => textOf(await app.say(text, user));

describe('next', () => {
  it('offers the track choice first, then walks only the chosen group, in roadmap order', async () => {
    const first = await app.say('next');
    expect(first.heading).toBe('Choose Your Backend Language');
    expect(first.buttons.map((b) => b.command)).toEqual([
      'track nodejs',
      'track python',
      'track go',
      'track ruby-on-rails',
    ]);
    await app.say('track python');
    const next = await app.say('next');
    expect(next.heading).toBe('Next: Flask');
    expect(textOf(next)).toContain("Why this one: it is the first topic on the roadmap you haven't done yet.");
    expect(next.buttons.map((b) => b.label)).toEqual(['Start', 'Done', 'Skip']);
    await app.say('done flask');
    await app.say('skip django');
    await app.say('done pandas');
    expect((await app.say('next')).heading).toBe('Next: MySQL'); // Node.js, Go and Rails are not on a Python track
    expect(await say('next')).toContain('you skipped 1 before it');
  });

  it('returns the topic in progress first, and says why', async () => {
    await app.say('track go');
    app.clock.set('2026-11-20T10:00:00Z');
    await app.say('start redis');
    app.clock.set('2026-11-26T10:00:00Z');
    const reply = await app.say('next');
    expect(reply.heading).toBe('Keep going: Redis');
    expect(textOf(reply)).toContain('you started it on 2026-11-20');
    expect(reply.buttons.map((b) => b.label)).toEqual(['Done', 'Skip', 'Reset']);
  });

  it('congratulates when everything is done or skipped', async () => {
    await app.say('track go');
    const topics = (await app.q.content.roadmap('backend'))!.topics.filter((t) => !t.pickOne || t.groupSlug === 'go');
    for (const t of topics) await app.say(`done ${t.path}`);
    expect((await app.say('next')).heading).toMatch(/finished the roadmap/);
  });
});
