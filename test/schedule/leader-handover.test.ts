// Two replicas of the real bot on one PostgreSQL server: one leads (ticks and sends), the other serves commands and
// is ready. The leader is SIGKILLed: the other takes over within 30 s (the default 5 s check), says so in its log and
// in /metrics. The benchmark prints the same hand-over time (bench/leader-handover.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { LEADER_LOCK } from '../../src/store/postgres/leader-lock.ts';
import { FOLLOWS, handOver, LEADS, LOST, type Replica, startReplica, stopReplica } from '../replica-process.ts';
import { type OpenedEngine, POSTGRES_ENGINES } from '../store/engines.ts';

const SERVERS = POSTGRES_ENGINES.filter((e) => e.name === 'postgres');

async function get(replica: Replica, path: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`http://127.0.0.1:${replica.port()}${path}`);
  return { status: res.status, text: await res.text() };
}
const leaderGauge = async (r: Replica) => /^roadmap_scheduler_leader (\d)$/m.exec((await get(r, '/metrics')).text)?.[1];

describe.each(SERVERS.map((e) => [e.name, e] as const))('replicas on %s', (_name, engine) => {
  let opened: OpenedEngine | undefined;
  const replicas: Replica[] = [];
  afterEach(async () => {
    await Promise.all(replicas.splice(0).map(stopReplica));
    await opened?.dispose();
  });

  /** Two replicas on a fresh database: the first to start leads, the second follows. */
  async function leaderAndFollower(): Promise<[Replica, Replica]> {
    opened = await engine.open();
    const a = startReplica(opened.url!);
    replicas.push(a);
    await a.waitFor(LEADS);
    const b = startReplica(opened.url!);
    replicas.push(b);
    await b.waitFor(FOLLOWS);
    return [a, b];
  }

  it('hand over the leadership within 30 s when the leader is killed; the follower serves and is ready', async () => {
    const [a, b] = await leaderAndFollower();
    await b.waitFor('http server listening');
    expect(a.lines.filter((l) => l.msg === LEADS)).toHaveLength(1);
    // The follower is ready (its database answers), and says in /metrics that it does not lead.
    expect((await get(b, '/readyz')).status).toBe(200);
    expect(await leaderGauge(b)).toBe('0');
    expect(await leaderGauge(a)).toBe('1');

    const ms = await handOver(a, b);
    console.log(`leader hand-over after SIGKILL: ${(ms / 1000).toFixed(1)} s`);
    expect(ms).toBeLessThan(30_000);
    expect(await leaderGauge(b)).toBe('1');
    expect((await get(b, '/readyz')).status).toBe(200);
    // A killed leader never says anything again; the new one says it took over once.
    expect(b.lines.filter((l) => l.msg === LEADS)).toHaveLength(1);
  }, 120_000);

  it('stops a leader at once when its lock connection drops, and elects a leader again', async () => {
    const [a, b] = await leaderAndFollower();
    const from = Math.max(a.lines.length, b.lines.length);
    // The server ends the leader's lock session (as when its network drops): the process lives on.
    const endedAt = performance.now();
    await opened!.db.transaction((r) =>
      r.run(
        `select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and objid = @key and granted
        and database = (select oid from pg_database where datname = current_database())`,
        { key: LEADER_LOCK },
      ),
    );
    const lost = await a.waitFor(LOST, 5_000, from);
    expect(lost.at - endedAt).toBeLessThan(1_000); // at once, not at the next check
    expect(await leaderGauge(a)).toBe('0');
    // Whoever checks first takes the free lock: one of the two leads again.
    const next = await Promise.any([a.waitFor(LEADS, 30_000, from), b.waitFor(LEADS, 30_000, from)]);
    expect(next.at - endedAt).toBeLessThan(30_000);
    const leaders = [a, b].filter((r) => r.lines.slice(from).some((l) => l.msg === LEADS));
    expect(leaders).toHaveLength(1);
  }, 120_000);
});
