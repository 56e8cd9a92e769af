// A slow command is deferred (type 5, ephemeral) within Discord's 3 s, then the original response is edited.
import { afterEach, expect, it } from 'vitest';
import { APP_ID, buttonClick, slashCommand } from '../../fakes/discord.ts';
import { callbackFor, type Harness, startDiscord } from './harness.ts';

let h: Harness;
afterEach(async () => {
  expect(h.fake.rest.violations).toEqual([]);
  await h.close();
});

it('defers a slow /roadmap and edits @original with the reply', async () => {
  h = await startDiscord({ slowMs: 300, deferAfterMs: 100 });
  const i = slashCommand('next');
  h.fake.gateway.interaction(i);
  const cb = await callbackFor(h, i.id);
  expect(cb.body).toEqual({ type: 5, data: { flags: 64 } });
  const edit = await h.fake.nextRequest(new RegExp(`^/webhooks/${APP_ID}/${i.token}/messages/@original$`));
  expect(edit.method).toBe('PATCH');
  const dispatched = h.fake.gateway.dispatchedAt.get(i.id)!;
  expect(cb.at - dispatched).toBeLessThan(300); // deferred before the core had finished
  expect(edit.at - dispatched).toBeGreaterThanOrEqual(300);
  expect(edit.body.embeds[0].title).toBeTruthy();
  expect(edit.body.allowed_mentions).toEqual({ parse: [] });
  expect(edit.headers.authorization).toBeUndefined(); // interaction webhooks are authorised by their token
});

it('defers a slow button with type 6 and edits the message', async () => {
  h = await startDiscord({ slowMs: 300, deferAfterMs: 100 });
  const click = buttonClick('progress');
  h.fake.gateway.interaction(click);
  const cb = await callbackFor(h, click.id);
  expect(cb.body).toEqual({ type: 6 });
  const edit = await h.fake.nextRequest(new RegExp(`^/webhooks/${APP_ID}/${click.token}/messages/@original$`));
  expect(edit.body.embeds[0].title).toBeTruthy();
});

it('answers at once when the core is quicker than the defer threshold', async () => {
  h = await startDiscord({ slowMs: 20 });
  const i = slashCommand('next');
  h.fake.gateway.interaction(i);
  expect((await callbackFor(h, i.id)).body.type).toBe(4);
  expect(h.fake.requestsTo(/^\/webhooks\//)).toEqual([]);
});
