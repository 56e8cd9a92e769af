// The session cookie: set once a one-time link is spent, read on every page. HttpOnly, SameSite=Lax, Secure when
// the browser reached us over https (as a trusted proxy says, when there is one), and no longer than 12 hours.
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { DashboardSessions, Session, Viewer } from './ports.ts';

export const COOKIE = 'rc_session';
export const SESSION_HOURS = 12;

export function requestIsHttps(c: Context, trustProxy: boolean): boolean {
  const forwarded = trustProxy ? c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() : undefined;
  return (forwarded ?? new URL(c.req.url).protocol.slice(0, -1)) === 'https';
}

export function setSessionCookie(
  c: Context,
  session: Session & { id: string },
  opts: { trustProxy: boolean; now: Date },
): void {
  const untilExpiry = Math.floor((session.expiresAt.getTime() - opts.now.getTime()) / 1000);
  setCookie(c, COOKIE, session.id, {
    path: '/dashboard',
    httpOnly: true,
    sameSite: 'Lax',
    secure: requestIsHttps(c, opts.trustProxy),
    maxAge: Math.min(SESSION_HOURS * 3600, untilExpiry),
  });
}

/** The signed-in viewer, or undefined: no cookie, an unknown session, or one past its expiry (whatever the store says). */
export async function viewerOf(c: Context, sessions: DashboardSessions, now: Date): Promise<Viewer | undefined> {
  const id = getCookie(c, COOKIE);
  const session = id ? await sessions.get(id) : undefined;
  if (!session || session.expiresAt.getTime() <= now.getTime()) return undefined;
  return { workspaceId: session.workspaceId, memberId: session.memberId, isAdmin: session.isAdmin };
}
