// Autocomplete on topic options: up to 25 matching topic titles, value = topic path, answered with type 8.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { autocomplete } from '../../fakes/discord.ts';
import { callbackFor, type Harness, startDiscord } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startDiscord();
});
afterAll(async () => {
  expect(h.fake.rest.violations).toEqual([]);
  await h.close();
});

it('offers topics whose title matches what was typed, by path', async () => {
  const i = autocomplete('done', 'topic', 'expr');
  h.fake.gateway.interaction(i);
  const cb = await callbackFor(h, i.id);
  expect(cb.body).toEqual({
    type: 8,
    data: { choices: [{ name: 'Express.js', value: 'backend/choose-your-backend-language/nodejs/expressjs' }] },
  });
  expect(h.handled).toEqual([]); // autocomplete never runs a command
});

it('caps an empty query at 25 choices, each within Discord limits', async () => {
  const i = autocomplete('topic', 'topic', '');
  h.fake.gateway.interaction(i);
  const { body } = await callbackFor(h, i.id);
  expect((await h.app.q.content.roadmap('backend'))!.topics.length).toBeGreaterThan(25);
  expect(body.data.choices).toHaveLength(25);
  for (const c of body.data.choices) {
    expect(c.name.length).toBeLessThanOrEqual(100);
    expect(c.value.length).toBeLessThanOrEqual(100);
  }
});

it('answers no choices for an option that is not a topic', async () => {
  const i = autocomplete('help', 'command', 'do');
  h.fake.gateway.interaction(i);
  const { body } = await callbackFor(h, i.id);
  expect(body).toEqual({ type: 8, data: { choices: [] } });
});
