// `note <topic> <text>`: a private note on a topic, split from the topic naturally, kept as user text.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, rowCounts, type TestApp, textOf } from '../../helpers.ts';

let app: TestApp;
beforeEach(async () => (app = await createTestApp()));
afterEach(() => app.close());

const say = async (text: string, user?: { id: string; displayName?: string }) => textOf(await app.say(text, user));
const notesIn = async () =>
  await app.sql.all('select t.title, n.text from notes n join topics t on t.id = n.topic_id order by n.id');

describe('note', () => {
  it('takes the leading words when only they name a topic, or splits at "|"', async () => {
    expect(await say('note redis use SCAN, not KEYS, in production')).toContain('Noted on Redis');
    expect(await say('note jwt token | rotate signing keys monthly')).toContain('Noted on Token Structure');
    expect(await say('note backend/apis/graphql/resolvers | watch N+1')).toContain('Noted on Resolvers');
    expect(await say('note backend/apis/graphql/resolvers batch with dataloader')).toContain('Noted on Resolvers');
    expect(await notesIn()).toEqual([
      { title: 'Redis', text: 'use SCAN, not KEYS, in production' },
      { title: 'Token Structure', text: 'rotate signing keys monthly' },
      { title: 'Resolvers', text: 'watch N+1' },
      { title: 'Resolvers', text: 'batch with dataloader' },
    ]);
  });

  it('refuses a note without text, an unknown topic, and one that is too long, keeping nothing', async () => {
    const before = await rowCounts(app);
    expect(await say('note redis')).toContain('What is the note on Redis?');
    expect(await say('note')).toContain('Which topic?');
    expect(await say('note quantum basket weaving is fun')).toContain("I couldn't tell which topic");
    expect(await say(`note redis ${'x'.repeat(1000)}`)).toMatch(/commands are at most 1000|a note holds at most 1,000/);
    expect(await rowCounts(app)).toEqual(before);
    // a long note that fits is kept whole
    expect(await say(`note redis ${'x'.repeat(980)}`)).toContain('Noted on Redis');
    expect(((await notesIn())[0] as { text: string }).text).toHaveLength(980);
  });

  it('keeps notes as user text, so renderers escape them', async () => {
    const reply = await app.say('note redis <!channel> ping');
    expect(reply.blocks[0]).toEqual({ type: 'text', spans: [{ user: '<!channel> ping' }] });
  });
});
