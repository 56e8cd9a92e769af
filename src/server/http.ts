// The one HTTP server: /healthz (process up), /readyz (database and platforms), /metrics (Prometheus), and any
// platform routes mounted on it (Slack's /slack/events in HTTP mode), and the dashboard under /dashboard.
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Log } from '../log.ts';
import type { Metrics } from './metrics.ts';

export type ReadinessCheck = () =>
  | Promise<{ name: string; ok: boolean; detail?: string }[]>
  | { name: string; ok: boolean; detail?: string }[];

export interface HttpDeps {
  port: number;
  host?: string;
  log: Log;
  metrics: Metrics;
  readiness: ReadinessCheck;
  routes?: { prefix: string; handler: RequestListener }[]; // e.g. Slack's receiver under /slack/
}

export function createHttpServer(deps: HttpDeps) {
  const server: Server = createServer(
    (req, res) =>
      void route(req, res).catch((err) => {
        deps.log.error('http request failed', { err, path: req.url });
        if (!res.headersSent) send(res, 500, 'text/plain', 'internal error\n');
      }),
  );

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/healthz') return send(res, 200, 'text/plain', 'ok\n');
    if (path === '/readyz') {
      const checks = await deps.readiness();
      const ready = checks.every((c) => c.ok);
      return send(res, ready ? 200 : 503, 'application/json', `${JSON.stringify({ ready, checks })}\n`);
    }
    if (path === '/metrics')
      return send(res, 200, deps.metrics.registry.contentType, await deps.metrics.registry.metrics());
    const mounted = deps.routes?.find((r) => path.startsWith(r.prefix));
    if (mounted) return void mounted.handler(req, res);
    send(res, 404, 'text/plain', 'not found\n');
  }

  return {
    server,
    async listen(): Promise<AddressInfo> {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(deps.port, deps.host ?? '0.0.0.0', () => resolve());
      });
      return server.address() as AddressInfo;
    },
    async close(): Promise<void> {
      server.closeIdleConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type }).end(body);
}
