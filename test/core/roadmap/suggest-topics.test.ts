// core.suggestTopics: what autocomplete offers as a member types, by the same forgiving matcher as every lookup.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { syncContent } from '../../../src/content/sync.ts';
import { createTestApp, type TestApp } from '../../helpers.ts';

let app: TestApp;
beforeEach(async () => (app = await createTestApp()));
afterEach(() => app.close());

const titles = async (typed: string, limit?: number) =>
  (await app.core.suggestTopics('discord', 'G1', typed, limit)).map((t) => t.title);

it('offers the roadmap in order before anything is typed, up to the limit', async () => {
  const roadmap = (await app.q.content.roadmap('backend'))!;
  expect(await titles('', 5)).toEqual(roadmap.topics.slice(0, 5).map((t) => t.title));
  expect(await titles('')).toHaveLength(25); // the default limit
});

it('finds names as lookups do: prefixes, aliases, typos and groups, each with its path', async () => {
  expect(await app.core.suggestTopics('discord', 'G1', 'expr')).toEqual([
    { title: 'Express.js', path: 'backend/choose-your-backend-language/nodejs/expressjs' },
  ]);
  expect(await titles('k8s')).toEqual(['Pods & Deployments', 'Helm']); // an alias
  expect(await titles('kuberneets')).toEqual(['Pods & Deployments', 'Helm']); // a typo
  expect(await titles('jwt')).toEqual(['Token Structure', 'Authorization']); // a group: its topics
  expect(await titles('zzzz')).toEqual([]);
});

it("follows the roadmap the workspace chose, and the default one before the workspace's first command", async () => {
  await syncContent(new URL('../../fixtures/roadmaps', import.meta.url).pathname, app.store, app.clock.now().getTime());
  await app.say('settings roadmap hand-written', { platform: 'discord', workspace: 'G2', isAdmin: true });
  const g2 = async (typed: string, platform = 'discord') =>
    (await app.core.suggestTopics(platform, 'G2', typed)).map((t) => t.title);
  expect(await g2('flex')).toEqual(['Flexbox']);
  expect(await g2('redis')).toEqual([]);
  expect(await g2('redis', 'slack')).toEqual(['Redis']); // a Slack team called G2 is another workspace
  expect(await titles('flex')).toEqual([]);
});
