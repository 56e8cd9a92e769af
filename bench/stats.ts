// Timing helpers for the benchmarks: percentiles over measured samples, and one printed line per figure.
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** `runs` timed calls, one after another; with a budget, fewer when the budget (ms) runs out first. */
export async function timeEach(runs: number, fn: (i: number) => unknown, budgetMs = Infinity): Promise<number[]> {
  const samples: number[] = [];
  const until = performance.now() + budgetMs;
  for (let i = 0; i < runs && performance.now() < until; i++) {
    const start = process.hrtime.bigint();
    await fn(i);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples;
}

/** Every figure judged against its target in this run: `npm run bench` lists them last, so one screen says what holds. */
export const judged: { figure: string; measured: string; target: string; ok: boolean }[] = [];

/** "ok" or "MISSED", and the figure recorded for the summary. */
export function judge(figure: string, measured: string, target: string, ok: boolean): 'ok' | 'MISSED' {
  judged.push({ figure, measured, target, ok });
  return ok ? 'ok' : 'MISSED';
}

/** The summary's lines: each judged figure, its measure and its target. */
export function summaryLines(): string[] {
  const width = Math.max(...judged.map((j) => j.figure.length), 6);
  return judged.map(
    (j) => `${j.ok ? 'ok    ' : 'MISSED'}  ${j.figure.padEnd(width)}  ${j.measured}  (target ${j.target})`,
  );
}

/** "next          median 0.081 ms  p99 0.170 ms  (target p99 < 1 ms: ok)" */
export function report(name: string, samples: number[], targetP99Ms?: number): string {
  const p99 = percentile(samples, 99);
  const verdict =
    targetP99Ms === undefined
      ? ''
      : `  (target p99 < ${targetP99Ms} ms: ${judge(name, `p99 ${p99.toFixed(3)} ms`, `p99 < ${targetP99Ms} ms`, p99 < targetP99Ms)})`;
  return `${name.padEnd(24)} median ${percentile(samples, 50).toFixed(3)} ms  p99 ${p99.toFixed(3)} ms${verdict}`;
}
