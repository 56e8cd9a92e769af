// One tick: every schedule that is due becomes a delivery in the outbox, and moves on to its next due time,
// both in one transaction per batch — so a crash, a restart or a second process neither drops nor doubles one.
import { randomUUID } from 'node:crypto';
import type { Store } from '../store/index.ts';
import type { DueRow } from '../store/schedules.ts';
import { localDate, nextDue } from './next-due.ts';

export const CATCH_UP_MS = 2 * 60 * 60_000; // missed by less than this after downtime: still sent, late

export interface TickDeps {
  store: Store;
  count?: (platform: string, outcome: string) => void; // metrics.deliveries
  batch?: number; // schedules per transaction; between batches the event loop breathes
}

export interface TickResult { queued: number; skipped: number }

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function tick(deps: TickDeps, now: number): Promise<TickResult> {
  const { store } = deps;
  const batch = deps.batch ?? 500; // ~10 ms of writes: the event loop never waits long
  const result: TickResult = { queued: 0, skipped: 0 };
  // Many schedules share a time, zone and weekday set: compute each next instant and local date once per tick.
  const nexts = new Map<string, number | null>();
  const dates = new Map<string, string>();
  const holidays = new Map<string, boolean>();
  const payloads = { nudge: { kind: 'nudge' }, digest: { kind: 'digest' } } as const; // shared objects: stringified once

  const advance = (row: DueRow, after: number) => {
    const key = row.pausedUntil ? '' : `${row.localTime}|${row.timeZone}|${row.days}|${after}`;
    let next = key ? nexts.get(key) : undefined;
    if (next === undefined) {
      next = nextDue(row, after);
      if (key) nexts.set(key, next);
    }
    store.schedules.advance(row.id, row.nextDueAt, next);
  };

  // Bounded: each pass advances every row it reads past `now - CATCH_UP_MS`, so a schedule comes back at most twice.
  for (let pass = 0; pass < 100_000; pass++) {
    const rows = store.schedules.due(now, batch);
    if (rows.length === 0) break;
    store.transaction(() => {
      for (const row of rows) {
        if (row.pausedUntil && row.nextDueAt < row.pausedUntil) { advance(row, row.nextDueAt); continue; } // snoozed meanwhile
        const dateKey = `${row.timeZone}|${row.nextDueAt}`;
        let date = dates.get(dateKey);
        if (!date) dates.set(dateKey, (date = localDate(row.nextDueAt, row.timeZone)));
        const late = now - row.nextDueAt > CATCH_UP_MS;
        let holiday = false;
        if (!late && row.kind === 'nudge') {
          const h = `${row.workspaceId}|${date}`;
          if (!holidays.has(h)) holidays.set(h, store.holidays.isHoliday(row.workspaceId, date));
          holiday = holidays.get(h)!;
        }
        const skip = !row.target ? 'no_target' : late ? 'missed' : holiday ? 'holiday' : undefined;
        const inserted = store.deliveries.enqueue({
          key: `${row.id}:${date}`, scheduleId: row.id, platform: row.platform,
          target: { kind: row.kind === 'nudge' ? 'user' : 'channel', workspaceId: row.externalId, id: row.target ?? '' },
          // The message itself is composed when it is sent: a late nudge shows the member's next topic as it is then,
          // and fan-out stays a pair of cheap writes per schedule.
          payload: payloads[row.kind], status: skip ? 'skipped' : 'pending', nonce: randomUUID().replace(/-/g, '').slice(0, 24),
          dueAt: row.nextDueAt, ...(skip ? { lastError: skip } : {}),
        }, now);
        if (inserted && skip) { result.skipped++; deps.count?.(row.platform, `skipped_${skip}`); }
        if (inserted && !skip) result.queued++;
        // After downtime, jump to the first occurrence still worth sending rather than walking day by day.
        advance(row, late ? Math.max(row.nextDueAt, now - CATCH_UP_MS) : row.nextDueAt);
      }
    });
    await yieldToLoop(); // no early break on a short batch: a jump after downtime can make a row due again at once
  }
  return result;
}
