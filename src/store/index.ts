// The store: query groups by subject over one database, plus a transaction. The core never imports drizzle.

import { createBoardStore } from './boards.ts';
import { createChannelPostStore } from './channel-posts.ts';
import { createContentStore } from './content.ts';
import { createDashboardDataStore } from './dashboard-data.ts';
import { createDashboardSessionStore } from './dashboard-sessions.ts';
import type { Db } from './db.ts';
import { createDeliveryStore } from './deliveries.ts';
import { createHolidayStore } from './holidays.ts';
import { createLinkStore } from './links.ts';
import { createMemberDataStore } from './member-data.ts';
import { createMemberStore } from './members.ts';
import { createNoteStore } from './notes.ts';
import { createOutboxOwnerStore } from './outbox-owners.ts';
import { createProgressStore } from './progress.ts';
import { createScheduleStore } from './schedules.ts';
import { createSlackInstallationStore } from './slack-installations.ts';
import { createTeamStore } from './team.ts';
import { createWorkspaceStore } from './workspaces.ts';

export function createStore(db: Db) {
  // Made once: better-sqlite3 builds four wrapper functions per transaction() call, which cost more than BEGIN itself.
  const inTransaction = db.$client.transaction((fn: () => unknown) => fn());
  return {
    content: createContentStore(db),
    workspaces: createWorkspaceStore(db),
    members: createMemberStore(db),
    progress: createProgressStore(db),
    links: createLinkStore(db),
    slackInstallations: createSlackInstallationStore(db),
    boards: createBoardStore(db),
    channelPosts: createChannelPostStore(db),
    team: createTeamStore(db),
    notes: createNoteStore(db),
    memberData: createMemberDataStore(db),
    schedules: createScheduleStore(db),
    deliveries: createDeliveryStore(db),
    outboxOwners: createOutboxOwnerStore(db),
    holidays: createHolidayStore(db),
    dashboardSessions: createDashboardSessionStore(db),
    dashboard: createDashboardDataStore(db),
    /** Runs fn in one SQLite transaction: everything it writes lands together, or nothing does if it throws. */
    transaction<T>(fn: () => T): T {
      return inTransaction(fn) as T;
    },
  };
}

export type Store = ReturnType<typeof createStore>;
export type { Board, BoardRow } from './boards.ts';
export type { RoadmapView, SaveResult, TopicRow } from './content.ts';
export type { OffsetSegment } from './day-sql.ts';
export type { ClaimedDelivery, DeliveryTarget } from './deliveries.ts';
export type { MemberData } from './member-data.ts';
export type { MemberRow } from './members.ts';
export type { NoteRow } from './notes.ts';
export type { Recovered } from './outbox-owners.ts';
export type { TopicProgress, TopicState } from './progress.ts';
export type { ScheduleRow } from './schedules.ts';
export type { TeamMember } from './team.ts';
export type { WorkspaceRow } from './workspaces.ts';
