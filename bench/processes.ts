// Helpers for benchmarks that measure other processes: a free port, an HTTP status, and a process's own CPU time and
// resident memory read from /proc (Linux), which hold whatever else shares the machine.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';

/** /proc/<pid>/stat counts CPU time in clock ticks. */
const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

/** The process's CPU time so far (user + system) and its resident memory now. */
export function usageOf(pid: number): { cpuMs: number; rssMb: number } {
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  // Fields 14 and 15 (utime, stime), counted after the command name, which is in parentheses and may hold spaces.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const [utime, stime] = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .slice(11, 13)
    .map(Number);
  return { cpuMs: (utime! + stime!) * TICK_MS, rssMb: Number(kb) / 1024 };
}

/** The status a GET of `path` answers, or 0 while nothing listens yet. */
export function statusOf(port: number, path: string): Promise<number> {
  return new Promise((resolve) => {
    request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    })
      .on('error', () => resolve(0))
      .end();
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
