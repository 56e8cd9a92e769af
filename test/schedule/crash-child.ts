// A scheduler process for the crash test: one tick and one drain against a database file and the fake Discord REST.
// The parent kills it with SIGKILL at random points and starts another; argv: dbFile apiUrl nowMs.
import { REST } from 'discord.js';
import { createDiscordOutbound } from '../../src/adapters/discord/send.ts';
import { fixedClock } from '../../src/clock.ts';
import { createCore } from '../../src/core/index.ts';
import { createLog } from '../../src/log.ts';
import { createSender } from '../../src/schedule/sender.ts';
import { createStore } from '../../src/store/index.ts';
import { openMigratedSqlite } from '../store/open-test-database.ts';

const [dbFile, apiUrl, nowMs] = process.argv.slice(2) as [string, string, string];
const store = createStore(await openMigratedSqlite(dbFile));
const clock = fixedClock(new Date(Number(nowMs)));
const log = createLog('silent');
const rest = new REST({ api: apiUrl, globalRequestsPerSecond: 10_000, retries: 0 }).setToken('fake-bot-token');
const outbound = createDiscordOutbound({ rest, log });
const core = createCore({ store, clock, log, defaultRoadmap: 'backend' });
const sender = createSender({
  store,
  clock,
  log,
  adapters: [
    {
      platform: 'discord',
      outbound: { ...outbound, limits: { ...outbound.limits, perSecond: 10_000, burst: 1000, inFlight: 8 } },
    },
  ],
  outbound: core.outbound,
});
process.stdout.write('ready\n');
await core.outbound.queueDue(clock.now().getTime(), { batch: 7 }); // small batches: a kill can land between two of them
await sender.drain();
process.stdout.write('done\n');
process.exit(0);
