// A sender process for the crash-recovery benchmark: beats and drains the 'crash' platform's rows into a local HTTP
// endpoint, as the bot's scheduler would; the benchmark kills it and starts another. argv: dbFile url.
import { Agent, request } from 'node:http';
import { systemClock } from '../src/clock.ts';
import { reply, text } from '../src/core/model/reply.ts';
import { CATCH_UP_MS } from '../src/core/outbound/queue-due.ts';
import { createLog } from '../src/log.ts';
import { createSender } from '../src/schedule/sender.ts';
import { createStore } from '../src/store/index.ts';
import { openMigratedSqlite } from '../test/store/open-test-database.ts';

const [dbFile, url] = process.argv.slice(2) as [string, string];
const store = createStore(await openMigratedSqlite(dbFile));
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
const post = (id: string) =>
  new Promise<void>((resolve, reject) => {
    request(url, { method: 'POST', agent }, (res) => res.resume().on('end', () => resolve()))
      .on('error', reject)
      .end(id);
  });
const message = reply({ heading: 'Time to study', blocks: [text('Your next topic is waiting.')] });
const sender = createSender({
  store,
  clock: systemClock,
  log: createLog('silent'),
  outbound: { compose: async () => message, catchUpMs: CATCH_UP_MS, failedForGood: async () => false },
  adapters: [
    {
      platform: 'crash',
      outbound: {
        send: (target) => post(target.id),
        limits: { perSecond: 1000, burst: 1000, perTargetMs: 0, inFlight: 50 },
      },
    },
  ],
});
await sender.start(); // its first beat takes back what a dead sender held, once that one's heartbeat is too old
for (;;) {
  await sender.drain();
  await new Promise((resolve) => setTimeout(resolve, 200)); // then as the scheduler's poll: again, soon
}
