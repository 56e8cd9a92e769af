// The send rate a platform saw, judged against one pacer's token bucket (src/schedule/pacer.ts): in any stretch of
// time from one request to a later one, at most `burst + perSecond × its length` requests. Replicas that each paced
// their own sends would each bring their own bucket, and go over it.
import type { SendLimits } from '../../src/adapters/adapter.ts';

// The pacer lets a request go when it takes its token; the fake stamps it when it arrives. Between the two lie the
// HTTP client and two event loops on a busy machine: this much is forgiven, in time.
const JITTER_MS = 100;

export interface RateJudgement {
  requests: number;
  /** The most requests in any 1 s window. */
  peakPerSecond: number;
  /** The most requests over the bucket in any stretch (≤ 0: never over). */
  worstExcess: number;
}

export function judgeRate(at: number[], limit: Pick<SendLimits, 'perSecond' | 'burst'>): RateJudgement {
  const times = [...at].sort((a, b) => a - b);
  let peakPerSecond = 0;
  let worstExcess = Number.NEGATIVE_INFINITY;
  for (let i = 0, j = 0; j < times.length; j++) {
    while (times[j]! - times[i]! >= 1000) i++;
    peakPerSecond = Math.max(peakPerSecond, j - i + 1);
  }
  for (let i = 0; i < times.length; i++)
    for (let j = i; j < times.length; j++) {
      const allowed = limit.burst + (limit.perSecond * (times[j]! - times[i]! + JITTER_MS)) / 1000;
      worstExcess = Math.max(worstExcess, j - i + 1 - allowed);
    }
  return { requests: times.length, peakPerSecond, worstExcess: Math.round(worstExcess * 10) / 10 };
}
