// The Docker image cannot be built here, so run the exact commands it runs (CMD, on the bundle test/build-bundle.ts
// builds as the image's build stage does, and HEALTHCHECK) on the host, and check that the alert rules and the
// dashboard only use metrics the bot really exports.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const jsonArray = (instruction: string) =>
  JSON.parse(
    new RegExp(`^${instruction}.*?(\\[.*\\])\\s*$`, 'm').exec(dockerfile.replace(/\\\n\s*/g, ''))![1]!,
  ) as string[];

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

let tmp: ReturnType<typeof tempDir> | undefined;
afterEach(() => tmp?.cleanup());

describe('Dockerfile', () => {
  it('runs as a non-root user with data in a /data volume, and only production packages', () => {
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^VOLUME \["\/data"\]$/m);
    expect(dockerfile).toMatch(/DATABASE_PATH=\/data\//);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
  });

  it('copies only what the repository has, and runs only npm scripts package.json defines', () => {
    const copied = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => m[1]!.split(/\s+/));
    expect(copied).toEqual(expect.arrayContaining(['src', 'scripts', 'migrations', 'content', 'package-lock.json']));
    for (const path of copied) expect(existsSync(join(ROOT, path)), path).toBe(true);
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: object }).scripts;
    const run = [...dockerfile.matchAll(/^RUN npm run ([\w:-]+)/gm)].map((m) => m[1]!);
    expect(run).toEqual(['build', 'build:compile-cache']);
    for (const name of run) expect(scripts, name).toHaveProperty([name]);
    expect(jsonArray('CMD')).toEqual(['node', 'dist/main.js', 'start']); // the bundle test/build-bundle.ts builds
  });

  it('builds on the Node LTS line that package.json, the README and CI name', () => {
    const majors = [...dockerfile.matchAll(/^FROM node:(\d+)-[a-z]+-slim\b/gm)].map((m) => Number(m[1]));
    expect(majors).toEqual([24, 24, 24]); // build, deps and the final stage
    const engines = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } })
      .engines.node;
    expect(engines).toBe('^22.14.0 || ^24.0.0'); // better-sqlite3 13 needs 22.14's Node-API
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toMatch(/^Node 22 or 24 \(the LTS lines maintained today\)/m);
    expect(readFileSync(join(ROOT, '.ci/use-node.sh'), 'utf8')).toContain('node-linux-$node_arch@24');
  });

  it('its CMD starts the bot, its HEALTHCHECK passes, its metrics feed the alerts and dashboard, and SIGTERM exits ' +
    '0', async () => {
    tmp = tempDir();
    const port = await freePort();
    const env = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_PATH: join(tmp.dir, 'data', 'roadmap-coach.db'),
      PORT: String(port),
      LOG_LEVEL: 'info',
    };
    const [cmd, ...args] = jsonArray('CMD');
    const bot = spawn(cmd!, args, { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    bot.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => bot.on('close', resolve));
    for (let i = 0; i < 300 && !stderr.includes('http server listening'); i++)
      await new Promise((r) => setTimeout(r, 20));

    const [hcCmd, ...hcArgs] = jsonArray('HEALTHCHECK');
    expect(spawnSync(hcCmd!, hcArgs, { env }).status).toBe(0);

    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const used = new Set(
      [
        ...readFileSync(join(ROOT, 'deploy/alerts.yml'), 'utf8').matchAll(/\b((?:roadmap|process|nodejs)_[a-z0-9_]+)/g),
        ...readFileSync(join(ROOT, 'deploy/grafana-dashboard.json'), 'utf8').matchAll(
          /\b((?:roadmap|process|nodejs)_[a-z0-9_]+)/g,
        ),
      ].map((m) => m[1]!),
    );
    expect(used.size).toBeGreaterThan(5);
    for (const name of used) expect(metrics, name).toContain(`# TYPE ${name.replace(/_(bucket|sum|count)$/, '')} `);

    bot.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(spawnSync(hcCmd!, hcArgs, { env }).status).toBe(1); // and the health check notices it is gone
  }, 30_000);
});
