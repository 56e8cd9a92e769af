// `done <topic>`: mark a topic done; the reply counts my progress, keeps the streak in view and celebrates endings.
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

describe('done, as a coach says it', () => {
  it('marks the topic done once: a second done changes nothing and says so', async () => {
    await app.say('track go');
    const reply = await app.say('done redis');
    expect(reply.heading).toBe('✓ Done: Redis');
    expect(textOf(reply)).toContain('You have done 1 of 30 topics on your roadmap.');
    expect(await stateOf('redis')).toBe('done');
    expect((await app.say('done redis')).heading).toBe('Redis is already done');
    expect(await app.sql.get("select count(*) n from progress_events where to_state = 'done'")).toEqual({
      n: 1,
    });
  });

  it('mentions the streak, and celebrates a finished section', async () => {
    await app.say('track go');
    const first = await say('done mysql');
    expect(first).toContain('Streak: 1 day');
    for (const t of ['postgresql', 'sqlite', 'mongodb']) expect(await say(`done ${t}`)).not.toContain('That finishes');
    expect(await say('done redis')).toContain('🎉 That finishes Databases & Storage! All 5 topics done.');
  });

  it('celebrates the whole roadmap on the last topic', async () => {
    await app.say('track go');
    const topics = (await app.q.content.roadmap('backend'))!.topics.filter((t) => !t.pickOne || t.groupSlug === 'go');
    let last = '';
    for (const t of topics) last = await say(`done ${t.path}`);
    expect(last).toContain('You have finished the whole roadmap!');
  });
});
