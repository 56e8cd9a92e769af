// The outbox: one row per intended message, unique by key. Senders claim rows with a lease, so a crash is noticed.
import type { Db } from './db.ts';

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';
export interface DeliveryTarget { kind: 'user' | 'channel'; workspaceId: string; id: string }

export interface NewDelivery {
  key: string; scheduleId: number; platform: string; target: DeliveryTarget; payload: unknown;
  status: 'pending' | 'skipped'; nonce: string; dueAt: number; lastError?: string;
}

export interface ClaimedDelivery {
  id: number; key: string; scheduleId: number | null; platform: string; target: DeliveryTarget; payload: unknown;
  nonce: string; attempts: number; possibleDuplicate: boolean; dueAt: number;
  interrupted: boolean; // it was found 'sending' with its lease run out: a process died mid-send
}

export function createDeliveryStore(db: Db) {
  const sqlite = db.$client;
  const insert = sqlite.prepare(`insert into deliveries (key, schedule_id, platform, target, payload, status, nonce, attempts,
      next_attempt_at, last_error, due_at, created_at) values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?) on conflict (key) do nothing`);
  const payloads = new Map<unknown, string>(); // fan-out repeats a handful of payloads: stringify each once
  const claimable = new Map<string, ReturnType<typeof sqlite.prepare>>();
  const take = sqlite.prepare("update deliveries set status = 'sending', attempts = attempts + 1, next_attempt_at = ? where id = ?");
  const set = (sql: string) => sqlite.prepare(`update deliveries set ${sql} where id = @id`);
  const sent = set("status = 'sent', sent_at = @now, last_error = null");
  const retry = set("status = 'pending', next_attempt_at = @at, last_error = @error");
  const failed = set("status = 'failed', last_error = @error");
  const duplicate = set('possible_duplicate = 1');
  const skipped = set("status = 'skipped', last_error = @error");
  const release = set("status = 'pending', attempts = attempts - 1, next_attempt_at = @now");
  const depth = sqlite.prepare("select count(*) from deliveries where status in ('pending', 'sending')").pluck();

  return {
    /** Inserts the delivery unless its key exists (a second process, or a rerun after a crash). True when new. */
    enqueue(d: NewDelivery, now: number): boolean {
      let payload = payloads.get(d.payload);
      if (payload === undefined) payloads.set(d.payload, (payload = JSON.stringify(d.payload)));
      const target = `{"kind":"${d.target.kind}","workspaceId":${JSON.stringify(d.target.workspaceId)},"id":${JSON.stringify(d.target.id)}}`;
      return insert.run(d.key, d.scheduleId, d.platform, target, payload, d.status, d.nonce, d.dueAt, d.lastError ?? null, d.dueAt, now).changes > 0;
    },

    /** Takes up to `limit` deliveries that are due, or whose sender died (lease run out), for `leaseMs`. */
    claim(platforms: readonly string[], now: number, leaseMs: number, limit: number): ClaimedDelivery[] {
      if (!platforms.length) return [];
      const marks = platforms.map(() => '?').join(', ');
      let select = claimable.get(marks);
      if (!select) {
        claimable.set(marks, (select = sqlite.prepare(`select id, key, schedule_id scheduleId, platform, target, payload, nonce, attempts, due_at dueAt,
          possible_duplicate possibleDuplicate, status from deliveries
          where status in ('pending', 'sending') and next_attempt_at <= ? and platform in (${marks})
          order by next_attempt_at, id limit ?`)));
      }
      // IMMEDIATE: the write lock comes before the read, so two processes never claim the same row.
      return sqlite.transaction(() => {
        const rows = select.all([now, ...platforms, limit]) as (Omit<ClaimedDelivery, 'interrupted' | 'target' | 'payload'> & { status: string; target: string; payload: string })[];
        return rows.map(({ status, ...r }) => {
          take.run(now + leaseMs, r.id);
          return { ...r, target: JSON.parse(r.target), payload: JSON.parse(r.payload), possibleDuplicate: Boolean(r.possibleDuplicate), attempts: r.attempts + 1, interrupted: status === 'sending' };
        });
      }).immediate();
    },

    sent: (id: number, now: number) => void sent.run({ id, now }),
    retry: (id: number, at: number, error: string) => void retry.run({ id, at, error }),
    failed: (id: number, error: string) => void failed.run({ id, error }),
    markPossibleDuplicate: (id: number) => void duplicate.run({ id }),
    skipped: (id: number, error: string) => void skipped.run({ id, error }),
    /** Gives back claims that were never attempted (a stop before their turn): they are not interrupted sends. */
    release: (ids: readonly number[], now: number) => void sqlite.transaction(() => { for (const id of ids) release.run({ id, now }); })(),
    /** Deliveries not yet settled: pending, or being sent. */
    depth: (): number => depth.get() as number,
    byKey: (key: string) => sqlite.prepare('select * from deliveries where key = ?').get(key) as Record<string, unknown> | undefined,
    /** Counts by status, for tests and the benchmark. */
    counts: (): Record<string, number> => Object.fromEntries(
      (sqlite.prepare('select status, count(*) n from deliveries group by status').all() as { status: string; n: number }[]).map((r) => [r.status, r.n]),
    ),
  };
}
