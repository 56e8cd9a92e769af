// What a failed send means for the outbox: give up (the platform will never take it), wait as told (429), or retry.
// Each adapter translates its platform's errors into adapter.ts's two kinds; anything else is transient.
import { PermanentSendError, RetryAfterError } from '../adapters/adapter.ts';

export type Failure =
  | { kind: 'permanent'; outcome: string; reason: string }
  | { kind: 'rate_limited'; retryAfterMs: number }
  | { kind: 'transient'; reason: string };

export function classify(error: unknown, platform: string): Failure {
  if (error instanceof PermanentSendError) {
    // The metrics label: a platform's numeric code ("50007") says nothing without the platform's name.
    const outcome = `failed_${typeof error.code === 'number' ? `${platform}_${error.code}` : error.code}`;
    return { kind: 'permanent', outcome, reason: error.reason };
  }
  if (error instanceof RetryAfterError)
    return { kind: 'rate_limited', retryAfterMs: Math.max(error.retryAfterMs, 1000) };
  return { kind: 'transient', reason: error instanceof Error ? error.message.slice(0, 200) : String(error) };
}
