// `topic <topic>`: one topic's card, found by a forgiving lookup (names, paths, typos, groups).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../helpers.ts';

let app: TestApp;
beforeEach(async () => (app = await createTestApp()));
afterEach(() => app.close());

const say = async (text: string, user?: Parameters<TestApp['say']>[1]) => textOf(await app.say(text, user));

describe('topic', () => {
  it('topic shows the summary, where it sits, and resources with official documentation first', async () => {
    const reply = await app.say('topic resolvers');
    const text = textOf(reply);
    expect(text).toContain('Where: APIs (RESTful & GraphQL) › GraphQL');
    const resources = reply.blocks.find((b) => b.type === 'list');
    expect(resources?.type === 'list' && resources.items[0]![0]).toBe('official: ');
  });

  it('keeps members apart', async () => {
    await app.say('done redis', { id: 'ada' });
    expect(await say('topic redis', { id: 'grace' })).toContain('Your progress: not started');
    expect(await say('topic redis', { id: 'ada' })).toContain('Your progress: done');
  });
});

describe('topic lookup', () => {
  it.each([
    ['express', 'Express.js'],
    ['EXPRESS.JS', 'Express.js'],
    ['expres', 'Express.js'],
    ['postgre', 'PostgreSQL'],
    ['postgres', 'PostgreSQL'],
    ['mongo', 'MongoDB'],
    ['graphql resolvers', 'Resolvers'],
    ['reslovers', 'Resolvers'],
    ['kubernetes helm', 'Helm'],
    ['backend/apis/graphql/resolvers', 'Resolvers'],
    ['apis/graphql/resolvers', 'Resolvers'],
    ['docker compose', 'Docker Compose'],
    ['ec2', 'EC2 / Compute Engine'],
    ['compute engine', 'EC2 / Compute Engine'],
  ])('"%s" finds %s', async (query, title) => {
    expect((await app.say(`topic ${query}`)).heading).toBe(title);
  });

  it.each([
    ['jwt', ['Token Structure', 'Authorization']],
    ['k8s', ['Pods & Deployments', 'Helm']],
    ['gql', ['Schemas and Queries', 'Resolvers']],
    ['docker', ['Docker Containers', 'Docker Compose']],
  ])('"%s" is a group: lists its topics to choose from', async (query, titles) => {
    const reply = await app.say(`topic ${query}`);
    expect(reply.heading).toBeUndefined();
    expect(textOf(reply)).toContain(`could mean ${titles.length} topics`);
    expect(reply.buttons.map((b) => b.label)).toEqual(titles);
    expect(reply.buttons.every((b) => b.command.startsWith('topic backend/'))).toBe(true);
  });

  it('suggests the nearest topic for an unknown one', async () => {
    const reply = await app.say('done kuberneetes pods');
    expect(textOf(reply)).toContain('Pods & Deployments');
    const unknown = await app.say('topic quantum basket weaving');
    expect(textOf(unknown)).toContain("I can't find a topic called");
    expect(textOf(unknown)).toContain('`topics` lists them all');
  });
});
