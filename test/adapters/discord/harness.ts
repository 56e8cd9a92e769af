// Test wiring for the Discord adapter: the real core on a temp SQLite file, the fake Discord, the real discord.js
// client; over the gateway (startDiscord) or over the HTTP interactions endpoint on the bot's real HTTP server
// (startDiscordHttp), where requests are signed with an Ed25519 key pair made for the test.

import type { AddressInfo } from 'node:net';
import { createDiscordAdapter } from '../../../src/adapters/discord/index.ts';
import { discord } from '../../../src/adapters/discord/platform.ts';
import { systemClock } from '../../../src/clock.ts';
import type { Invocation } from '../../../src/core/model/invocation.ts';
import { createLog } from '../../../src/log.ts';
import { createHttpServer } from '../../../src/server/http.ts';
import { createMetrics } from '../../../src/server/metrics.ts';
import { APP_ID, createDiscordFake } from '../../fakes/discord.ts';
import { createDiscordSigner, type Signing } from '../../fakes/discord-signer.ts';
import { createSpecValidator } from '../../fakes/discord-spec.ts';
import { createTestApp } from '../../helpers.ts';

export interface HarnessOptions {
  slowMs?: number; // the core answers this much later (wrapping handle, not mocking it)
  deferAfterMs?: number;
}

/** What both modes share: the test app, the fake Discord, a log kept for assertions, the handle the adapter gets. */
async function startParts(opts: HarnessOptions) {
  const app = await createTestApp();
  const fake = await createDiscordFake({ heartbeatMs: 400 });
  const logs: { level: number; msg: string; [k: string]: unknown }[] = [];
  const log = createLog('debug', { write: (line) => void logs.push(JSON.parse(line)) });
  const handled: Invocation[] = [];
  const handle = async (invocation: Invocation) => {
    handled.push(invocation);
    if (opts.slowMs) await new Promise((resolve) => setTimeout(resolve, opts.slowMs));
    return app.core.handle(invocation);
  };
  const adapterDeps = {
    token: 'fake-bot-token',
    applicationId: APP_ID,
    apiUrl: fake.rest.apiUrl,
    log,
    commands: app.core.commands,
    suggestTopics: app.core.suggestTopics,
    deferAfterMs: opts.deferAfterMs,
  };
  /** Fails the test if the adapter logged an error (one bad event must not go unnoticed). */
  const noErrors = () => {
    const errors = logs.filter((l) => l.level >= 50);
    if (errors.length) throw new Error(`the Discord adapter logged errors: ${JSON.stringify(errors)}`);
  };
  return { app, fake, logs, log, handled, handle, adapterDeps, noErrors };
}

export async function startDiscord(opts: HarnessOptions = {}) {
  const { app, fake, logs, handled, handle, adapterDeps, noErrors } = await startParts(opts);
  const adapter = createDiscordAdapter(adapterDeps);
  await adapter.start(handle);
  return {
    app,
    fake,
    adapter,
    logs,
    handled,
    /** Closes everything; fails the test if the adapter logged an error. */
    async close() {
      await adapter.stop();
      await fake.close();
      await app.close();
      noErrors();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startDiscord>>;

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  body: any; // the JSON response, or undefined when it is not JSON
}

/** Discord in HTTP mode: the real adapter's endpoint, mounted by the platform's own routes on the real HTTP server. */
export async function startDiscordHttp(opts: HarnessOptions = {}) {
  const { app, fake, logs, log, handled, handle, adapterDeps, noErrors } = await startParts(opts);
  const signer = createDiscordSigner();
  const { publicKey } = signer;
  const adapter = createDiscordAdapter({ ...adapterDeps, publicKey, clock: systemClock });
  const http = createHttpServer({
    port: 0,
    host: '127.0.0.1',
    log,
    metrics: createMetrics(),
    readiness: () => [],
    routes: discord.routes!(adapter, { DISCORD_PUBLIC_KEY: publicKey }),
  });
  const { port } = (await http.listen()) as AddressInfo;
  await adapter.start(handle);
  const url = `http://127.0.0.1:${port}/discord/interactions`;
  const spec = createSpecValidator();
  /** Our HTTP answers that break the spec of the interaction callback, which is the same body. */
  const answerViolations: string[] = [];

  /** POSTs a raw body as Discord would (signed now, unless told otherwise); extra headers override. */
  async function postRaw(
    raw: string,
    how: { signing?: Signing; timestamp?: number; headers?: Record<string, string> } = {},
  ): Promise<HttpAnswer> {
    const signed = signer.headers(raw, how.timestamp, how.signing);
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signed, ...how.headers },
      body: raw,
    });
    const text = await res.text();
    const body = res.headers.get('content-type') === 'application/json' ? JSON.parse(text) : undefined;
    return { status: res.status, headers: res.headers, text, body };
  }

  /** POSTs one interaction payload (from test/fakes/discord.ts) and checks a 200 answer against the spec. */
  async function post(
    interaction: { id?: string; token?: string; [field: string]: unknown },
    how: Parameters<typeof postRaw>[1] = {},
  ): Promise<HttpAnswer> {
    const answer = await postRaw(JSON.stringify(interaction), how);
    if (answer.status === 200) {
      const path = `/interactions/${interaction.id ?? '1'}/${interaction.token ?? 'token'}/callback`;
      for (const problem of spec.check('POST', path, answer.body)) answerViolations.push(problem);
    }
    return answer;
  }

  return {
    app,
    fake,
    adapter,
    logs,
    handled,
    url,
    publicKey,
    post,
    postRaw,
    signedHeaders: signer.headers,
    answerViolations,
    async close() {
      await adapter.stop();
      await http.close();
      await fake.close();
      await app.close();
      noErrors();
    },
  };
}

export type HttpHarness = Awaited<ReturnType<typeof startDiscordHttp>>;

/** The callback Discord got for one interaction. */
export function callbackFor(h: Harness, interactionId: string) {
  return h.fake.nextRequest(new RegExp(`^/interactions/${interactionId}/[^/]+/callback$`));
}

/** SQL over the test database, for asserting on store rows. */
export function rows<T>(h: Pick<Harness, 'app'>, sql: string, ...params: unknown[]): T[] {
  return h.app.sqlite.prepare(sql).all(...params) as T[];
}
