// Recall questions in roadmap markdown: the "- recall:" form, its rules with file and line, and the fallback prompt.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRoadmap } from '../../src/content/parse.ts';
import { recallPrompts } from '../../src/content/recall.ts';
import { ContentError } from '../../src/content/roadmap.ts';

const OURS = readFileSync(new URL('../../content/backend.md', import.meta.url), 'utf8');
const fixture = (name: string) => readFileSync(new URL(`../fixtures/roadmaps/${name}`, import.meta.url), 'utf8');
const topicsOf = (r: ReturnType<typeof parseRoadmap>) => r.sections.flatMap((s) => s.groups.flatMap((g) => g.topics));
/** A one-topic roadmap whose topic is on line 3 and whose nested lines start on line 4. */
const oneTopic = (...nested: string[]) =>
  ['# Broken', '## Section', '- **Topic**: summary', ...nested.map((l) => `  ${l}`)].join('\n');
const RESOURCE = '- official: [Docs](https://example.com/docs)';

describe('recall questions', () => {
  it('are read in file order beside the resources, which stay as they were', () => {
    const [jwt, sessions] = topicsOf(parseRoadmap('recall', fixture('recall.md')));
    expect(jwt!.recall).toEqual([
      "What problem does a JWT's signature solve?",
      'Why should a server reject a token whose alg is "none"?',
      'Explain when a short expiry beats a revocation list.',
    ]);
    expect(jwt!.resources.map((r) => [r.type, r.title])).toEqual([
      ['official', 'RFC 7519'],
      ['article', 'Recall: a talk on tokens'],
    ]);
    expect(sessions!.recall).toEqual([]);
    expect(sessions!.resources).toHaveLength(1);
  });

  it('fall back to one prompt that fits any topic when a topic has none', () => {
    const [jwt, sessions] = topicsOf(parseRoadmap('recall', fixture('recall.md')));
    expect(recallPrompts(jwt!)).toEqual(jwt!.recall);
    expect(recallPrompts(sessions!)).toEqual(['Explain Sessions in two sentences, then check the summary.']);
  });

  it.each([
    ['an empty question', [RESOURCE, '- recall:'], 5, /needs text/],
    [
      'a markdown link',
      ['- recall: What does [RFC 7519](https://example.com) define?'],
      4,
      /plain text: move the link/,
    ],
    ['a bare address', ['- recall: What does https://jwt.io decode?'], 4, /plain text: move the link/],
    [
      'a fourth question',
      ['- recall: Why A?', '- recall: Why B?', RESOURCE, '- recall: Why C?', '- recall: Why D?'],
      8,
      /more than 3 recall questions; keep the best 3/,
    ],
    [
      'a question over 200 characters',
      [`- recall: Why ${'very '.repeat(40)}long?`],
      4,
      /has 209 characters; keep it to 200 or fewer/,
    ],
    [
      'a repeated question',
      ['- recall: Why sign a token?', '- recall: why sign a  token?'],
      5,
      /appears twice under "Topic"/,
    ],
    ['a statement', ['- recall: Tokens are signed.'], 4, /should end with "\?" or start with one of Explain, Describe/],
    [
      'a block under a question',
      ['- recall: Why sign a token?', '  - official: [Docs](https://example.com/docs)'],
      5,
      /one paragraph; nothing goes under it/,
    ],
    [
      'an unknown type, as before',
      ['- podcast: [Show](https://example.com/show)'],
      4,
      /resource type "podcast" is not one of/,
    ],
    ['a recall label without its colon', ['- recall Why sign a token?'], 4, /needs a link.*"- recall: …\?"/],
  ])('refuse %s, naming the file and line', (_, nested, line, reason) => {
    let error: unknown;
    try {
      parseRoadmap('broken', oneTopic(...nested), 'content/broken.md');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).message).toMatch(new RegExp(`^content/broken\\.md:${line}: `));
    expect((error as ContentError).reason).toMatch(reason);
  });

  it('are written for every topic of content/backend.md, one to three each, none of them dropped on the way', () => {
    const topics = topicsOf(parseRoadmap('backend', OURS));
    expect(topics).toHaveLength(39);
    for (const topic of topics) {
      expect(topic.recall.length, topic.path).toBeGreaterThanOrEqual(1);
      expect(topic.recall.length, topic.path).toBeLessThanOrEqual(3);
    }
    expect(topics.flatMap((t) => t.recall)).toHaveLength(OURS.match(/^ {2}- recall: /gm)!.length);
  });

  it('accept every form the rules allow: a question, each instruction verb, exactly 200 characters, three per topic', () => {
    const long = `Why ${'x'.repeat(195)}?`;
    expect(long).toHaveLength(200);
    const verbs = ['Explain', 'Describe', 'Compare', 'Name', 'List', 'Sketch', 'Give', 'Outline'];
    for (const verb of verbs) {
      const [topic] = topicsOf(parseRoadmap('ok', oneTopic(`- recall: ${verb} the idea.`)));
      expect(topic!.recall).toEqual([`${verb} the idea.`]);
    }
    const [topic] = topicsOf(parseRoadmap('ok', oneTopic(`- recall: ${long}`, '- recall: Why B?', '- recall: why c?')));
    expect(topic!.recall).toEqual([long, 'Why B?', 'why c?']);
  });
});
