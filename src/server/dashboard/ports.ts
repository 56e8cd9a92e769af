// The two things the dashboard needs from the rest of the bot: page data, and sessions opened by one-time links.
import type { DeliveryPage, MemberPage, MemberSort, TeamPage } from './data.ts';

/** Sync (better-sqlite3) or async: the app awaits either. */
export type Awaitable<T> = T | Promise<T>;

/** Who is looking: every query is scoped to their workspace, and privacy is applied for them. */
export interface Viewer {
  workspaceId: string;
  memberId: string;
  isAdmin: boolean;
}

export interface Session extends Viewer {
  expiresAt: Date;
}

export interface DashboardSource {
  /** `page`: which page of the member table (from 1; a source may page a long one), or 'all' (the CSV). */
  team(workspaceId: string, viewer: Viewer, sort: MemberSort, page?: number | 'all'): Awaitable<TeamPage>;
  /** Undefined when there is no such member in that workspace, or the viewer may not see them (hidden, anonymous). */
  member(workspaceId: string, memberId: string, viewer: Viewer): Awaitable<MemberPage | undefined>;
  delivery(workspaceId: string): Awaitable<DeliveryPage>;
}

export interface DashboardSessions {
  /** Spends a one-time link's token: a new session, or undefined when the token is unknown, expired or used. */
  open(token: string): Awaitable<(Session & { id: string }) | undefined>;
  get(sessionId: string): Awaitable<Session | undefined>;
}
