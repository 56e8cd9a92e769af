// `/roadmap run text:export` end to end: the member's data as a JSON attachment on the ephemeral reply (multipart).
import { afterEach, expect, it } from 'vitest';
import { APP_ID, slashCommand } from '../../fakes/discord.ts';
import type { RecordedRequest } from '../../fakes/discord-rest.ts';
import { callbackFor, type Harness, startDiscord } from './harness.ts';

const FILE = 'roadmap-coach-my-data.json';

let h: Harness;
afterEach(async () => {
  expect(h.fake.rest.violations).toEqual([]); // payload_json checked against the spec like any JSON body
  await h.close();
});

/** `done express` first, so the export has progress in it; a slow harness answers it by editing @original. */
async function markDone() {
  const done = slashCommand('done', { topic: 'express' });
  h.fake.gateway.interaction(done);
  const cb = await callbackFor(h, done.id);
  const answer =
    cb.body.type === 5
      ? (await h.fake.nextRequest(new RegExp(`^/webhooks/${APP_ID}/${done.token}/messages/@original$`))).body
      : cb.body.data;
  expect(answer.embeds[0].title).toBe('✓ Done: Express.js');
}

/** The one attached file: named files[0], referenced by attachments id "0", JSON holding the member's progress. */
function expectExportFile(request: RecordedRequest) {
  expect(request.multipart).toBe(true);
  expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
  expect(request.files.map((f) => ({ field: f.field, name: f.name, contentType: f.contentType }))).toEqual([
    { field: 'files[0]', name: FILE, contentType: 'application/json' },
  ]);
  const data = JSON.parse(request.files[0]!.bytes.toString('utf8')) as {
    profile: Record<string, unknown>;
    progress: { topic: string; state: string }[];
  };
  expect(data.profile).toMatchObject({ displayName: 'Ada L' });
  expect(data.progress).toEqual([
    expect.objectContaining({ topic: 'backend/choose-your-backend-language/nodejs/expressjs', state: 'done' }),
  ]);
}

it('attaches the JSON to the ephemeral interaction reply', async () => {
  h = await startDiscord();
  await markDone();
  const i = slashCommand('run', { text: 'export' });
  h.fake.gateway.interaction(i);
  const cb = await callbackFor(h, i.id);
  expect(cb.body.type).toBe(4);
  expect(cb.body.data.flags).toBe(64); // ephemeral: only the member sees the message and its file
  expect(cb.body.data.embeds[0].title).toBe('Your data');
  expect(cb.body.data.attachments).toEqual([{ id: '0', filename: FILE }]);
  expect(cb.headers.authorization).toBeUndefined(); // interaction callbacks are authorised by their token
  expectExportFile(cb);
});

it('a slow export defers privately, then attaches the file to the edit of @original', async () => {
  h = await startDiscord({ slowMs: 300, deferAfterMs: 100 });
  await markDone();
  const i = slashCommand('run', { text: 'export' });
  h.fake.gateway.interaction(i);
  const cb = await callbackFor(h, i.id);
  expect(cb.body).toEqual({ type: 5, data: { flags: 64 } });
  expect(cb.multipart).toBe(false);
  const edit = await h.fake.nextRequest(new RegExp(`^/webhooks/${APP_ID}/${i.token}/messages/@original$`));
  expect(edit.method).toBe('PATCH');
  expect(edit.body.attachments).toEqual([{ id: '0', filename: FILE }]);
  expectExportFile(edit);
});

it('when Discord refuses the file, answers again without it and says so', async () => {
  h = await startDiscord();
  await markDone();
  const i = slashCommand('run', { text: 'export' });
  h.fake.rest.failNext(new RegExp(`^POST /interactions/${i.id}/`), 413, 40005, 'Request entity too large');
  h.fake.gateway.interaction(i);
  const [refused, plain] = await waitForCallbacks(i.id, 2);
  expect(refused!.status).toBe(413);
  expectExportFile(refused!);
  expect(plain!.status).toBe(204);
  expect(plain!.multipart).toBe(false);
  expect(plain!.body.data.flags).toBe(64);
  expect(plain!.body.data.attachments).toBeUndefined();
  expect(plain!.body.data.embeds[0].description).toContain(`could not attach \`${FILE}\``);
  // The refusal is an error worth seeing in the logs; take it out so the harness does not fail the test for it.
  const at = h.logs.findIndex((l) => l.msg === 'discord: files refused, answering without them');
  expect(at).toBeGreaterThanOrEqual(0);
  h.logs.splice(at, 1);
});

async function waitForCallbacks(id: string, n: number, timeoutMs = 3000) {
  const until = Date.now() + timeoutMs;
  const path = new RegExp(`^/interactions/${id}/[^/]+/callback$`);
  while (h.fake.requestsTo(path).length < n && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
  return h.fake.requestsTo(path);
}

it('a reply without files stays plain JSON', async () => {
  h = await startDiscord();
  const i = slashCommand('next');
  h.fake.gateway.interaction(i);
  const cb = await callbackFor(h, i.id);
  expect(cb.multipart).toBe(false);
  expect(cb.files).toEqual([]);
  expect(cb.body.data.attachments).toBeUndefined();
});
