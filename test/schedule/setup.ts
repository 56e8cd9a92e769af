// Scheduler test wiring: the real core and store (createTestApp), the fake Discord REST, and a sender that posts
// through the real Discord send code with discord.js's REST client.
import { REST } from 'discord.js';
import type { SendLimits } from '../../src/adapters/adapter.ts';
import { createDiscordOutbound } from '../../src/adapters/discord/send.ts';
import { createLog, type Log } from '../../src/log.ts';
import { createSender } from '../../src/schedule/sender.ts';
import { createDiscordRestFake } from '../fakes/discord-rest.ts';
import { createTestApp } from '../helpers.ts';
import type { Engine } from '../store/engines.ts';

export const GUILD = '1200000000000000001';
export const userId = (i: number) => String(1400000000000000000n + BigInt(i));

/** Discord's real outbound, with faster limits than Discord's own where a test asks (the fake allows any rate). */
export function discordSending(rest: REST, log: Log, limits: Partial<SendLimits> = {}) {
  const outbound = createDiscordOutbound({ rest, log });
  return { platform: 'discord', outbound: { ...outbound, limits: { ...outbound.limits, ...limits } } };
}

export async function startScheduling(opts: { now?: string; engine?: Engine } = {}) {
  const app = await createTestApp({ now: opts.now ?? '2026-11-26T08:00:00Z', engine: opts.engine });
  const fake = await createDiscordRestFake({ gatewayUrl: () => 'ws://127.0.0.1:1' });
  const log = createLog('silent');
  const rest = new REST({ api: fake.apiUrl, globalRequestsPerSecond: 10_000, retries: 1 }).setToken('fake-bot-token');
  const outcomes: string[] = [];
  const sender = createSender({
    store: app.store,
    clock: app.clock,
    log,
    adapters: [discordSending(rest, log, { perSecond: 5000, burst: 500, inFlight: 20 })],
    outbound: app.core.outbound,
    count: (_platform, outcome) => void outcomes.push(outcome),
    backoff: { baseMs: 60_000, capMs: 600_000, maxAttempts: 8 },
  });
  return {
    app,
    fake,
    sender,
    outcomes,
    /** A Discord member of the guild sets a nudge. */
    remind: (i: number, text = 'remind 09:00 UTC') =>
      app.say(text, { platform: 'discord', workspace: GUILD, id: userId(i), displayName: `m${i}` }),
    /** Successful message posts per DM channel, counting a repeated nonce once, as Discord does with enforce_nonce. */
    delivered(): Map<string, number> {
      const seen = new Set<string>();
      const per = new Map<string, number>();
      for (const r of fake.requests) {
        if (r.method !== 'POST' || !/^\/channels\/\d+\/messages$/.test(r.path) || r.status !== 200) continue;
        if (seen.has(r.body.nonce)) continue;
        seen.add(r.body.nonce);
        per.set(r.path, (per.get(r.path) ?? 0) + 1);
      }
      return per;
    },
    statuses: async () => await app.q.deliveries.counts(),
    async close() {
      await fake.close();
      await app.close();
    },
  };
}
