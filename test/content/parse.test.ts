import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRoadmap } from '../../src/content/parse.ts';
import { ContentError, slugify } from '../../src/content/roadmap.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/roadmaps/${name}`, import.meta.url), 'utf8');
const SEED = readFileSync(new URL('../../vendor/seed/backend-roadmap.md', import.meta.url), 'utf8');
const OURS = readFileSync(new URL('../../content/backend.md', import.meta.url), 'utf8');
const titles = (r: ReturnType<typeof parseRoadmap>) =>
  r.sections.map((s) => [s.title, s.groups.map((g) => [g.title, g.topics.map((t) => t.title)])]);

describe('parseRoadmap', () => {
  it(
    'loads the seed file exactly as it is: broken emoji ' + 'bytes, numbering, and a closing section with no topics',
    () => {
      const roadmap = parseRoadmap('backend', SEED);
      expect(roadmap.title).toBe('Backend Development Roadmap');
      expect(roadmap.sections.map((s) => s.slug)).toEqual([
        'choose-your-backend-language',
        'databases-storage',
        'authentication-security',
        'apis',
        'deployment-cloud',
        'testing-monitoring',
      ]);
      const topics = roadmap.sections.flatMap((s) => s.groups.flatMap((g) => g.topics));
      expect(topics).toHaveLength(39);
      expect(topics.find((t) => t.path === 'backend/apis/graphql/resolvers')?.summary).toBe(
        'Functions to resolve queries and mutations',
      );
      expect(roadmap.sections[0]!.pickOne).toBe(true);
      expect(roadmap.sections.slice(1).every((s) => !s.pickOne)).toBe(true);
    },
  );

  it(
    "our content file has the seed roadmap's sections, groups and topics, each with 2–3 resources, official " + 'first',
    () => {
      const ours = parseRoadmap('backend', OURS);
      expect(titles(ours)).toEqual(titles(parseRoadmap('backend', SEED)));
      for (const topic of ours.sections.flatMap((s) => s.groups.flatMap((g) => g.topics))) {
        expect(topic.summary, topic.path).toMatch(/\S.{10,}/);
        expect(topic.resources.length, topic.path).toBeGreaterThanOrEqual(2);
        expect(topic.resources.length, topic.path).toBeLessThanOrEqual(3);
        expect(topic.resources[0]!.type, topic.path).toBe('official');
        for (const r of topic.resources) expect(r.url).toMatch(/^https:\/\//);
      }
    },
  );

  it('reads a plain hand-written roadmap: no groups, plain titles, untyped links', () => {
    const roadmap = parseRoadmap('frontend', fixture('hand-written.md'));
    expect(roadmap.title).toBe('Frontend Basics');
    const html = roadmap.sections[0]!;
    expect(html.groups[0]!.slug).toBeNull();
    expect(html.groups[0]!.topics.map((t) => [t.path, t.title, t.summary])).toEqual([
      ['frontend/html/semantic-markup', 'Semantic markup', 'Use the element that says what the content is'],
      ['frontend/html/forms', 'Forms', 'Inputs, labels and validation'],
      ['frontend/html/accessibility', 'Accessibility', ''],
    ]);
    const grid = roadmap.sections[1]!.groups[0]!.topics[1]!;
    expect(grid.path).toBe('frontend/css/layout/grid');
    expect(grid.resources.map((r) => r.type)).toEqual(['official', 'video']);
    expect(roadmap.sections[1]!.groups[0]!.topics[0]!.resources[0]!.type).toBe('article');
  });

  it.each([
    ['bad-resource-type.md', 7, /resource type "podcast"/],
    ['bad-deep-heading.md', 7, /three levels deep/],
    ['bad-duplicate.md', 7, /appears twice/],
    ['bad-no-topics.md', 1, /no topics found/],
    ['bad-topic-before-section.md', 3, /before any "## Section"/],
    ['bad-link.md', 5, /must start with http/],
  ])('rejects %s naming the file and line', (name, line, reason) => {
    let error: unknown;
    try {
      parseRoadmap('broken', fixture(name), `content/${name}`);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).line).toBe(line);
    expect((error as ContentError).message).toMatch(new RegExp(`^content/${name}:${line}: `));
    expect((error as ContentError).reason).toMatch(reason);
  });
});

describe('slugify', () => {
  it.each([
    ['APIs (RESTful & GraphQL)', 'apis'],
    ['Node.js', 'nodejs'],
    ['EC2 / Compute Engine', 'ec2-compute-engine'],
    ['C++', 'cpp'],
    ['C#', 'csharp'],
    ['Café Crème', 'cafe-creme'],
  ])('%s → %s', (title, slug) => expect(slugify(title)).toBe(slug));
});
