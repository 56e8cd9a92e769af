// A local fake of Slack's Web API over real HTTP on 127.0.0.1: checks every call against the OpenAPI spec,
// records it, answers like Slack; also serves response_url endpoints and records what is posted to them.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadSlackSpec } from './slack-spec.ts';

export interface SlackCall { method: string; params: Record<string, unknown>; token?: string }
export interface ResponsePost { id: string; body: Record<string, unknown> }
type Answer = (call: SlackCall) => Record<string, unknown>;

export const INSTALLED_TOKEN = 'xoxb-installed-0123456789-secret';

const ANSWERS: Record<string, Answer> = {
  'auth.test': () => ({ user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', team: 'Acme', url: 'https://acme.slack.com/' }),
  'users.info': (c) => ({ user: { id: c.params.user, name: 'alice', real_name: 'Alice Real', tz: 'Europe/Berlin', profile: { display_name: 'Alice' } } }),
  'conversations.open': (c) => ({ channel: { id: `D${String(c.params.users)}` } }),
  'chat.postMessage': (c) => ({ channel: c.params.channel, ts: '1700000000.000100' }),
  'views.publish': (c) => ({ view: { id: 'V1', type: 'home' } }),
  'oauth.v2.access': () => ({
    access_token: INSTALLED_TOKEN, token_type: 'bot', scope: 'commands,chat:write,users:read,im:write', bot_user_id: 'UBOT9',
    app_id: 'A1', team: { id: 'T9', name: 'Nine' }, enterprise: null, is_enterprise_install: false, authed_user: { id: 'U9' },
  }),
};

export async function startFakeSlack() {
  const methodSpec = loadSlackSpec();
  const calls: SlackCall[] = [];
  const responses: ResponsePost[] = [];
  const violations: string[] = [];
  const overrides = new Map<string, Answer>();

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readAll(req);
    const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
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
    const params: Record<string, unknown> = { ...Object.fromEntries(url.searchParams), ...parseBody(raw, req.headers['content-type']) };
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? (params.token as string | undefined);
    const missing = [...spec.required.filter((p) => params[p] === undefined || params[p] === ''), ...(spec.needsToken && !token ? ['token'] : [])];
    calls.push({ method, params, token });
    if (missing.length) {
      violations.push(`${method}: missing required ${missing.join(', ')}`);
      return json(200, { ok: false, error: 'invalid_arguments' });
    }
    const answer = overrides.get(method) ?? ANSWERS[method] ?? (() => ({}));
    return json(200, { ok: true, ...answer({ method, params, token }) });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/api/`,
    origin,
    calls,
    responses,
    violations,
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
    close: () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}

export type FakeSlack = Awaited<ReturnType<typeof startFakeSlack>>;

function parseBody(raw: string, type: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (type?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(raw));
}

async function readAll(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
