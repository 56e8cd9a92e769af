// A hosted deployment in miniature: replicas of the real bot (`start`, each its own process) on one PostgreSQL database
// of their own, Slack in HTTP mode and Discord over its HTTP interactions endpoint, both faked on 127.0.0.1, REPLICAS
// set as a team would. What a load balancer does is the test's business: it picks the replica a request goes to.
import { systemClock } from '../../src/clock.ts';
import { createSigner, SIGNING_SECRET } from '../adapters/slack/requests.ts';
import { createDiscordSigner } from '../fakes/discord-signer.ts';
import { FOLLOWS, LEADS, type Replica, startReplica, stopReplica } from '../replica-process.ts';
import { startFanOutFakes } from '../schedule/fan-out-harness.ts';
import { type Engine, type OpenedEngine, POSTGRES_ENGINES } from '../store/engines.ts';

/** The real server only (TEST_DATABASE_URL): PGlite lives in one process and cannot be shared by replicas. Without
 *  it the suites here have no cases, as test/schedule/leader-handover.test.ts. */
export const SERVERS = POSTGRES_ENGINES.filter((e) => e.name === 'postgres');

export interface DeploymentOptions {
  replicas: number;
  random: () => number;
  /** How often the platform fakes answer 429 (default 2%). */
  rateLimitChance?: number;
}

/** Waits until a replica's platforms have started: it says whether it leads only after that. (/readyz says 200 a
 *  little earlier, while an HTTP-mode platform's route still answers 503: it checks only gateway connections.) */
export async function ready(replica: Replica): Promise<void> {
  await Promise.any([replica.waitFor(LEADS), replica.waitFor(FOLLOWS)]);
}

export async function startDeployment(engine: Engine, opts: DeploymentOptions) {
  const opened: OpenedEngine = await engine.open();
  const fakes = await startFanOutFakes({ history: false, ...opts });
  const signer = createDiscordSigner();
  const env = {
    ...fakes.env,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    DISCORD_PUBLIC_KEY: signer.publicKey, // a public key and no gateway: Discord over HTTP
    REPLICAS: String(opts.replicas),
  };
  const replicas: Replica[] = [];
  const start = (): Replica => {
    const replica = startReplica(opened.url!, env, 'start');
    replicas.push(replica);
    return replica;
  };
  const running = () => replicas.filter((r) => r.child.exitCode === null && r.child.signalCode === null);

  return {
    ...fakes,
    db: opened.db,
    replicas,
    start,
    running,
    /** Starts the replicas and waits until each is ready (its platforms' routes answer) and one of them leads. */
    async up(): Promise<Replica[]> {
      const started = Array.from({ length: opts.replicas }, start);
      await Promise.all(started.map(ready));
      await Promise.any(started.map((r) => r.waitFor(LEADS)));
      return started;
    },
    ready,
    /** The running replica that leads now (the last to say so). */
    leader(): Replica | undefined {
      const leadsSince = (r: Replica) => r.lines.findLast((l) => l.msg === LEADS)?.at ?? -1;
      return running()
        .filter((r) => leadsSince(r) >= 0)
        .sort((a, b) => leadsSince(b) - leadsSince(a))[0];
    },
    /** Slack's signed requests to one replica's /slack/events. */
    slackTo: (replica: Replica) => createSigner(`http://127.0.0.1:${replica.port()}`, systemClock),
    /** A Discord interaction POSTed to one replica's /discord/interactions, signed by the application's key. */
    async discordTo(replica: Replica, interaction: unknown): Promise<{ status: number; body: unknown }> {
      const raw = JSON.stringify(interaction);
      const res = await fetch(`http://127.0.0.1:${replica.port()}/discord/interactions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signer.headers(raw) },
        body: raw,
      });
      const text = await res.text();
      return {
        status: res.status,
        body: res.headers.get('content-type') === 'application/json' ? JSON.parse(text) : text,
      };
    },
    async close() {
      for (const r of replicas) r.child.kill('SIGKILL');
      await Promise.all(replicas.map(stopReplica));
      await fakes.close();
      await opened.dispose();
    },
  };
}

export type Deployment = Awaited<ReturnType<typeof startDeployment>>;
