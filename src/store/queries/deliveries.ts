// The outbox: one row per intended message, unique by key. A sender claims a row just before its turn and marks it
// 'sending' right before the request; every later write names the owner, so a claim taken over is never written.
import type { ClaimedDelivery, DeliveryQueries, DeliveryRow } from '../port.ts';
import type { Runner } from '../sql/database.ts';
import { integersOf, jsonObject, randomHex24, skipLocked } from '../sql/fragments.ts';
import { fromJson } from './columns.ts';

const RETURNING = `returning id as "id", key as "key", schedule_id as "scheduleId", platform as "platform",
  target as "target", payload as "payload", nonce as "nonce", attempts as "attempts", due_at as "dueAt",
  interrupted_at as "interruptedAt"`;
const DONE = 'owner = null, sending_since = null';
const mine = (set: string) => `update deliveries set ${set} where id = @id and owner = @owner`;
const SENDING = `update deliveries set status = 'sending', sending_since = @now, attempts = attempts + 1
  where id = @id and owner = @owner and status = 'claimed'`;
const SENT = mine(`status = 'sent', sent_at = @now, last_error = null, possible_duplicate = @duplicate, ${DONE}`);
const RETRY = mine(`status = 'pending', next_attempt_at = @at, last_error = @error, ${DONE}`);
const FAILED = mine(`status = 'failed', last_error = @error, ${DONE}`);
const SKIPPED = mine(`status = 'skipped', last_error = @error, ${DONE}`);
const RELEASE = "update deliveries set status = 'pending', owner = null where owner = @owner and status = 'claimed'";
const DUE_WORKSPACES = `select distinct target_workspace as "w" from deliveries
  where status = 'pending' and platform = @platform and next_attempt_at <= @now limit 1000`;
// Off the two partial indexes: pending rows, and rows with an owner (claimed or sending).
const DEPTH = `select (select count(*) from deliveries where status = 'pending') + (select count(*) from deliveries
  where owner is not null) as "n"`;
const BY_KEY = `select id as "id", key as "key", schedule_id as "scheduleId", platform as "platform",
    target_workspace as "targetWorkspace", target as "target", payload as "payload", status as "status",
    owner as "owner", sending_since as "sendingSince", interrupted_at as "interruptedAt", nonce as "nonce",
    attempts as "attempts", next_attempt_at as "nextAttemptAt", last_error as "lastError",
    possible_duplicate as "possibleDuplicate", due_at as "dueAt", created_at as "createdAt", sent_at as "sentAt"
  from deliveries where key = @key`;
const COUNTS = 'select status as "status", count(*) as "n" from deliveries group by status';

type Row = Omit<ClaimedDelivery, 'target' | 'payload'> & { target: unknown; payload: unknown };
const parse = (x: Row): ClaimedDelivery => ({ ...x, target: fromJson(x.target), payload: fromJson(x.payload) });

export function deliveryQueries(r: Runner): DeliveryQueries {
  const d = r.dialect;
  return {
    // The tick's fan-out in SQL: target, payload, key and nonce are built by the database, so 100,000 schedules cost
    // no per-row JS, bindings or UUIDs. A nudge goes to its kept DM channel when it has one (schedules.keepChannel).
    // `where … next_due_at = due`: a schedule changed or advanced by another process since it was read is not queued.
    async enqueueDue(g, now) {
      const rows = await r.all<{ platform: string; lastError: string | null }>(
        `insert into deliveries (key, schedule_id, platform, target_workspace, target, payload,
          status, nonce, attempts, next_attempt_at, last_error, due_at, created_at)
        select cast(d.id as text) || ':' || cast(@date as text), d.id, d.platform, d.externalId,
          ${jsonObject(d, "'kind'", "case d.kind when 'nudge' then 'user' else 'channel' end", "'workspaceId'", 'd.externalId', "'id'", "coalesce(d.target, '')")},
          ${jsonObject(d, "'kind'", 'd.kind')},
          case when d.target is null or cast(@skip as text) is not null then 'skipped' else 'pending' end,
          ${randomHex24(d)}, 0, d.due, case when d.target is null then 'no_target' else cast(@skip as text) end, d.due, @now
        from (select s.id, s.kind, s.next_due_at as due, w.platform, w.external_id as externalId,
            case s.kind when 'nudge' then coalesce(s.channel_id, i.platform_user_id) else s.channel_id end as target
          from schedules s join workspaces w on w.id = s.workspace_id left join identities i on i.id = s.identity_id
          where s.id in (${integersOf(d, '@ids')}) and s.next_due_at = @due) d
        where true order by d.id
        on conflict (key) do nothing
        returning platform as "platform", last_error as "lastError"`,
        { ids: g.ids, date: g.date, skip: g.skip, due: g.dueAt, now },
      );
      return rows.map((x): [string, string | null] => [x.platform, x.lastError]);
    },

    // One statement takes the rows it picks, oldest due first, straight off an index that stops at `limit`.
    async claim(c) {
      const args = { owner: c.owner, now: c.now, platform: c.platform, limit: c.limit, workspace: c.workspace };
      const inWorkspace = c.workspace === undefined ? '' : 'and target_workspace = @workspace';
      const rows = await r.all<Row>(
        `update deliveries set status = 'claimed', owner = @owner
        where id in (select id from deliveries where status = 'pending' and platform = @platform ${inWorkspace}
          and next_attempt_at <= @now order by next_attempt_at, id limit @limit ${skipLocked(d)}) ${RETURNING}`,
        args,
      );
      return rows.map(parse);
    },
    dueWorkspaces: async (platform, now) =>
      (await r.all<{ w: string }>(DUE_WORKSPACES, { platform, now })).map((x) => x.w),
    sending: async (id, owner, now) => (await r.run(SENDING, { id, owner, now })).changes > 0,
    sent: async (id, owner, now, duplicate = false) => (await r.run(SENT, { id, owner, now, duplicate })).changes > 0,
    async retry(id, owner, at, error) {
      await r.run(RETRY, { id, owner, at, error });
    },
    async failed(id, owner, error) {
      await r.run(FAILED, { id, owner, error });
    },
    async skipped(id, owner, error) {
      await r.run(SKIPPED, { id, owner, error });
    },
    release: async (owner) => (await r.run(RELEASE, { owner })).changes,
    depth: async () => (await r.get<{ n: number }>(DEPTH))!.n,
    async byKey(key) {
      const row = await r.get<DeliveryRow>(BY_KEY, { key });
      return (
        row && {
          ...row,
          target: fromJson(row.target),
          payload: fromJson(row.payload),
          possibleDuplicate: Boolean(row.possibleDuplicate),
        }
      );
    },
    async counts() {
      const rows = await r.all<{ status: string; n: number }>(COUNTS);
      return Object.fromEntries(rows.map((x) => [x.status, x.n]));
    },
  };
}
