// A sender's heartbeat: one that starts takes back a dead sender's claims at once, one that runs takes them back on
// its next beat once the dead one's heartbeat is too old, and one that stops leaves nothing for anyone to wait on.
import { REST } from 'discord.js';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { SendLimits } from '../../src/adapters/adapter.ts';
import { createLog } from '../../src/log.ts';
import { createSender } from '../../src/schedule/sender.ts';
import type { Recovered } from '../../src/store/index.ts';
import { discordSending, startScheduling } from './setup.ts';

let s: Awaited<ReturnType<typeof startScheduling>>;
beforeEach(async () => {
  s = await startScheduling();
});
afterEach(async () => {
  await s.close();
});
const NINE = Date.parse('2026-11-26T09:00:00Z');
const owners = async () => await s.app.sql.values('select id from outbox_owners order by id');

function sender(onRecovered?: (r: Recovered) => void, limits: Partial<SendLimits> = {}) {
  const log = createLog('silent');
  const rest = new REST({ api: s.fake.apiUrl, globalRequestsPerSecond: 10_000, retries: 0 }).setToken('fake-bot-token');
  return createSender({
    store: s.app.store,
    clock: s.app.clock,
    log,
    onRecovered,
    adapters: [discordSending(rest, log, limits)],
    outbound: s.app.core.outbound,
    liveness: { beatMs: 50, deadAfterMs: 1500 },
  });
}

/** Three nudges due; a sender claims two and starts one request, then goes silent (a SIGKILL, as the store sees it). */
async function deadSender(): Promise<string> {
  for (let i = 1; i <= 3; i++) await s.remind(i);
  s.app.clock.set(new Date(NINE));
  await s.app.core.outbound.queueDue(NINE);
  await s.app.q.outboxOwners.beat('dead', Date.now());
  const [first] = await s.app.q.deliveries.claim({ platform: 'discord', owner: 'dead', now: NINE, limit: 2 });
  await s.app.q.deliveries.sending(first!.id, 'dead', NINE);
  return first!.nonce;
}

it(
  "takes back a dead sender's claims on its first beat once that one is silent too long, and sends them at " + 'once',
  async () => {
    const nonce = await deadSender();
    const recovered: Recovered[] = [];
    const live = sender((r) => recovered.push(r));
    await live.start();
    expect(recovered).toEqual([]); // 'dead' beat just now: it may still be alive
    expect(await live.drain()).toBe(1); // the third, which nobody held
    await new Promise((resolve) => setTimeout(resolve, 2000)); // its heartbeat is now too old; ours beat meanwhile
    expect(recovered).toEqual([{ released: 1, interrupted: [{ id: 1, platform: 'discord' }] }]);
    expect(await live.drain()).toBe(2);
    expect(await s.statuses()).toEqual({ sent: 3 });
    expect(s.fake.requests.filter((r) => r.path.endsWith('/messages')).map((r) => r.body.nonce)).toContain(nonce);
    expect(await owners()).toEqual([live.owner]); // the dead one is forgotten
    await live.stop();
    await live.close();
    expect(await owners()).toEqual([]);
  },
);

it('gives back claims whose request has not started when it stops, and leaves as an owner', async () => {
  for (let i = 1; i <= 3; i++) await s.remind(i);
  s.app.clock.set(new Date(NINE));
  await s.app.core.outbound.queueDue(NINE);
  const live = sender(undefined, { perSecond: 0.1, burst: 1, inFlight: 2 }); // one send per 10 s
  const draining = live.drain();
  for (let i = 0; i < 100 && (await s.statuses()).sent !== 1; i++)
    await new Promise((resolve) => setTimeout(resolve, 20));
  // The other two are claimed (two may be in flight) but wait for the rate: neither request has started.
  expect(await s.app.sql.values('select status from deliveries where owner is not null')).toEqual([
    'claimed',
    'claimed',
  ]);
  await live.stop();
  await draining;
  expect(await s.statuses()).toEqual({ sent: 1, pending: 2 }); // given back by stop() itself, before the grace period ends
  expect(await owners()).toEqual([live.owner]);
  await live.close();
  expect(
    await s.app.sql.get('select count(*) n from deliveries where owner is not null or interrupted_at is not null'),
  ).toEqual({ n: 0 });
  expect(await owners()).toEqual([]);
});
