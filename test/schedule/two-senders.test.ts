// Two senders on one PostgreSQL server at the same moment, each on its own pool as two leaders overlapping for an
// instant would be: their claims run side by side and pass over each other's locked rows (FOR UPDATE SKIP LOCKED), so
// every due row is claimed by exactly one of them and posted exactly once. (Two processes on one SQLite file: test/
// store/outbox-owners.test.ts.)
import { REST } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLog } from '../../src/log.ts';
import { createSender } from '../../src/schedule/sender.ts';
import { createStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/port.ts';
import { POSTGRES_ENGINES } from '../store/engines.ts';
import { discordSending, startScheduling } from './setup.ts';

const NINE = Date.parse('2026-11-26T09:00:00Z');
const MEMBERS = 120;

const SERVERS = POSTGRES_ENGINES.filter((e) => e.name === 'postgres');
let s: Awaited<ReturnType<typeof startScheduling>>;
let other: Store | undefined;

function sender(store: Store) {
  const log = createLog('silent');
  const rest = new REST({ api: s.fake.apiUrl, globalRequestsPerSecond: 10_000, retries: 0 }).setToken('fake-bot-token');
  const claimed: number[] = [];
  const sending = createSender({
    store,
    clock: s.app.clock,
    log,
    adapters: [discordSending(rest, log, { perSecond: 5000, burst: 500, inFlight: 8 })],
    outbound: s.app.core.outbound,
    count: (_platform, outcome) => outcome === 'sent' && claimed.push(1),
  });
  return { sending, sent: () => claimed.length };
}

describe.each(SERVERS.map((e) => [e.name, e] as const))('two senders on %s', (_name, engine) => {
  beforeEach(async () => {
    s = await startScheduling({ engine });
  });
  afterEach(async () => {
    await other?.close();
    await s.close();
  });

  it('never claims or posts one row twice when two senders drain at once', async () => {
    for (let i = 1; i <= MEMBERS; i++) await s.remind(i);
    s.app.clock.set(new Date(NINE));
    await s.app.core.outbound.queueDue(NINE);
    other = createStore(await s.app.database.replica());
    const a = sender(s.app.store);
    const b = sender(other);
    await Promise.all([a.sending.start(), b.sending.start()]);
    const [byA, byB] = await Promise.all([a.sending.drain(), b.sending.drain()]);
    expect(byA + byB).toBe(MEMBERS); // each row claimed once, by one of them
    expect(a.sent() + b.sent()).toBe(MEMBERS);
    expect(await s.statuses()).toEqual({ sent: MEMBERS });
    // Every request the fake saw, duplicates included (nonces not folded): one per member.
    const posts = s.fake.requests.filter((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path));
    expect(posts).toHaveLength(MEMBERS);
    expect(new Set(posts.map((r) => r.body.nonce)).size).toBe(MEMBERS);
    for (const x of [a, b]) {
      await x.sending.stop();
      await x.sending.close();
    }
  });
});
