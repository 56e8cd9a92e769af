// A dropped gateway connection: discord.js resumes by itself, the adapter logs it and keeps answering.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { slashCommand } from '../../fakes/discord.ts';
import { callbackFor, type Harness, startDiscord } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startDiscord();
});
afterAll(async () => {
  expect(h.fake.rest.violations).toEqual([]);
  await h.close();
});

it('heartbeats are acknowledged and the session resumes after a drop', async () => {
  const resumed = h.fake.gateway.whenReady(true);
  h.fake.gateway.dropConnections();
  await resumed;
  const resume = h.fake.gateway.received.find((f) => f.op === 6);
  expect(resume?.d).toMatchObject({ token: 'fake-bot-token', seq: expect.any(Number) });
  expect(h.fake.gateway.received.filter((f) => f.op === 2)).toHaveLength(1); // resumed, not identified again
  await expect
    .poll(() => h.logs.map((l) => l.msg))
    .toEqual(
      expect.arrayContaining([
        'discord: gateway reconnecting',
        'discord: gateway resumed', // shardDisconnect is only for codes that cannot resume
      ]),
    );

  const i = slashCommand('next');
  h.fake.gateway.interaction(i);
  expect((await callbackFor(h, i.id)).body.type).toBe(4);
  await expect.poll(() => h.fake.gateway.received.some((f) => f.op === 1), { timeout: 2000 }).toBe(true);
});
