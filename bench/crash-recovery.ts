// Crash recovery, measured: a sender process draining into a slow local endpoint is SIGKILLed mid fan-out and started
// again at once. How long from the restart to the first resend of a request the crash left in doubt, and how many
// requests and claimed rows the killed process held (what a crash can leave in doubt).
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Database from 'better-sqlite3';
import { judge } from './stats.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const ROWS = 2000;
const KILL_AFTER = 500; // posts taken before the kill
const NONCE_WINDOW_S = 60; // what Discord's fake honours; Discord itself says "a few minutes"

export async function runCrashRecovery(sqlite: Database.Database, print: (line: string) => void) {
  // 2,000 rows of the bench's queue, due now by the wall clock the child runs on, for a platform only it sends.
  sqlite
    .prepare(
      "update deliveries set platform = 'crash', due_at = ?, next_attempt_at = 0 where id in (select id from " +
        "deliveries where status = 'pending' limit ?)",
    )
    .run(Date.now(), ROWS);
  const arrivals: { id: string; at: number }[] = [];
  let open = 0;
  let peak = 0;
  const server = createServer((req, res) => {
    let id = '';
    open++;
    peak = Math.max(peak, open);
    req
      .on('data', (d) => (id += d))
      .on('end', () => {
        arrivals.push({ id, at: performance.now() });
        setTimeout(
          () => {
            open--;
            res.writeHead(200).end('{"ok":true}');
          },
          5 + Math.random() * 15,
        ); // 5–20 ms
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const start = () =>
    spawn(process.execPath, ['--import', 'tsx', 'bench/sender-child.ts', sqlite.name, url], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  const until = async (done: () => boolean, ms: number) => {
    for (const end = performance.now() + ms; !done() && performance.now() < end; )
      await new Promise((r) => setTimeout(r, 5));
  };

  const first = start();
  await until(() => arrivals.length >= KILL_AFTER, 60_000);
  first.kill('SIGKILL');
  await new Promise((resolve) => first.on('exit', resolve));
  const held = sqlite
    .prepare("select status, target ->> '$.id' id from deliveries where platform = 'crash' and owner is not null")
    .all() as { status: string; id: string }[];
  const inDoubt = new Set(held.filter((r) => r.status === 'sending').map((r) => r.id));
  const peakBeforeKill = peak;
  const restartAt = performance.now();
  const since = arrivals.length;
  const second = start();
  await until(() => arrivals.slice(since).some((a) => inDoubt.has(a.id)), 60_000);
  const resendS = ((arrivals.slice(since).find((a) => inDoubt.has(a.id))?.at ?? NaN) - restartAt) / 1000;
  second.kill('SIGKILL');
  await new Promise((resolve) => second.on('exit', resolve));
  server.closeAllConnections();
  server.close();

  print(
    `in flight at peak          ${peakBeforeKill} requests (limit 50); at the kill: ${inDoubt.size} sending, ` +
      `${held.length - inDoubt.size} claimed and waiting`,
  );
  print(
    `restart to first resend    ${resendS.toFixed(1)} s  (a dead sender is recognised after 15 s silent; target < ` +
      `${NONCE_WINDOW_S} s, inside Discord's nonce window: ` +
      `${judge('crash: restart to first resend', `${resendS.toFixed(1)} s`, `< ${NONCE_WINDOW_S} s`, resendS < NONCE_WINDOW_S)})`,
  );
  return { peak: peakBeforeKill, inDoubt: inDoubt.size, resendS };
}
