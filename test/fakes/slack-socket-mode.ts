// A local fake of Slack's Socket Mode on 127.0.0.1: apps.connections.open hands out a one-use ws:// URL, the
// socket gets hello, the test sends envelopes and awaits their acks, and can ask the client to reconnect.
// Every other /api/ call is passed through to the Web API fake (our adapter has one API base URL for both).
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface Envelope {
  envelope_id: string;
  type: 'slash_commands' | 'interactive' | 'events_api';
  accepts_response_payload: boolean;
  payload: unknown;
}
export interface Ack {
  envelope_id: string;
  payload?: Record<string, unknown>;
}
/** One apps.connections.open call: the token it came with and what it got. */
export interface Open {
  token?: string;
  ok: boolean;
  error?: string;
}
/** One WebSocket connection: closeCode is set once it has closed (1000: the client closed it normally). */
export interface Connection {
  ticket: string;
  closeCode?: number;
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
}
function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const TIMEOUT_MS = 10_000; // longer than the client's 5 s pause before it reconnects

function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`fake Socket Mode: timed out waiting for ${what}`)), TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function startFakeSocketMode(opts: { appToken: string; appId?: string; upstream: string }) {
  const appId = opts.appId ?? 'A1';
  const opens: Open[] = [];
  const connections: Connection[] = [];
  const acks: Ack[] = [];
  const violations: string[] = [];
  const tickets = new Set<string>();
  const sockets = new Map<Connection, WebSocket>();
  const opened: Deferred<Connection>[] = []; // index n: the (n+1)th connection has had its hello
  const closed = new Map<Connection, Deferred<number>>();
  const ackWaiters = new Map<string, ((ack: Ack) => void)[]>();
  const nth = <T>(list: Deferred<T>[], n: number) => (list[n] ??= deferred<T>());
  let origin = '';

  const wss = new WebSocketServer({ noServer: true });
  const server = createServer(async (req, res) => {
    const body = await readAll(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/api/apps.connections.open') {
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      // Slack answers a bot or user token here with not_allowed_token_type; only the app-level token opens a socket.
      const error = !token
        ? 'not_authed'
        : !token.startsWith('xapp-')
          ? 'not_allowed_token_type'
          : token !== opts.appToken
            ? 'invalid_auth'
            : undefined;
      opens.push({ token, ok: !error, ...(error ? { error } : {}) });
      const ticket = randomUUID();
      if (!error) tickets.add(ticket);
      const answer = error
        ? { ok: false, error }
        : { ok: true, url: `${origin.replace(/^http/, 'ws')}/link/?ticket=${ticket}&app_id=${appId}` };
      return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    }
    const upstream = await fetch(new URL(url.pathname.replace(/^\/api\//, '') + url.search, opts.upstream), {
      method: req.method,
      headers: pick(req, ['content-type', 'authorization']),
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
    });
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });

  server.on('upgrade', (req, socket, head) => {
    const ticket = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('ticket') ?? '';
    if (!tickets.delete(ticket)) {
      violations.push(`WebSocket upgrade with an unknown or used ticket: ${req.url}`);
      return socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const connection: Connection = { ticket };
      const index = connections.push(connection) - 1;
      sockets.set(connection, ws);
      closed.set(connection, deferred<number>());
      ws.on('message', (data) => {
        let ack: Ack;
        try {
          ack = JSON.parse(String(data)) as Ack;
        } catch {
          return void violations.push(`not JSON: ${String(data)}`);
        }
        if (typeof ack.envelope_id !== 'string')
          return void violations.push(`a message that is not an ack: ${String(data)}`);
        acks.push(ack);
        const waiter = ackWaiters.get(ack.envelope_id)?.shift();
        if (waiter) waiter(ack);
        else violations.push(`an ack for no envelope awaiting one: ${ack.envelope_id}`);
      });
      ws.on('close', (code) => {
        connection.closeCode = code;
        sockets.delete(connection);
        closed.get(connection)!.resolve(code);
      });
      ws.send(
        JSON.stringify({
          type: 'hello',
          num_connections: sockets.size,
          connection_info: { app_id: appId },
          debug_info: { host: 'applink-fake', build_number: 1, approximate_connection_time: 18060 },
        }),
      );
      nth(opened, index).resolve(connection);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** The newest connection that is still open; envelopes go there. */
  const live = (): WebSocket => {
    const open = [...sockets.values()].filter((ws) => ws.readyState === ws.OPEN);
    if (!open.length) throw new Error('fake Socket Mode: no open connection');
    return open[open.length - 1]!;
  };

  return {
    /** The Web API base URL to give the adapter: apps.connections.open here, everything else passed upstream. */
    apiUrl: `${origin}/api/`,
    opens,
    connections,
    acks,
    violations,
    /** How many connections are open (a socket whose close handshake has begun is no longer open). */
    openCount: () => [...sockets.values()].filter((ws) => ws.readyState === ws.OPEN).length,
    /** Resolves when the nth connection (1-based) has been sent its hello. */
    connected: (n: number) => within(nth(opened, n - 1).promise, `connection ${n}`),
    /** Resolves with the close code once that connection has closed. */
    closed: (connection: Connection) =>
      within(closed.get(connection)!.promise, `connection ${connection.ticket} to close`),
    /** Sends an envelope on the live connection and resolves with its ack (each send awaits its own ack). */
    deliver(envelope: Envelope): Promise<Ack> {
      const ack = new Promise<Ack>((resolve) => {
        const waiting = ackWaiters.get(envelope.envelope_id) ?? [];
        waiting.push(resolve);
        ackWaiters.set(envelope.envelope_id, waiting);
      });
      live().send(JSON.stringify(envelope));
      return within(ack, `the ack of ${envelope.envelope_id}`);
    },
    /** Asks the client to reconnect, as Slack does before it recycles a connection. */
    disconnect(reason = 'refresh_requested') {
      live().send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'applink-fake' } }));
    },
    close: async () => {
      for (const ws of sockets.values()) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

export type FakeSocketMode = Awaited<ReturnType<typeof startFakeSocketMode>>;

/** Envelopes as Slack sends them; the payloads are the same bodies the HTTP endpoint receives. */
export const envelopes = {
  slashCommand: (payload: Record<string, string>, id = randomUUID()): Envelope => ({
    envelope_id: id,
    type: 'slash_commands',
    accepts_response_payload: true,
    payload,
  }),
  interactive: (payload: Record<string, unknown>, id = randomUUID()): Envelope => ({
    envelope_id: id,
    type: 'interactive',
    accepts_response_payload: false,
    payload,
  }),
};

function pick(req: IncomingMessage, names: string[]): Record<string, string> {
  return Object.fromEntries(names.flatMap((n) => (typeof req.headers[n] === 'string' ? [[n, req.headers[n]]] : [])));
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
