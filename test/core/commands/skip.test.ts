// `skip <topic>`: a topic I will not study leaves my totals, and `next` moves past it.
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

describe('skip', () => {
  it('takes the topic out of my totals and out of next', async () => {
    await app.say('track go');
    const first = (await app.say('next')).heading!;
    expect(first).toMatch(/^Next: /);
    const skipped = await app.say(`skip ${first.slice('Next: '.length)}`);
    expect(skipped.heading).toBe(`Skipped ${first.slice('Next: '.length)}`);
    // 30 on the Go track, one skipped
    expect(textOf(skipped)).toContain('You have done 0 of 29 topics on your roadmap.');
    expect((await app.say('next')).heading).not.toBe(first);
    expect(await say('next')).toContain('you skipped 1 before it');
  });

  it('says so when the topic is skipped already, and a reset brings it back', async () => {
    await app.say('skip helm');
    expect(await say('skip helm')).toContain('Helm is already skipped');
    await app.say('reset helm');
    expect(await stateOf('helm')).toBeUndefined();
  });
});
