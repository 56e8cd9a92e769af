// The dashboard's one-time sign-in links and the sessions they open. Tokens and session ids are random and only
// their hashes are stored (hashCode, as for link codes): the database alone opens no dashboard. Plain SQL.
import { randomBytes } from 'node:crypto';
import type { Db } from './db.ts';
import { hashCode } from './links.ts';

export interface DashboardGrant {
  workspaceId: number;
  memberId: number;
  isAdmin: boolean;
}

export interface DashboardSessionRow extends DashboardGrant {
  expiresAt: number;
}

type GrantRow = { workspace_id: number; member_id: number; is_admin: number };

export function createDashboardSessionStore(db: Db) {
  const sqlite = db.$client;
  // A member's earlier unused links stop working when they ask for a new one, as link codes do.
  const dropUnused = sqlite.prepare('delete from dashboard_links where member_id = ? and used_at is null');
  const insertLink = sqlite.prepare(`insert into dashboard_links
    (token_hash, workspace_id, member_id, is_admin, created_at, expires_at) values (?, ?, ?, ?, ?, ?)`);
  // Spent in one statement: of two requests racing with the same link, only one gets a row back.
  const spend = sqlite.prepare(`update dashboard_links set used_at = @now
    where token_hash = @hash and used_at is null and expires_at > @now
    returning workspace_id, member_id, is_admin`);
  const insertSession = sqlite.prepare(`insert into dashboard_sessions
    (id_hash, workspace_id, member_id, is_admin, created_at, expires_at) values (?, ?, ?, ?, ?, ?)`);
  // Housekeeping on each sign-in: links and sessions past their expiry are of no use to anyone.
  const dropExpired = [
    sqlite.prepare('delete from dashboard_links where expires_at <= ?'),
    sqlite.prepare('delete from dashboard_sessions where expires_at <= ?'),
  ];
  const session = sqlite.prepare(`select workspace_id, member_id, is_admin, expires_at from dashboard_sessions
    where id_hash = ? and expires_at > ?`);

  const open = sqlite.transaction((token: string, now: number, sessionMs: number) => {
    const grant = spend.get({ hash: hashCode(token), now }) as GrantRow | undefined;
    if (!grant) return undefined;
    for (const drop of dropExpired) drop.run(now);
    const id = randomBytes(16).toString('hex');
    const expiresAt = now + sessionMs;
    insertSession.run(hashCode(id), grant.workspace_id, grant.member_id, grant.is_admin, now, expiresAt);
    return { id, ...toGrant(grant), expiresAt };
  });

  return {
    /** A fresh one-time token for this member of this workspace, valid for `ttlMs`. Call inside a transaction. */
    issueLink(grant: DashboardGrant, now: number, ttlMs: number): string {
      const token = randomBytes(32).toString('base64url');
      dropUnused.run(grant.memberId);
      insertLink.run(hashCode(token), grant.workspaceId, grant.memberId, grant.isAdmin ? 1 : 0, now, now + ttlMs);
      return token;
    },
    /** Spends a live, unused token and opens a session of `sessionMs`; undefined for an unknown, used or expired one. */
    open(token: string, now: number, sessionMs: number): (DashboardSessionRow & { id: string }) | undefined {
      return open.immediate(token, now, sessionMs);
    },
    /** A session that has not expired by `now`, by its id (the cookie's value). */
    session(id: string, now: number): DashboardSessionRow | undefined {
      const row = session.get(hashCode(id), now) as (GrantRow & { expires_at: number }) | undefined;
      return row && { ...toGrant(row), expiresAt: row.expires_at };
    },
  };
}

const toGrant = (r: GrantRow): DashboardGrant => ({
  workspaceId: r.workspace_id,
  memberId: r.member_id,
  isAdmin: r.is_admin === 1,
});
