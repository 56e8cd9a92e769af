// Topic lookup suggests only what is really close, searches summaries and resource titles below names, and never
// offers a button that changes anything on a guess.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, rowCounts, type TestApp, textOf } from '../../helpers.ts';

let app: TestApp;
beforeEach(async () => (app = await createTestApp()));
afterEach(() => app.close());

const STATE_VERBS = /^(start|done|skip|reset|note|track)\b/;

describe('suggestions need a real likeness', () => {
  it.each([
    ['blockchain', ['Unit Testing', 'Docker Containers']],
    ['3', ['S3 / Cloud Storage']],
    ['quantum basket weaving', ['Django', 'Pandas']],
  ])('"topic %s" suggests nothing unrelated', async (query, unrelated) => {
    const text = textOf(await app.say(`topic ${query}`));
    expect(text).toContain("I can't find a topic called");
    for (const title of unrelated) expect(text).not.toContain(title);
  });

  it('a whole name with small typos still works; a loose word-by-word likeness only opens', async () => {
    expect(textOf(await app.say('done reslovers'))).toContain('Done: Resolvers');
    const loose = await app.say('done remove'); // "remove" is two edits from "resolve…": a guess, not a name
    expect(textOf(loose)).toContain('Did you mean this one?');
    expect(loose.buttons).toEqual([{ label: 'Resolvers', command: 'topic backend/apis/graphql/resolvers' }]);
    expect((await app.say('topic kuberneetes pods')).heading).toBe('Pods & Deployments'); // opening is fine
  });

  it('"topic 3" points at sections, which do have numbers', async () => {
    expect(textOf(await app.say('topic 3'))).toContain('`topics 3`');
  });

  it('a near miss is still suggested, with a button that only opens it', async () => {
    const reply = await app.say('topic graphql resolverz schema');
    expect(reply.buttons.every((b) => b.command.startsWith('topic '))).toBe(true);
  });

  it.each([
    'done blockchain',
    'start websocketz',
    'skip 3',
    'reset caching',
    'done caching',
    'done passport',
    'start tokn structur ok',
    'done remove',
    'done kuberneetes pods',
  ])('"%s" offers no button that changes state, and changes nothing', async (line) => {
    await app.say('progress'); // the member exists; only the line under test may write
    const before = await rowCounts(app);
    const reply = await app.say(line);
    expect(reply.buttons.filter((b) => STATE_VERBS.test(b.command))).toEqual([]);
    expect(await rowCounts(app)).toEqual(before);
  });
});

describe('summaries and resource titles are searched, below names', () => {
  it.each([
    ['caching', 'Redis'], // in Redis's summary
    ['passport', 'Authentication'], // in Authentication's summary and a resource title
    ['websockets', 'Action Cable'], // not Resolvers
  ])('"topic %s" opens %s', async (query, title) => {
    expect((await app.say(`topic ${query}`)).heading).toBe(title);
  });

  it('a name beats a mention: "jwt" is the JWT group, not Authentication (whose summary says JWTs)', async () => {
    const reply = await app.say('topic jwt');
    expect(reply.buttons.map((b) => b.label)).toEqual(['Token Structure', 'Authorization']);
  });

  it('a mention on a verb that changes state lists where it is mentioned, to open', async () => {
    const reply = await app.say('done caching');
    expect(textOf(reply)).toContain('No topic is called caching, but this one mentions it');
    expect(reply.buttons).toEqual([
      { label: 'Redis', command: 'topic backend/databases-storage/nosql-databases/redis' },
    ]);
  });
});
