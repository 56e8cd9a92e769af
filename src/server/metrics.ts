// Prometheus metrics (prom-client): commands, their latency, deliveries, outbox depth, platform connections, whether
// this replica leads (ticks and sends), and the default process metrics. One registry per app, so tests and a second app in one process never collide.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { CommandEvent } from '../core/index.ts';

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const commands = new Counter({
    name: 'roadmap_commands_total',
    help: 'Commands handled, by verb, platform and outcome (ok, refused, error)',
    labelNames: ['verb', 'platform', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'roadmap_command_duration_seconds',
    help: 'Time to handle a command in the core',
    labelNames: ['verb', 'platform'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  const deliveries = new Counter({
    name: 'roadmap_deliveries_total',
    help: 'Outbound messages (nudges, digests), by platform and outcome',
    labelNames: ['platform', 'outcome'] as const,
    registers: [registry],
  });
  const outboxDepth = new Gauge({
    name: 'roadmap_outbox_depth',
    help: 'Deliveries waiting to be sent',
    registers: [registry],
  });
  let connections: () => { platform: string; up: boolean }[] = () => [];
  new Gauge({
    name: 'roadmap_platform_connected',
    help: '1 while a platform connection is up, else 0',
    labelNames: ['platform'] as const,
    registers: [registry],
    collect() {
      for (const { platform, up } of connections()) this.set({ platform }, up ? 1 : 0);
    },
  });

  const leader = new Gauge({
    name: 'roadmap_scheduler_leader',
    help: '1 while this replica leads: it alone ticks and sends (every replica serves commands)',
    registers: [registry],
  });
  const leaderChanges = new Counter({
    name: 'roadmap_scheduler_leadership_changes_total',
    help: 'Times this replica became leader or stopped being one',
    registers: [registry],
  });

  return {
    registry,
    deliveries,
    outboxDepth,
    observeCommand(event: CommandEvent): void {
      commands.inc({ verb: event.verb, platform: event.platform, outcome: event.outcome });
      latency.observe({ verb: event.verb, platform: event.platform }, event.seconds);
    },
    /** This replica became leader (true) or stopped being one. */
    leading(leading: boolean): void {
      leader.set(leading ? 1 : 0);
      leaderChanges.inc();
    },
    /** Read at every scrape: each connected platform adapter and whether it is up. */
    watchConnections(source: () => { platform: string; up: boolean }[]): void {
      connections = source;
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
