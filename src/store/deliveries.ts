// The outbox: one row per intended message, unique by key. Senders claim rows with a lease, so a crash is noticed.
import type { Db } from './db.ts';

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';
export interface DeliveryTarget { kind: 'user' | 'channel'; workspaceId: string; id: string }

/** Due schedules (ids: a JSON array) that share their due instant, local date and outcome: one statement writes them. */
export interface DueGroup {
  ids: string; dueAt: number; date: string; skip: 'missed' | 'holiday' | null;
}

export interface ClaimedDelivery {
  id: number; key: string; scheduleId: number | null; platform: string; target: DeliveryTarget; payload: unknown;
  nonce: string; attempts: number; possibleDuplicate: boolean; dueAt: number;
  interrupted: boolean; // it was found 'sending' with its lease run out: a process died mid-send
}

export function createDeliveryStore(db: Db) {
  const sqlite = db.$client;
  // The tick's fan-out in SQL: target, payload, key and nonce are built by SQLite, so 100,000 schedules cost no
  // per-row JS, bindings or UUIDs. A nudge goes to its kept DM channel when it has one (see schedules.keepChannel).
  // `where … next_due_at = due`: a schedule changed or advanced by another process since it was read is not queued.
  const enqueueDue = sqlite.prepare(`insert into deliveries (key, schedule_id, platform, target, payload, status, nonce,
      attempts, next_attempt_at, last_error, due_at, created_at)
    select d.id || ':' || @date, d.id, d.platform,
      json_object('kind', case d.kind when 'nudge' then 'user' else 'channel' end, 'workspaceId', d.externalId, 'id', coalesce(d.target, '')),
      json_object('kind', d.kind),
      case when d.target is null or @skip is not null then 'skipped' else 'pending' end,
      lower(hex(randomblob(12))), 0, d.due, case when d.target is null then 'no_target' else @skip end, d.due, @now
    from (select s.id, s.kind, s.next_due_at due, w.platform, w.external_id externalId,
        case s.kind when 'nudge' then coalesce(s.channel_id, i.platform_user_id) else s.channel_id end target
      from schedules s join workspaces w on w.id = s.workspace_id left join identities i on i.id = s.identity_id
      where s.id in (select value from json_each(@ids)) and s.next_due_at = @due) d
    where true order by d.id
    on conflict (key) do nothing
    returning platform, last_error`).raw();
  const claimable = new Map<string, ReturnType<typeof sqlite.prepare>>();
  const set = (sql: string) => sqlite.prepare(`update deliveries set ${sql} where id = @id`);
  const sent = set("status = 'sent', sent_at = @now, last_error = null");
  const retry = set("status = 'pending', next_attempt_at = @at, last_error = @error");
  const failed = set("status = 'failed', last_error = @error");
  const duplicate = set('possible_duplicate = 1');
  const skipped = set("status = 'skipped', last_error = @error");
  const release = set("status = 'pending', attempts = attempts - 1, next_attempt_at = @now");
  const depth = sqlite.prepare("select count(*) from deliveries where status in ('pending', 'sending')").pluck();

  return {
    /** Queues one delivery per schedule of the group (unless its key exists). Returns [platform, skip reason or null]
     *  for each delivery actually inserted, for the tick's counts. */
    enqueueDue(g: DueGroup, now: number): [string, string | null][] {
      return enqueueDue.all({ ids: g.ids, date: g.date, skip: g.skip, due: g.dueAt, now }) as [string, string | null][];
    },

    /** Takes up to `limit` deliveries that are due, or whose sender died (lease run out), for `leaseMs`. */
    claim(platforms: readonly string[], now: number, leaseMs: number, limit: number): ClaimedDelivery[] {
      if (!platforms.length) return [];
      const marks = platforms.map(() => '?').join(', ');
      let take = claimable.get(marks);
      if (!take) {
        // One statement takes the rows it picks: no per-row update. One status per statement: with `status in (…)`
        // SQLite gathers every due row and sorts them (a full scan of a 100,000-row fan-out per claim); with
        // `status = ?` the index hands rows over in order and it stops at `limit`. RETURNING shows the new status,
        // so the old one is known from which statement took the row.
        claimable.set(marks, (take = sqlite.prepare(`update deliveries set status = 'sending', attempts = attempts + 1, next_attempt_at = ?
          where id in (select id from deliveries where status = ? and next_attempt_at <= ? and platform in (${marks})
            order by next_attempt_at, id limit ?)
          returning id, key, schedule_id scheduleId, platform, target, payload, nonce, attempts, due_at dueAt, possible_duplicate possibleDuplicate`)));
      }
      type Row = Omit<ClaimedDelivery, 'interrupted' | 'target' | 'payload'> & { target: string; payload: string };
      const parse = (r: Row, interrupted: boolean): ClaimedDelivery =>
        ({ ...r, target: JSON.parse(r.target), payload: JSON.parse(r.payload), possibleDuplicate: Boolean(r.possibleDuplicate), interrupted });
      // IMMEDIATE: the write lock comes before the read, so two processes never claim the same row.
      return sqlite.transaction(() => {
        // Leases run out first (their sender died), then pending rows, oldest due first.
        const claimed = (take.all([now + leaseMs, 'sending', now, ...platforms, limit]) as Row[]).map((r) => parse(r, true));
        if (claimed.length < limit) {
          for (const r of take.all([now + leaseMs, 'pending', now, ...platforms, limit - claimed.length]) as Row[]) claimed.push(parse(r, false));
        }
        return claimed;
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
