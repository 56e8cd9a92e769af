// The HTTP endpoints over real HTTP, with metrics counting real commands run through the app.
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { definePlatform } from '../../src/adapters/platform.ts';
import { type App, startApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { reply } from '../../src/core/model/reply.ts';
import { createLog } from '../../src/log.ts';
import { tempDir } from '../helpers.ts';

let app: App | undefined;
let tmp: ReturnType<typeof tempDir>;
afterEach(async () => {
  await app?.stop();
  tmp.cleanup();
});

async function start() {
  tmp = tempDir();
  const input = new PassThrough();
  const output = new PassThrough();
  output.resume();
  app = await startApp({
    config: loadConfig({ DATABASE_PATH: join(tmp.dir, 'coach.db'), PORT: '0' }),
    log: createLog('silent'),
    terminal: { input, output, interactive: false, user: { id: 'ada', displayName: 'Ada' }, onEnd: () => {} },
  });
  return { base: `http://127.0.0.1:${app.address!.port}`, input };
}

describe('HTTP server', () => {
  it('serves /healthz, /readyz and 404s', async () => {
    const { base } = await start();
    expect(await (await fetch(`${base}/healthz`)).text()).toBe('ok\n');
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, checks: [{ name: 'database', ok: true }] });
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });

  it('/readyz says 503, naming the check, when the database is closed', async () => {
    const { base } = await start();
    await app!.store.close();
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ ready: false, checks: [{ name: 'database', ok: false }] });
    expect((await fetch(`${base}/healthz`)).status).toBe(200); // the process is still up
  });

  it('/readyz says 503 while a platform is still starting (its routes cannot take requests yet)', async () => {
    tmp = tempDir();
    let up = () => {};
    const starting = new Promise<void>((resolve) => (up = resolve));
    let port: number | undefined;
    // A platform whose start waits on the test: the HTTP server already listens, the platform cannot take requests.
    const slow = definePlatform({
      name: 'slow',
      env: {},
      configured: () => true,
      setupHint: '',
      create: async () => ({ platform: 'slow', start: () => starting, stop: async () => {} }),
    });
    const log = createLog('info', (line) => {
      port ??= (JSON.parse(line) as { port?: number }).port;
    });
    const config = loadConfig({ DATABASE_PATH: join(tmp.dir, 'coach.db'), PORT: '0' }, [slow]);
    const started = startApp({ config, log, platforms: [slow] });
    for (let i = 0; i < 500 && port === undefined; i++) await new Promise((r) => setTimeout(r, 10));
    const before = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(before.status).toBe(503);
    expect(((await before.json()) as { checks: unknown[] }).checks).toContainEqual({ name: 'starting', ok: false });
    up();
    app = await started;
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
  });

  it('/readyz says 503 from the moment a stop begins, while running commands finish', async () => {
    const { base } = await start();
    let finish = () => {};
    const running = app!.inflight.wrap(() => new Promise((resolve) => (finish = () => resolve(reply({ blocks: [] })))));
    const command = running({} as Parameters<typeof running>[0]);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const stopping = app!.stop();
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { checks: unknown[] }).checks).toContainEqual({ name: 'stopping', ok: false });
    finish();
    await command;
    await stopping;
  });

  it('/metrics counts real commands by verb, platform and outcome, with latency and process metrics', async () => {
    const { base, input } = await start();
    input.write('next\ndone express\nfrobnicate\n');
    for (let i = 0; i < 100 && !(await text(base)).includes('verb="unknown"'); i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const body = await text(base);
    expect(body).toContain('roadmap_commands_total{verb="next",platform="terminal",outcome="ok"} 1');
    expect(body).toContain('roadmap_commands_total{verb="done",platform="terminal",outcome="ok"} 1');
    expect(body).toContain('roadmap_commands_total{verb="unknown",platform="terminal",outcome="refused"} 1');
    expect(body).toMatch(/roadmap_command_duration_seconds_count\{verb="next",platform="terminal"\} 1/);
    expect(body).toContain('process_cpu_user_seconds_total');
    expect(body).toContain('# TYPE roadmap_outbox_depth gauge');
  });
});

async function text(base: string): Promise<string> {
  return (await fetch(`${base}/metrics`)).text();
}
