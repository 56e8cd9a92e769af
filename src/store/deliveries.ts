// The outbox: one row per intended message, unique by key. A sender claims a row just before its turn and marks it
// 'sending' right before the request; every later write names the owner, so a claim taken over is never written.
import type { Db } from './db.ts';

export type DeliveryStatus = 'pending' | 'claimed' | 'sending' | 'sent' | 'failed' | 'skipped';
export interface DeliveryTarget {
  kind: 'user' | 'channel';
  workspaceId: string;
  id: string;
}

/** Due schedules (ids: a JSON array) that share their due instant,
 *  local date and outcome: one statement writes them. */
export interface DueGroup {
  ids: string;
  dueAt: number;
  date: string;
  skip: 'missed' | 'holiday' | null;
}

export interface ClaimedDelivery {
  id: number;
  key: string;
  scheduleId: number | null;
  platform: string;
  target: DeliveryTarget;
  payload: unknown;
  nonce: string;
  attempts: number;
  dueAt: number;
  /** When a request for it was cut off by a crash (it may have arrived); null: never interrupted. */
  interruptedAt: number | null;
}

export interface Claim {
  platform: string;
  workspace?: string;
  owner: string;
  now: number;
  limit: number;
}

const RETURNING = `returning id, key, schedule_id scheduleId, platform, target, payload, nonce, attempts, due_at dueAt,
  interrupted_at interruptedAt`;

export function createDeliveryStore(db: Db) {
  const sqlite = db.$client;
  // The tick's fan-out in SQL: target, payload, key and nonce are built by SQLite, so 100,000 schedules cost no
  // per-row JS, bindings or UUIDs. A nudge goes to its kept DM channel when it has one (see schedules.keepChannel).
  // `where … next_due_at = due`: a schedule changed or advanced by another process since it was read is not queued.
  const enqueueDue = sqlite
    .prepare(`insert into deliveries (key, schedule_id, platform, target_workspace, target, payload,
      status, nonce, attempts, next_attempt_at, last_error, due_at, created_at)
    select d.id || ':' || @date, d.id, d.platform, d.externalId,
      json_object('kind', case d.kind when 'nudge' then 'user' else 'channel' end, 'workspaceId', d.externalId,
        'id', coalesce(d.target, '')),
      json_object('kind', d.kind),
      case when d.target is null or @skip is not null then 'skipped' else 'pending' end,
      lower(hex(randomblob(12))), 0, d.due, case when d.target is null then 'no_target' else @skip end, d.due, @now
    from (select s.id, s.kind, s.next_due_at due, w.platform, w.external_id externalId,
        case s.kind when 'nudge' then coalesce(s.channel_id, i.platform_user_id) else s.channel_id end target
      from schedules s join workspaces w on w.id = s.workspace_id left join identities i on i.id = s.identity_id
      where s.id in (select value from json_each(@ids)) and s.next_due_at = @due) d
    where true order by d.id
    on conflict (key) do nothing
    returning platform, last_error`)
    .raw();
  // One statement takes the rows it picks, oldest due first, straight off an index that stops at `limit`.
  const claimAny = sqlite.prepare(`update deliveries set status = 'claimed', owner = @owner
    where id in (select id from deliveries where status = 'pending' and next_attempt_at <= @now and platform = @platform
      order by next_attempt_at, id limit @limit) ${RETURNING}`);
  const claimIn = sqlite.prepare(`update deliveries set status = 'claimed', owner = @owner
    where id in (select id from deliveries where status = 'pending' and platform = @platform
      and target_workspace = @workspace
      and next_attempt_at <= @now order by next_attempt_at, id limit @limit) ${RETURNING}`);
  const dueWorkspaces = sqlite
    .prepare(`select distinct target_workspace from deliveries
    where status = 'pending' and platform = ? and next_attempt_at <= ? limit 1000`)
    .pluck();
  const mine = (sql: string) => sqlite.prepare(`update deliveries set ${sql} where id = @id and owner = @owner`);
  const sending =
    sqlite.prepare(`update deliveries set status = 'sending', sending_since = @now, attempts = attempts + 1
    where id = @id and owner = @owner and status = 'claimed'`);
  const done = 'owner = null, sending_since = null';
  const sent = mine(`status = 'sent', sent_at = @now, last_error = null, possible_duplicate = @duplicate, ${done}`);
  const retry = mine(`status = 'pending', next_attempt_at = @at, last_error = @error, ${done}`);
  const failed = mine(`status = 'failed', last_error = @error, ${done}`);
  const skipped = mine(`status = 'skipped', last_error = @error, ${done}`);
  const release = sqlite.prepare(
    "update deliveries set status = 'pending', owner = null where owner = ? and status = 'claimed'",
  );
  // Off the two partial indexes: pending rows, and rows with an owner (claimed or sending).
  const depth = sqlite
    .prepare(
      "select (select count(*) from deliveries where status = 'pending') + (select count(*) from deliveries where " +
        'owner is not null)',
    )
    .pluck();

  type Row = Omit<ClaimedDelivery, 'target' | 'payload'> & { target: string; payload: string };
  const parse = (r: Row): ClaimedDelivery => ({ ...r, target: JSON.parse(r.target), payload: JSON.parse(r.payload) });
  // Made once: better-sqlite3 builds its wrappers on every transaction() call, and claims run once per send or so.
  const claim = sqlite.transaction((c: Claim): Row[] => {
    const args = { owner: c.owner, now: c.now, platform: c.platform, limit: c.limit };
    return (c.workspace === undefined ? claimAny.all(args) : claimIn.all({ ...args, workspace: c.workspace })) as Row[];
  });

  return {
    /** Queues one delivery per schedule of the group (unless its key exists). Returns [platform, skip reason or null]
     *  for each delivery actually inserted, for the tick's counts. */
    enqueueDue(g: DueGroup, now: number): [string, string | null][] {
      return enqueueDue.all({ ids: g.ids, date: g.date, skip: g.skip, due: g.dueAt, now }) as [string, string | null][];
    },

    /** Claims up to `limit` due rows of a platform (of one of its workspaces, if given) for `owner`.
     *  IMMEDIATE: the write lock comes before the read, so two processes never claim the same row. */
    claim: (c: Claim): ClaimedDelivery[] => claim.immediate(c).map(parse),
    /** The workspaces of a platform that have rows due (Slack claims one workspace at a time). */
    dueWorkspaces: (platform: string, now: number): string[] => dueWorkspaces.all(platform, now) as string[],
    /** The request is about to go: committed before it starts. False when the claim is no longer this owner's. */
    sending: (id: number, owner: string, now: number): boolean => sending.run({ id, owner, now }).changes > 0,
    sent: (id: number, owner: string, now: number, duplicate = false): boolean =>
      sent.run({ id, owner, now, duplicate: duplicate ? 1 : 0 }).changes > 0,
    retry: (id: number, owner: string, at: number, error: string) => void retry.run({ id, owner, at, error }),
    failed: (id: number, owner: string, error: string) => void failed.run({ id, owner, error }),
    skipped: (id: number, owner: string, error: string) => void skipped.run({ id, owner, error }),
    /** Gives back an owner's claims whose request has not started: they are simply sent again, not interrupted. */
    release: (owner: string): number => release.run(owner).changes,
    /** Deliveries not yet settled: pending, claimed, or being sent. */
    depth: (): number => depth.get() as number,
    byKey: (key: string) =>
      sqlite.prepare('select * from deliveries where key = ?').get(key) as Record<string, unknown> | undefined,
    /** Counts by status, for tests and the benchmark. */
    counts: (): Record<string, number> =>
      Object.fromEntries(
        (
          sqlite.prepare('select status, count(*) n from deliveries group by status').all() as {
            status: string;
            n: number;
          }[]
        ).map((r) => [r.status, r.n]),
      ),
  };
}
