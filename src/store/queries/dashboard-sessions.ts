// The dashboard's one-time sign-in links and the sessions they open. Tokens and session ids are random and only
// their hashes are stored (hashCode, as for link codes): the database alone opens no dashboard.
import { randomBytes } from 'node:crypto';
import type { DashboardGrant, DashboardSessionQueries } from '../port.ts';
import type { Runner } from '../sql/database.ts';
import { hashCode } from './links.ts';

// A member's earlier unused links stop working when they ask for a new one, as link codes do.
const DROP_UNUSED = 'delete from dashboard_links where member_id = @memberId and used_at is null';
const INSERT_LINK = `insert into dashboard_links (token_hash, workspace_id, member_id, is_admin, created_at, expires_at)
  values (@hash, @workspaceId, @memberId, @isAdmin, @now, @expiresAt)`;
// Spent in one statement: of two requests racing with the same link, only one gets a row back.
const SPEND = `update dashboard_links set used_at = @now
  where token_hash = @hash and used_at is null and expires_at > @now
  returning workspace_id as "workspaceId", member_id as "memberId", is_admin as "isAdmin"`;
const INSERT_SESSION = `insert into dashboard_sessions (id_hash, workspace_id, member_id, is_admin, created_at,
  expires_at) values (@hash, @workspaceId, @memberId, @isAdmin, @now, @expiresAt)`;
// Housekeeping on each sign-in: links and sessions past their expiry are of no use to anyone.
const DROP_EXPIRED = [
  'delete from dashboard_links where expires_at <= @now',
  'delete from dashboard_sessions where expires_at <= @now',
];
const SESSION = `select workspace_id as "workspaceId", member_id as "memberId", is_admin as "isAdmin",
  expires_at as "expiresAt" from dashboard_sessions where id_hash = @hash and expires_at > @now`;

/** SQLite gives booleans back as 0/1, PostgreSQL as booleans. */
const grant = <T extends { isAdmin: unknown }>(row: T): T & { isAdmin: boolean } => ({
  ...row,
  isAdmin: row.isAdmin === true || row.isAdmin === 1,
});

export function dashboardSessionQueries(r: Runner): DashboardSessionQueries {
  return {
    async issueLink(g, now, ttlMs) {
      const token = randomBytes(32).toString('base64url');
      await r.run(DROP_UNUSED, { memberId: g.memberId });
      await r.run(INSERT_LINK, { ...g, hash: hashCode(token), now, expiresAt: now + ttlMs });
      return token;
    },
    async open(token, now, sessionMs) {
      const spent = await r.get<DashboardGrant>(SPEND, { hash: hashCode(token), now });
      if (!spent) return undefined;
      for (const drop of DROP_EXPIRED) await r.run(drop, { now });
      const id = randomBytes(16).toString('hex');
      const expiresAt = now + sessionMs;
      const g = grant(spent);
      await r.run(INSERT_SESSION, { ...g, hash: hashCode(id), now, expiresAt });
      return { id, ...g, expiresAt };
    },
    async session(id, now) {
      const row = await r.get<DashboardGrant & { expiresAt: number }>(SESSION, { hash: hashCode(id), now });
      return row && grant(row);
    },
  };
}
