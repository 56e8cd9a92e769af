// A fake of Discord's REST API on 127.0.0.1: records every request, checks bodies against
// the spec, injects 429s and errors (on demand, or at random with a delay on every answer),
// and creates a message with an enforced nonce once per window. Multipart requests (messages
// with files) are parsed: payload_json is the body that is checked, the file parts are kept.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createMessages, message, rateLimitFault, SNOWFLAKE, user } from './discord-messages.ts';
import { createSpecValidator, type SpecValidator } from './discord-spec.ts';
import { type FilePart, isMultipart, parseMultipart } from './multipart.ts';

export interface RecordedRequest {
  method: string;
  path: string; // after /api/v10, e.g. /interactions/1/tok/callback
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON as received (payload_json when multipart)
  multipart: boolean;
  files: FilePart[]; // the file parts of a multipart request: field (files[n]), filename, content type, bytes
  status: number;
  at: number; // performance.now() when it arrived
}

export interface Fault {
  match: RegExp;
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}
export interface DiscordRestOptions {
  gatewayUrl: () => string;
  validator?: SpecValidator;
  delayMs?: () => number; // how long each answer takes
  rateLimit?: { chance: number; retryAfter: number; random: () => number }; // 429s at random on POSTs
  // enforce_nonce deduplicates "within the past few minutes", Discord says; the fake promises less, so a test catches
  // a resend that leans on more.
  nonceWindowMs?: number;
}

export async function createDiscordRestFake(opts: DiscordRestOptions) {
  const validator = opts.validator ?? createSpecValidator();
  const messages = createMessages(opts.nonceWindowMs ?? 60_000);
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  const unchecked: { method: string; path: string; body: unknown }[] = [];
  const faults: Fault[] = [];
  const listeners = new Set<(r: RecordedRequest) => void>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void received(req, res, Buffer.concat(chunks), performance.now()));
  });

  async function received(req: IncomingMessage, res: ServerResponse, raw: Buffer, at: number) {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    const method = req.method ?? 'GET';
    const type = req.headers['content-type'];
    const multipart = isMultipart(type);
    let body: any;
    let files: FilePart[] = [];
    if (multipart) {
      try {
        ({ body, files } = await fromMultipart(raw, type));
      } catch (error) {
        violations.push(`${method} ${path}: ${(error as Error).message}`);
        return reply(res, 400, { message: 'Invalid Form Body', code: 50035 });
      }
    } else {
      const text = raw.toString('utf8');
      body = text ? JSON.parse(text) : undefined;
    }
    unchecked.push({ method, path, body }); // checked when violations are read, off the hot path
    if (opts.delayMs) await new Promise((resolve) => setTimeout(resolve, opts.delayMs!()));
    const chaos = opts.rateLimit;
    if (chaos && method === 'POST' && chaos.random() < chaos.chance)
      faults.unshift(rateLimitFault(/./, chaos.retryAfter));
    const faultAt = faults.findIndex((f) => f.match.test(`${method} ${path}`));
    const [status, payload, headers] = faultAt >= 0 ? take(faults.splice(faultAt, 1)[0]!) : route(method, path, body);
    const record = { method, path, query: url.searchParams, headers: req.headers, body, multipart, files, status, at };
    requests.push(record);
    for (const l of listeners) l(record);
    reply(res, status, payload, headers);
  }

  function route(method: string, path: string, body: any): [number, unknown, Record<string, string>?] {
    if (method === 'GET' && path === '/gateway/bot') {
      return [
        200,
        {
          url: opts.gatewayUrl(),
          shards: 1,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
        },
      ];
    }
    if (method === 'POST' && /^\/interactions\/[^/]+\/[^/]+\/callback$/.test(path)) return [204, undefined];
    if (method === 'PATCH' && /^\/webhooks\/[^/]+\/[^/]+\/messages\/@original$/.test(path))
      return [200, message('interaction-channel', body)];
    if (method === 'POST' && /^\/webhooks\/[^/]+\/[^/]+$/.test(path))
      return [200, message('interaction-channel', body)]; // a follow-up message
    const commands = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path);
    if (method === 'PUT' && commands) {
      return [
        200,
        (body as any[]).map((c) => ({
          id: SNOWFLAKE(),
          application_id: commands[1],
          guild_id: commands[2],
          version: '1',
          ...c,
        })),
      ];
    }
    if (method === 'POST' && path === '/users/@me/channels') {
      return [
        200,
        { id: `9${body.recipient_id}`, type: 1, last_message_id: null, recipients: [user(body.recipient_id)] },
      ];
    }
    const channel = /^\/channels\/(\d+)\/messages$/.exec(path);
    if (method === 'POST' && channel) return [200, messages.create(channel[1]!, body)];
    return [404, { message: '404: Not Found', code: 0 }];
  }

  const take = (f: Fault): [number, unknown, Record<string, string>?] => [f.status, f.body, f.headers];

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    requests,
    /** Every way a received body broke the spec (validated lazily, so the fake stays fast under load). */
    get violations(): string[] {
      for (const r of unchecked.splice(0)) {
        for (const problem of validator.check(r.method, r.path, r.body))
          violations.push(`${r.method} ${r.path}: ${problem}`);
      }
      return violations;
    },
    /** Messages created, in order (a request answered by its nonce with an earlier message creates none). */
    created: messages.created,
    /** The next request matching `METHOD /path` gets a 429 asking to retry after `seconds`, as Discord sends it. */
    rateLimitNext(match: RegExp, seconds: number) {
      faults.push(rateLimitFault(match, seconds));
    },
    /** The next request matching gets a Discord JSON error, e.g. 403 / 50007 "Cannot send messages to this user". */
    failNext(match: RegExp, status: number, code: number, message: string) {
      faults.push({ match, status, body: { message, code } });
    },
    onRequest(listener: (r: RecordedRequest) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A message with files, as Discord reads it: the JSON in payload_json, files in files[n] parts, and every
 * `attachments` entry naming a part by its index. Throws what Discord would refuse.
 */
async function fromMultipart(raw: Buffer, type: string): Promise<{ body: unknown; files: FilePart[] }> {
  const { fields, files } = await parseMultipart(raw, type);
  if (fields.payload_json === undefined) throw new Error('multipart without payload_json');
  type Attachments = { attachments?: { id: unknown }[] };
  const body = JSON.parse(fields.payload_json) as Attachments & { data?: Attachments };
  const strays = files.filter((f) => !/^files\[\d+\]$/.test(f.field));
  if (strays.length) throw new Error(`file parts not named files[n]: ${strays.map((f) => f.field).join(', ')}`);
  // A message body has them at the top; an interaction callback inside data.
  for (const a of body.attachments ?? body.data?.attachments ?? []) {
    if (!files.some((f) => f.field === `files[${String(a.id)}]`))
      throw new Error(`attachment ${String(a.id)} has no files[${String(a.id)}] part`);
  }
  return { body, files };
}

function reply(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers });
  res.end(payload === undefined ? undefined : JSON.stringify(payload));
}

export type DiscordRestFake = Awaited<ReturnType<typeof createDiscordRestFake>>;
