// `notes`, and my notes under `topic`: private, newest first, with their topics.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../helpers.ts';

let app: TestApp;
beforeEach(async () => (app = await createTestApp()));
afterEach(() => app.close());

const say = async (text: string, user?: { id: string; displayName?: string }) => textOf(await app.say(text, user));

describe('topic and notes', () => {
  it("shows my notes under the resources, newest first, and nobody else's", async () => {
    await app.say('note redis first thought');
    app.clock.advance(60_000);
    await app.say('note redis second thought');
    await app.say('note redis grace was here', { id: 'grace', displayName: 'Grace' });
    const reply = await app.say('topic redis');
    const text = textOf(reply);
    expect(text.indexOf('Resources')).toBeLessThan(text.indexOf('Your notes'));
    expect(text.indexOf('second thought')).toBeLessThan(text.indexOf('first thought'));
    expect(text).not.toContain('grace was here');
    expect(await say('topic express')).not.toContain('Your notes');
  });

  it('notes lists every note, newest first, with its topic', async () => {
    expect(await say('notes')).toContain('No notes yet');
    await app.say('note redis cache aside');
    app.clock.advance(60_000);
    await app.say('note express middleware order matters');
    const text = await say('notes');
    expect(text).toContain('Your notes (2)');
    expect(text).toMatch(
      /2\. Express\.js \(2026-11-26\): middleware order matters\n1\. Redis \(2026-11-26\): cache aside/,
    ); // numbered for `note edit`
  });
});
