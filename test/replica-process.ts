// A replica of the real bot as its own process (src/main.ts: the terminal chat so no platform is needed, or `start` with
// the platforms its environment configures, as the Docker image runs it), on a PostgreSQL database: its JSON log lines
// as they arrive, stamped, so a test or the benchmark can see when it leads. Node runs src/main.ts itself (tsx as a
// loader, not tsx's CLI, which would put a second process in between): a SIGKILL reaches the bot.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';

const ROOT = new URL('..', import.meta.url).pathname;
export const LEADS = 'leadership: this replica leads: it ticks and sends';
export const LOST = 'leadership: lost; this replica stops ticking and sending';
export const FOLLOWS = 'leadership: another replica leads; this one serves commands only';

export interface LogLine {
  msg: string;
  at: number; // performance.now() when it arrived
  [field: string]: unknown;
}

export interface Replica {
  child: ChildProcessWithoutNullStreams;
  lines: LogLine[];
  /** The HTTP server's port, once it listens. */
  port(): number | undefined;
  /** The first line with this message (from line `from` on), waiting up to timeoutMs. */
  waitFor(msg: string, timeoutMs?: number, from?: number): Promise<LogLine>;
  exited: Promise<number | null>;
}

export function startReplica(
  databaseUrl: string,
  env: Record<string, string> = {},
  command: 'chat' | 'start' = 'chat',
): Replica {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', command], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['pipe', 'pipe', 'pipe'], // stdin stays open: the chat waits on it, only a signal ends the process
  });
  const lines: LogLine[] = [];
  let rest = '';
  child.stderr.on('data', (chunk: Buffer) => {
    const text = rest + chunk.toString('utf8');
    const parts = text.split('\n');
    rest = parts.pop()!;
    for (const part of parts) {
      try {
        lines.push({ ...(JSON.parse(part) as { msg: string }), at: performance.now() });
      } catch {
        lines.push({ msg: part, at: performance.now() }); // not a log line (a stack): kept as it is
      }
    }
  });
  child.stdout.resume(); // the chat's prompt, unread
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    child,
    lines,
    port: () => lines.find((l) => l.msg === 'http server listening')?.port as number | undefined,
    async waitFor(msg, timeoutMs = 60_000, from = 0) {
      const until = performance.now() + timeoutMs;
      for (;;) {
        const line = lines.slice(from).find((l) => l.msg === msg);
        if (line) return line;
        if (child.exitCode !== null || performance.now() > until) {
          const said = lines.map((l) => l.msg).join(' | ');
          throw new Error(`replica ${child.pid}: no "${msg}" (exit ${child.exitCode}); it said: ${said}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    exited,
  };
}

/** Ends a replica and waits for it (a test's clean-up; SIGKILL is the test's own business). */
export async function stopReplica(replica: Replica): Promise<void> {
  if (replica.child.exitCode === null && replica.child.signalCode === null) replica.child.kill('SIGTERM');
  await replica.exited;
}

/** A SIGKILL to the leader: how long until `next` says it leads (ms). */
export async function handOver(leader: Replica, next: Replica): Promise<number> {
  const from = next.lines.length;
  const killedAt = performance.now();
  leader.child.kill('SIGKILL');
  const led = await next.waitFor(LEADS, 60_000, from);
  return led.at - killedAt;
}
