// The deployment examples for several replicas (deploy/compose.yaml, deploy/kubernetes/) cannot be run here (no Docker
// engine, no cluster), so check what can be: every file parses, every variable they set is one the bot reads, the two
// replicas are configured alike and for HTTP (no Slack socket), and the probes and the proxy's health check name
// routes the real bot answers.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { type App, startApp } from '../../src/app.ts';
import { configVariables, loadConfig, platformsOf } from '../../src/config.ts';
import { createLog } from '../../src/log.ts';
import { tempDir } from '../helpers.ts';

const DEPLOY = new URL('../../deploy/', import.meta.url).pathname;
const read = (file: string) => readFileSync(join(DEPLOY, file), 'utf8');
// NODE_ENV is read by libraries, not by the bot's configuration.
const KNOWN = new Set([...configVariables(), 'NODE_ENV']);
// What an operator would put in .env: one Slack workspace over HTTP, and Discord on its HTTP endpoint.
const SAMPLE: Record<string, string> = {
  PUBLIC_HOST: 'coach.example.com',
  POSTGRES_PASSWORD: 'a-password',
  SLACK_SIGNING_SECRET: 's'.repeat(32),
  SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
  DISCORD_TOKEN: 'x'.repeat(40),
  DISCORD_APPLICATION_ID: '123456789012345678',
  DISCORD_PUBLIC_KEY: 'ab'.repeat(32),
};

/** Every document of a YAML file, failing on any syntax error or warning. */
function yamlDocuments(file: string): Record<string, unknown>[] {
  const documents = parseAllDocuments(read(file));
  for (const doc of documents) {
    expect(
      [...doc.errors, ...doc.warnings].map((e) => e.message),
      file,
    ).toEqual([]);
  }
  return documents.map((doc) => doc.toJS({ maxAliasCount: -1 }) as Record<string, unknown>);
}

/** The keys of a KEY=value file, comments and blank lines skipped. */
function envFileKeys(file: string): string[] {
  return read(file)
    .split('\n')
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line) => line.slice(0, line.indexOf('=')));
}

type ComposeService = {
  environment?: Record<string, string | number>;
  healthcheck?: { test: string[] };
  image?: string;
};
type Probe = { httpGet: { path: string; port: string } };
type Container = {
  env: { name: string; value: string }[];
  ports: { name: string; containerPort: number }[];
  readinessProbe: Probe;
  livenessProbe: Probe;
  startupProbe: Probe;
};

const compose = yamlDocuments('compose.yaml')[0] as { services: Record<string, ComposeService> };
const bots = Object.entries(compose.services).filter(([, service]) => service.image?.startsWith('roadmap-coach'));
const kubernetes = readdirSync(join(DEPLOY, 'kubernetes'))
  .filter((file) => file.endsWith('.yaml'))
  .flatMap((file) => yamlDocuments(join('kubernetes', file)));
const ofKind = (kind: string) => kubernetes.filter((doc) => doc.kind === kind) as Record<string, any>[];
const deployment = ofKind('Deployment')[0]!;
const container = deployment.spec.template.spec.containers[0] as Container;

let app: App | undefined;
let tmp: ReturnType<typeof tempDir> | undefined;
let base = '';
beforeAll(async () => {
  tmp = tempDir();
  const output = new PassThrough();
  output.resume();
  app = await startApp({
    config: loadConfig({ DATABASE_PATH: join(tmp.dir, 'coach.db'), PORT: '0' }),
    log: createLog('silent'),
    terminal: {
      input: new PassThrough(),
      output,
      interactive: false,
      user: { id: 'ada', displayName: 'Ada' },
      onEnd: () => {},
    },
  });
  base = `http://127.0.0.1:${app.address!.port}`;
});
afterAll(async () => {
  await app?.stop();
  tmp?.cleanup();
});

describe('deploy/compose.yaml', () => {
  it('runs two replicas of the image, configured alike, on PostgreSQL, with Slack over HTTP', () => {
    expect(bots.map(([name]) => name)).toEqual(['bot-1', 'bot-2']);
    const [first, second] = bots.map(([, service]) => service) as [ComposeService, ComposeService];
    expect(second).toEqual(first);
    const environment = first.environment!;
    expect(String(environment.DATABASE_URL)).toMatch(/^postgres:\/\/.+@postgres:5432\//);
    expect(environment).not.toHaveProperty('SLACK_APP_TOKEN'); // Socket Mode is refused with replicas
    expect(environment).toHaveProperty('DISCORD_PUBLIC_KEY'); // Discord over HTTP interactions, not the gateway
  });

  it('with its variables filled in, is a configuration the bot accepts: Slack over HTTP, Discord over HTTP', () => {
    const filled = Object.fromEntries(
      Object.entries(bots[0]![1].environment!).map(([name, value]) => [
        name,
        String(value).replace(
          /\$\{([A-Z_]+)(?::([?-])([^}]*))?\}/g,
          (_, variable: string, kind?: string, rest?: string) => SAMPLE[variable] ?? (kind === '-' ? (rest ?? '') : ''),
        ),
      ]),
    );
    const config = loadConfig(filled);
    expect(config.REPLICAS).toBe(bots.length);
    expect(platformsOf(config)).toEqual({ slack: true, discord: true });
    expect(config.DISCORD_PUBLIC_KEY).toBe(SAMPLE.DISCORD_PUBLIC_KEY);
  });

  it('sets only variables the bot reads, and .env.example names every one it takes from the environment', () => {
    const environment = bots[0]![1].environment!;
    for (const name of Object.keys(environment)) expect(KNOWN, name).toContain(name);

    const text = read('compose.yaml');
    const required = new Set([...text.matchAll(/\$\{([A-Z_]+)(?::[?-]|\})/g)].map((m) => m[1]!));
    const examples = envFileKeys('.env.example');
    const withDefault = new Set([...text.matchAll(/\$\{([A-Z_]+):-[^}]+\}/g)].map((m) => m[1]!));
    for (const name of required) if (!withDefault.has(name)) expect(examples, name).toContain(name);
    // A key in .env.example is used: set on the bots under its own name, or spelt into compose.yaml.
    for (const name of examples) expect(required, name).toContain(name);
  });

  it('the replicas and the proxy check readiness on /readyz, and the proxy spreads over both replicas', async () => {
    const caddyfile = read('Caddyfile');
    expect(caddyfile).toMatch(/reverse_proxy bot-1:3000 bot-2:3000 \{/);
    expect(caddyfile).toMatch(/^\s*health_uri \/readyz$/m);
    expect(bots[0]![1].environment!.PORT).toBe(3000);
    const probe = bots[0]![1].healthcheck!.test.join(' ');
    expect(probe).toContain("fetch('http://127.0.0.1:3000/readyz')");
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });
});

describe('deploy/kubernetes', () => {
  it('lists every manifest in its kustomization, and every manifest parses', () => {
    const kustomization = yamlDocuments('kubernetes/kustomization.yaml')[0] as { resources: string[] };
    const manifests = readdirSync(join(DEPLOY, 'kubernetes')).filter(
      (file) => file.endsWith('.yaml') && file !== 'kustomization.yaml',
    );
    expect([...kustomization.resources].sort()).toEqual(manifests.sort());
  });

  it('runs at least two replicas, rolls one at a time, and a disruption budget keeps one up', () => {
    expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(deployment.spec.strategy.rollingUpdate).toEqual({ maxUnavailable: 0, maxSurge: 1 });
    expect(ofKind('PodDisruptionBudget')[0]!.spec.minAvailable).toBe(1);
  });

  it('sets only variables the bot reads, secrets from a Secret whose example keys the bot reads too', () => {
    for (const { name } of container.env) expect(KNOWN, name).toContain(name);
    expect(container.env.find((e) => e.name === 'REPLICAS')?.value).toBe(String(deployment.spec.replicas));
    for (const name of envFileKeys('kubernetes/secret.example.env')) expect(KNOWN, name).toContain(name);
    expect(deployment.spec.template.spec.containers[0].envFrom).toEqual([{ secretRef: { name: 'roadmap-coach' } }]);
  });

  it('probes routes the real bot answers, on the port it listens on', async () => {
    const port = container.ports.find((p) => p.name === 'http')!;
    expect(container.env.find((e) => e.name === 'PORT')?.value).toBe(String(port.containerPort));
    expect(container.readinessProbe.httpGet.path).toBe('/readyz');
    for (const probe of [container.readinessProbe, container.livenessProbe, container.startupProbe]) {
      expect(probe.httpGet.port).toBe('http');
      expect((await fetch(`${base}${probe.httpGet.path}`)).status, probe.httpGet.path).toBe(200);
    }
  });

  it("the service, the disruption budget and the ingress reach the deployment's pods and port", () => {
    const pods = deployment.spec.template.metadata.labels;
    expect(deployment.spec.selector.matchLabels).toEqual(pods);
    const service = ofKind('Service')[0]!;
    expect(service.spec.selector).toEqual(pods);
    expect(ofKind('PodDisruptionBudget')[0]!.spec.selector.matchLabels).toEqual(pods);
    expect(service.spec.ports[0].targetPort).toBe('http');
    const backends = ofKind('Ingress')[0]!.spec.rules[0].http.paths.map((p: any) => p.backend.service);
    for (const backend of backends) expect(backend).toEqual({ name: service.metadata.name, port: { name: 'http' } });
  });
});
