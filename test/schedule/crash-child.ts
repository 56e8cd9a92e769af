// A scheduler process for the crash test: one tick and one drain against a database file and the fake Discord REST.
// The parent kills it with SIGKILL at random points and starts another; argv: dbFile apiUrl nowMs.
import { REST } from 'discord.js';
import { createDiscordOutbound } from '../../src/adapters/discord/send.ts';
import { fixedClock } from '../../src/clock.ts';
import { COMMANDS } from '../../src/core/commands/index.ts';
import { createLog } from '../../src/log.ts';
import { createComposer } from '../../src/schedule/compose.ts';
import { createSender } from '../../src/schedule/sender.ts';
import { tick } from '../../src/schedule/tick.ts';
import { openDb } from '../../src/store/db.ts';
import { createStore } from '../../src/store/index.ts';

const [dbFile, apiUrl, nowMs] = process.argv.slice(2) as [string, string, string];
const store = createStore(openDb(dbFile));
const clock = fixedClock(new Date(Number(nowMs)));
const log = createLog('silent');
const rest = new REST({ api: apiUrl, globalRequestsPerSecond: 10_000, retries: 0 }).setToken('fake-bot-token');
const outbound = createDiscordOutbound({ rest, log });
const sender = createSender({
  store, clock, log,
  adapters: [{ platform: 'discord', outbound: { ...outbound, limits: { ...outbound.limits, perSecond: 10_000, burst: 1000, inFlight: 8 } } }],
  compose: createComposer({ store, commands: COMMANDS }),
});
process.stdout.write('ready\n');
await tick({ store, batch: 7 }, clock.now().getTime()); // small batches: a kill can land between two of them
await sender.drain();
process.stdout.write('done\n');
process.exit(0);
