// Buttons: custom_id is the command text; clicking runs it and updates the message (type 7), never twice.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buttonClick, GUILD, slashCommand } from '../../fakes/discord.ts';
import { callbackFor, type Harness, rows, startDiscord } from './harness.ts';

const EXPRESS = 'backend/choose-your-backend-language/nodejs/expressjs';
let h: Harness;
beforeEach(async () => {
  h = await startDiscord();
});
afterEach(async () => {
  expect(h.fake.rest.violations).toEqual([]);
  await h.close();
});

const events = () => rows<{ to_state: string }>(h, 'select to_state from progress_events');

it('renders buttons whose custom_id is the command, and a click updates the message', async () => {
  const shown = slashCommand('topic', { topic: 'express' });
  h.fake.gateway.interaction(shown);
  const buttons = (await callbackFor(h, shown.id)).body.data.components.flatMap((r: any) => r.components);
  expect(buttons.map((b: any) => b.custom_id)).toEqual([`start ${EXPRESS}`, `done ${EXPRESS}`, `skip ${EXPRESS}`]);

  const click = buttonClick(`done ${EXPRESS}`);
  h.fake.gateway.interaction(click);
  const cb = await callbackFor(h, click.id);
  expect(cb.body.type).toBe(7);
  expect(cb.body.data.flags).toBeUndefined();
  expect(cb.body.data.embeds[0].title).toBe('✓ Done: Express.js');
  expect(h.handled.at(-1)).toMatchObject({ text: `done ${EXPRESS}`, workspace: { id: GUILD.id } });
  expect(events()).toEqual([{ to_state: 'done' }]);
});

it('ignores a duplicate interaction id, and a second click does not apply twice', async () => {
  const click = buttonClick(`done ${EXPRESS}`);
  h.fake.gateway.interaction(click);
  h.fake.gateway.interaction(click); // the same delivery again, e.g. replayed on resume
  await callbackFor(h, click.id);
  const again = buttonClick(`done ${EXPRESS}`); // a real second click
  h.fake.gateway.interaction(again);
  const second = await callbackFor(h, again.id);
  expect(second.body.data.embeds[0].title).toBe('Express.js is already done');
  expect(h.fake.requestsTo(new RegExp(`^/interactions/${click.id}/`))).toHaveLength(1);
  expect(h.handled).toHaveLength(2);
  expect(events()).toEqual([{ to_state: 'done' }]);
});

it('a click in a DM runs in the guild its custom_id names', async () => {
  const click = buttonClick(`${GUILD.id}:start ${EXPRESS}`, { dm: true });
  h.fake.gateway.interaction(click);
  const cb = await callbackFor(h, click.id);
  expect(cb.body.type).toBe(7);
  expect(h.handled[0]).toMatchObject({
    text: `start ${EXPRESS}`,
    workspace: { id: GUILD.id },
    place: { direct: true },
  });
  expect(rows(h, 'select state from progress')).toEqual([{ state: 'learning' }]);
});

it('a click on a shared channel message answers privately instead of rewriting it for everyone', async () => {
  const click = buttonClick('next', { ephemeral: false });
  h.fake.gateway.interaction(click);
  const cb = await callbackFor(h, click.id);
  expect(cb.body.type).toBe(4);
  expect(cb.body.data.flags).toBe(64);
});

it('a DM click that names no guild gets an answer, and nothing runs', async () => {
  const click = buttonClick('next', { dm: true });
  h.fake.gateway.interaction(click);
  const cb = await callbackFor(h, click.id);
  expect(cb.body.type).toBe(4);
  expect(cb.body.data.embeds[0].description).toContain('inside a server');
  expect(h.handled).toEqual([]);
});
