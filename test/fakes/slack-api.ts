// A local fake of Slack's Web API over real HTTP on 127.0.0.1: checks every call against the OpenAPI spec,
// records it, answers like Slack (slowly and with the odd 429, if asked); keeps what was posted, for
// conversations.history; also serves response_url endpoints and the file upload URLs that
// files.getUploadURLExternal hands out, and records what is posted to them.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isMultipart, parseMultipart } from './multipart.ts';
import { createSlackHistory } from './slack-history.ts';
import { loadSlackSpec } from './slack-spec.ts';

export interface SlackCall {
  method: string;
  params: Record<string, unknown>;
  token?: string;
  failedWith?: number;
  at?: number;
} // at: performance.now()
export interface ResponsePost {
  id: string;
  body: Record<string, unknown>;
}
/** Bytes POSTed to an upload_url (raw, or the one file part of a multipart form, as @slack/web-api sends it). */
export interface Upload {
  fileId: string;
  filename?: string;
  contentType?: string;
  bytes: Buffer;
}
type Answer = (call: SlackCall) => Record<string, unknown>;

export const INSTALLED_TOKEN = 'xoxb-installed-0123456789-secret';
/** The scopes the manifest asks for: a token without the optional ones (im:history). */
export const MANIFEST_SCOPES = ['commands', 'chat:write', 'users:read', 'im:write', 'files:write'];

export interface FakeSlackOptions {
  scopes?: readonly string[]; // the bot token's scopes (default: the manifest's)
  delayMs?: () => number; // how long each Web API answer takes
  // 429s at random
  rateLimit?: { chance: number; retryAfter: number; random: () => number; methods: readonly string[] };
}

const ANSWERS: Record<string, Answer> = {
  'auth.test': () => ({ user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', team: 'Acme', url: 'https://acme.slack.com/' }),
  'users.info': (c) => ({
    user: {
      id: c.params.user,
      name: 'alice',
      real_name: 'Alice Real',
      tz: 'Europe/Berlin',
      profile: { display_name: 'Alice' },
    },
  }),
  'conversations.open': (c) => ({ channel: { id: `D${String(c.params.users)}` } }),
  'views.publish': () => ({ view: { id: 'V1', type: 'home' } }),
  'oauth.v2.access': () => ({
    access_token: INSTALLED_TOKEN,
    token_type: 'bot',
    scope: 'commands,chat:write,users:read,im:write,files:write',
    bot_user_id: 'UBOT9',
    app_id: 'A1',
    team: { id: 'T9', name: 'Nine' },
    enterprise: null,
    is_enterprise_install: false,
    authed_user: { id: 'U9' },
  }),
};

export async function startFakeSlack(options: FakeSlackOptions = {}) {
  const methodSpec = loadSlackSpec();
  const history = createSlackHistory(options.scopes ?? MANIFEST_SCOPES);
  const calls: SlackCall[] = [];
  const responses: ResponsePost[] = [];
  const violations: string[] = [];
  const overrides = new Map<string, Answer>();
  const uploads: Upload[] = [];
  // file id → what files.getUploadURLExternal was told, to check the upload and its completion against
  const pending = new Map<string, { filename: string; length: number }>();
  let uploadFailures: number[] = []; // statuses for the next uploads, in order
  const failures = new Map<string, { status: number; retryAfter?: number }[]>(); // per method, for the next calls
  let origin = '';

  // The external upload flow: a URL on this fake, the bytes posted there, then the completion naming the files.
  const uploadAnswers: Record<string, Answer> = {
    'files.getUploadURLExternal': (c) => {
      const fileId = `F${pending.size + 1}`;
      pending.set(fileId, { filename: String(c.params.filename), length: Number(c.params.length) });
      return { upload_url: `${origin}/upload/${fileId}`, file_id: fileId };
    },
    'files.completeUploadExternal': (c) => {
      const files = JSON.parse(String(c.params.files)) as { id: string; title?: string }[];
      for (const f of files) {
        if (!uploads.some((u) => u.fileId === f.id))
          violations.push(`files.completeUploadExternal: file ${f.id} was never uploaded`);
      }
      return {
        files: files.map((f) => ({
          id: f.id,
          title: f.title ?? pending.get(f.id)?.filename,
          name: pending.get(f.id)?.filename,
        })),
      };
    },
  };

  const historyAnswers: Record<string, Answer> = {
    'chat.postMessage': history.post,
    'conversations.history': history.history,
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const bytes = await readAll(req);
    const raw = bytes.toString('utf8');
    const json = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const upload = /^\/upload\/(\w+)$/.exec(url.pathname);
    if (upload && req.method === 'POST') {
      const fileId = upload[1]!;
      const expected = pending.get(fileId);
      if (!expected) violations.push(`upload to an upload_url never handed out: ${url.pathname}`);
      const failure = uploadFailures.shift();
      if (failure) return res.writeHead(failure).end();
      let received: Upload;
      try {
        received = await uploadedFile(fileId, bytes, req.headers['content-type']);
      } catch (error) {
        violations.push(`upload ${fileId}: ${(error as Error).message}`);
        return res.writeHead(400).end();
      }
      if (expected && received.bytes.length !== expected.length) {
        violations.push(
          `upload ${fileId}: ${received.bytes.length} bytes, but files.getUploadURLExternal was told ` +
            `${expected.length}`,
        );
      }
      uploads.push(received);
      return res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${received.bytes.length}`);
    }
    const respond = /^\/respond\/([\w-]+)$/.exec(url.pathname);
    if (respond && req.method === 'POST') {
      responses.push({ id: respond[1]!, body: JSON.parse(raw || '{}') as Record<string, unknown> });
      return json(200, { ok: true });
    }
    const method = /^\/api\/([\w.]+)$/.exec(url.pathname)?.[1];
    const spec = method ? methodSpec(method) : undefined;
    if (!method || !spec) {
      violations.push(`unknown method: ${req.method} ${url.pathname}`);
      return json(404, { ok: false, error: 'unknown_method' });
    }
    const params: Record<string, unknown> = {
      ...Object.fromEntries(url.searchParams),
      ...parseBody(raw, req.headers['content-type']),
    };
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? (params.token as string | undefined);
    const missing = [
      ...spec.required.filter((p) => params[p] === undefined || params[p] === ''),
      ...(spec.needsToken && !token ? ['token'] : []),
    ];
    const unknown = spec.known ? Object.keys(params).filter((p) => p !== 'token' && !spec.known!.includes(p)) : [];
    calls.push({ method, params, token, at: performance.now() });
    if (unknown.length) violations.push(`${method}: no such parameter ${unknown.join(', ')}`);
    if (missing.length) {
      violations.push(`${method}: missing required ${missing.join(', ')}`);
      return json(200, { ok: false, error: 'invalid_arguments' });
    }
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs!()));
    const chaos = options.rateLimit;
    const failure =
      failures.get(method)?.shift() ??
      (chaos?.methods.includes(method) && chaos.random() < chaos.chance
        ? { status: 429, retryAfter: chaos.retryAfter }
        : undefined);
    if (failure) {
      calls.at(-1)!.failedWith = failure.status;
      // Slack's rate limit: HTTP 429 with Retry-After in seconds; an outage: a bare 5xx.
      const headers = failure.retryAfter === undefined ? {} : { 'retry-after': String(failure.retryAfter) };
      return res
        .writeHead(failure.status, { 'content-type': 'application/json', ...headers })
        .end(failure.status === 429 ? JSON.stringify({ ok: false, error: 'ratelimited' }) : '');
    }
    const answer =
      overrides.get(method) ?? uploadAnswers[method] ?? historyAnswers[method] ?? ANSWERS[method] ?? (() => ({}));
    return json(200, { ok: true, ...answer({ method, params, token }) });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/api/`,
    origin,
    calls,
    /** Messages chat.postMessage posted (not those it refused), oldest first. */
    posted: history.posted,
    responses,
    violations,
    uploads,
    /** The next uploads to an upload_url answer these HTTP statuses instead of 200 (one per upload). */
    failUploads: (...statuses: number[]) => void (uploadFailures = statuses),
    /** The next `times` calls of a method answer this HTTP status (429: with Retry-After) instead of running. */
    failNext(method: string, status: number, times = 1, retryAfter?: number) {
      const queue = failures.get(method) ?? [];
      for (let i = 0; i < times; i++) queue.push({ status, ...(retryAfter === undefined ? {} : { retryAfter }) });
      failures.set(method, queue);
    },
    responseUrl: (id: string) => `${origin}/respond/${id}`,
    answer: (method: string, fn: Answer) => void overrides.set(method, fn),
    callsTo: (method: string) => calls.filter((c) => c.method === method),
    /** Polls until the predicate holds; fails after Slack's 3-second window. */
    async waitFor<T>(probe: () => T | undefined | false, timeoutMs = 3000): Promise<T> {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const value = probe();
        if (value) return value;
        if (Date.now() > until) throw new Error('fake Slack: timed out waiting');
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export type FakeSlack = Awaited<ReturnType<typeof startFakeSlack>>;

function parseBody(raw: string, type: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (type?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(raw));
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Slack accepts raw bytes or a multipart form with one file part. */
async function uploadedFile(fileId: string, bytes: Buffer, type: string | undefined): Promise<Upload> {
  if (!isMultipart(type)) return { fileId, contentType: type, bytes };
  const { files } = await parseMultipart(bytes, type);
  if (files.length !== 1) throw new Error(`${files.length} file parts, expected 1`);
  const file = files[0]!;
  return { fileId, filename: file.name, contentType: file.contentType, bytes: file.bytes };
}
