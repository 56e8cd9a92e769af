// The store: query groups by subject over one database, plus a transaction. The core never imports drizzle.
import type { Db } from './db.ts';
import { createContentStore } from './content.ts';
import { createLinkStore } from './links.ts';
import { createMemberStore } from './members.ts';
import { createProgressStore } from './progress.ts';
import { createSlackInstallationStore } from './slack-installations.ts';
import { createWorkspaceStore } from './workspaces.ts';

export function createStore(db: Db) {
  return {
    content: createContentStore(db),
    workspaces: createWorkspaceStore(db),
    members: createMemberStore(db),
    progress: createProgressStore(db),
    links: createLinkStore(db),
    slackInstallations: createSlackInstallationStore(db),
    /** Runs fn in one SQLite transaction: everything it writes lands together, or nothing does if it throws. */
    transaction<T>(fn: () => T): T {
      return db.$client.transaction(fn)();
    },
  };
}

export type Store = ReturnType<typeof createStore>;
export type { RoadmapView, SaveResult, TopicRow } from './content.ts';
export type { MemberRow } from './members.ts';
export type { TopicState, TopicProgress } from './progress.ts';
export type { WorkspaceRow } from './workspaces.ts';
