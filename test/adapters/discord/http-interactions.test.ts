// Discord over its HTTP interactions endpoint: signed requests to POST /discord/interactions on the bot's real HTTP
// server, answered in the response through the same routes and renderer as the gateway, or deferred and finished by
// editing @original on the fake Discord REST API.
import { afterEach, expect, it } from 'vitest';
import { MAX_SKEW_SECONDS } from '../../../src/adapters/discord/signature.ts';
import { ADA, APP_ID, autocomplete, buttonClick, GUILD, slashCommand } from '../../fakes/discord.ts';
import { type HttpHarness, rows, startDiscordHttp } from './harness.ts';

const EXPRESS = 'backend/choose-your-backend-language/nodejs/expressjs';
const FILE = 'roadmap-coach-my-data.json';
const MANAGE_GUILD = 1n << 5n;
let h: HttpHarness;
afterEach(async () => {
  expect(h.answerViolations).toEqual([]); // every 200 answer is a valid interaction response
  expect(h.fake.rest.violations).toEqual([]);
  await h.close();
});

const events = () => rows<{ to_state: string }>(h, 'select to_state from progress_events');
const editOf = (token: string) => h.fake.nextRequest(new RegExp(`^/webhooks/${APP_ID}/${token}/messages/@original$`));
/** Nothing ran and nothing was stored or sent. */
function expectNothingWritten() {
  expect(h.handled).toEqual([]);
  expect(events()).toEqual([]);
  expect(rows(h, 'select id from members')).toEqual([]);
  expect(h.fake.rest.requests).toEqual([]);
}

it('answers a PING with a PONG, and opens no gateway connection', async () => {
  h = await startDiscordHttp();
  const pong = await h.post({ id: '1', token: 't', type: 1, application_id: APP_ID, version: 1 });
  expect(pong.status).toBe(200);
  expect(pong.headers.get('content-type')).toBe('application/json');
  expect(pong.body).toEqual({ type: 1 });
  expect(h.fake.rest.requests).toEqual([]); // not even GET /gateway/bot
  expect(h.adapter.connected).toBeUndefined(); // nothing to be connected to: /readyz leaves Discord out
});

it('refuses a request signed by another key with 401, and writes nothing', async () => {
  h = await startDiscordHttp();
  const answer = await h.post(slashCommand('done', { topic: 'express' }), { signing: 'other key' });
  expect(answer.status).toBe(401);
  expectNothingWritten();
});

it('refuses missing headers, a garbled signature and a body changed after signing with 401', async () => {
  h = await startDiscordHttp();
  const body = JSON.stringify(slashCommand('done', { topic: 'express' }));
  const signed = h.signedHeaders(body);
  const cases: Parameters<HttpHarness['postRaw']>[1][] = [
    { signing: 'none' as const },
    { headers: { 'x-signature-ed25519': '' } },
    { headers: { 'x-signature-timestamp': '' } },
    { headers: { 'x-signature-ed25519': 'zz'.repeat(64) } },
    { headers: { 'x-signature-ed25519': `${signed['x-signature-ed25519']}00` } },
  ];
  const statuses = await Promise.all(cases.map(async (how) => (await h.postRaw(body, how)).status));
  expect(statuses).toEqual([401, 401, 401, 401, 401]);
  const changed = await h.postRaw(body.replace('express', 'nodejs'), { signing: 'none', headers: signed });
  expect(changed.status).toBe(401);
  expectNothingWritten();
  expect(h.logs.filter((l) => l.msg === 'discord: interaction refused').map((l) => l.verdict)).toEqual([
    'missing',
    'missing',
    'missing',
    'bad',
    'bad',
    'bad',
  ]);
});

it('refuses a correctly signed request whose timestamp is too old (a replay), and warns about the clock', async () => {
  h = await startDiscordHttp();
  const old = Math.floor(Date.now() / 1000) - MAX_SKEW_SECONDS - 5;
  const answer = await h.post(slashCommand('done', { topic: 'express' }), { timestamp: old });
  expect(answer.status).toBe(401);
  expectNothingWritten();
  expect(h.logs.some((l) => l.level === 40 && /clock/.test(l.msg))).toBe(true);
  // Within the window, a little skew is forgiven.
  const skewed = await h.post(slashCommand('next'), { timestamp: Math.floor(Date.now() / 1000) + 30 });
  expect(skewed.status).toBe(200);
});

it('answers a quick /roadmap in the HTTP response, with no REST callback', async () => {
  h = await startDiscordHttp();
  const i = slashCommand('done', { topic: 'express' });
  i.member.permissions = String(BigInt(i.member.permissions) | MANAGE_GUILD); // read from the payload, no cache
  const answer = await h.post(i);
  expect(answer.status).toBe(200);
  expect(answer.body.type).toBe(4);
  expect(answer.body.data.embeds[0].title).toBe('✓ Done: Express.js');
  expect(answer.body.data.allowed_mentions).toEqual({ parse: [] });
  expect(answer.body.data.flags).toBe(64); // as private as over the gateway
  expect(h.handled[0]).toMatchObject({
    text: 'done express',
    platform: 'discord',
    workspace: { id: GUILD.id },
    user: { id: ADA.id, displayName: 'Ada L', isAdmin: true },
  });
  expect(events()).toEqual([{ to_state: 'done' }]);
  expect(h.fake.rest.requests).toEqual([]);
});

it('defers a slow /roadmap in the response (type 5), then edits @original through the REST client', async () => {
  h = await startDiscordHttp({ slowMs: 300, deferAfterMs: 100 });
  const i = slashCommand('next');
  const sent = performance.now();
  const answer = await h.post(i);
  expect(performance.now() - sent).toBeLessThan(300); // answered before the core had finished
  expect(answer.body).toEqual({ type: 5, data: { flags: 64 } });
  const edit = await editOf(i.token);
  expect(edit.method).toBe('PATCH');
  expect(edit.body.embeds[0].title).toBeTruthy();
  expect(edit.headers.authorization).toBeUndefined(); // interaction webhooks are authorised by their token
  expect(h.fake.requestsTo(/\/callback$/)).toEqual([]);
});

it('defers a slow button with type 6 and edits the message', async () => {
  h = await startDiscordHttp({ slowMs: 300, deferAfterMs: 100 });
  const click = buttonClick('progress');
  expect((await h.post(click)).body).toEqual({ type: 6 });
  expect((await editOf(click.token)).body.embeds[0].title).toBeTruthy();
});

it('answers autocomplete with the core’s topics (type 8), running no command', async () => {
  h = await startDiscordHttp();
  const answer = await h.post(autocomplete('done', 'topic', 'expr'));
  expect(answer.body).toEqual({ type: 8, data: { choices: [{ name: 'Express.js', value: EXPRESS }] } });
  expect(h.handled).toEqual([]);
});

it('a button click runs its command and updates its message (type 7); the same interaction again runs once', async () => {
  h = await startDiscordHttp();
  const click = buttonClick(`done ${EXPRESS}`);
  const first = await h.post(click);
  expect(first.body.type).toBe(7);
  expect(first.body.data.embeds[0].title).toBe('✓ Done: Express.js');
  const again = await h.post(click); // the same delivery twice: the dedupe both modes share drops it
  expect(again.status).toBe(409);
  expect(h.handled).toHaveLength(1);
  expect(events()).toEqual([{ to_state: 'done' }]);
});

it('an export is deferred privately (files cannot ride on the HTTP response) and attached to the edit', async () => {
  h = await startDiscordHttp();
  const answer = await h.post(slashCommand('run', { text: 'export' }));
  const i = h.handled.at(-1)!;
  expect(answer.body).toEqual({ type: 5, data: { flags: 64 } });
  const edit = await h.fake.nextRequest(/\/messages\/@original$/);
  expect(edit.path).toContain(`/webhooks/${APP_ID}/`);
  expect(edit.multipart).toBe(true);
  expect(edit.body.embeds[0].title).toBe('Your data');
  expect(edit.body.attachments).toEqual([{ id: '0', filename: FILE }]);
  expect(edit.files.map((f) => f.name)).toEqual([FILE]);
  const data = JSON.parse(edit.files[0]!.bytes.toString('utf8')) as { profile: { displayName: string } };
  expect(data.profile.displayName).toBe('Ada L');
  expect(i.text).toBe('export');
});

it('an unknown subcommand gets the core’s clear answer; a command that is not ours gets ours', async () => {
  h = await startDiscordHttp();
  const unknown = await h.post(slashCommand('frobnicate'));
  expect(unknown.body.type).toBe(4);
  expect(unknown.body.data.flags).toBe(64);
  expect(JSON.stringify(unknown.body.data.embeds)).toMatch(/frobnicate/);
  const next = slashCommand('next');
  const other = { ...next, data: { ...(next.data as object), name: 'weather' } };
  const answer = await h.post(other);
  expect(answer.body.type).toBe(4);
  expect(answer.body.data.flags).toBe(64);
  expect(answer.body.data.embeds[0].description).toContain('`/weather`');
  expect(answer.body.data.embeds[0].description).toContain('`/roadmap`');
  expect(h.handled.map((x) => x.text)).toEqual(['frobnicate']);
});

it('refuses what is not a signed POST of an interaction with a clear status', async () => {
  h = await startDiscordHttp();
  expect((await fetch(h.url)).status).toBe(405);
  expect((await fetch(`${h.url}/more`, { method: 'POST' })).status).toBe(404);
  expect((await h.postRaw('not json')).status).toBe(400);
  const huge = JSON.stringify({ type: 2, padding: 'x'.repeat(300 * 1024) });
  expect((await h.postRaw(huge)).status).toBe(413);
  expectNothingWritten();
});

it('sends nudges through the REST client with the bot token and the nonce, with no gateway', async () => {
  h = await startDiscordHttp();
  await h.adapter.outbound!.send(
    { kind: 'channel', workspaceId: '1200000000000000001', id: '1300000000000000001' },
    { blocks: [{ type: 'text', spans: ['Time to study'] }], buttons: [], visibility: 'channel' },
    { nonce: 'outbox-42' },
  );
  const [post] = h.fake.requestsTo(/^\/channels\/1300000000000000001\/messages$/, 'POST');
  expect(post!.headers.authorization).toBe('Bot fake-bot-token');
  expect(post!.body).toMatchObject({ nonce: 'outbox-42', enforce_nonce: true });
  expect(h.fake.requestsTo(/^\/gateway/)).toEqual([]);
});
