// Every query group bound to one runner (one transaction). Groups are built on first use: a command touches a few.
// Most groups hold nothing but their runner, so they are built once per runner: SQLite's one connection has one runner
// for the process, and a command no longer builds a dozen closures per group again (PostgreSQL's runner is its
// transaction's own). The roadmap and workspace groups keep per-transaction state (the change version, a write seen)
// and are built per transaction.
import type { Tx } from '../port.ts';
import type { Runner } from '../sql/database.ts';
import { boardQueries } from './boards.ts';
import { changeVersionOf } from './change-version.ts';
import { channelPostQueries } from './channel-posts.ts';
import { type ContentCache, contentQueries } from './content.ts';
import { dashboardQueries } from './dashboard.ts';
import { dashboardSessionQueries } from './dashboard-sessions.ts';
import { deliveryQueries } from './deliveries.ts';
import { holidayQueries } from './holidays.ts';
import { keptDayQueries } from './kept-days.ts';
import { linkQueries } from './links.ts';
import { memberDataQueries } from './member-data.ts';
import { memberQueries } from './members.ts';
import { noteQueries } from './notes.ts';
import { outboxOwnerQueries } from './outbox-owners.ts';
import { progressQueries } from './progress.ts';
import { reviewQueries } from './reviews.ts';
import { scheduleQueries } from './schedules.ts';
import { seenInteractionQueries } from './seen-interactions.ts';
import { slackInstallationQueries } from './slack-installations.ts';
import { teamQueries } from './team.ts';
import { type WorkspaceCache, workspaceQueries } from './workspaces.ts';

export { type ContentCache, createContentCache } from './content.ts';
export { createWorkspaceCache, type WorkspaceCache } from './workspaces.ts';

/** Process-wide state the groups share across transactions (the roadmap and workspace caches). */
export interface Shared {
  content: ContentCache;
  workspaces: WorkspaceCache;
}

type Groups = Partial<Record<keyof Tx, unknown>>;
const byRunner = new WeakMap<Runner, Groups>();

export class BoundTx implements Tx {
  private readonly made: Groups = {};
  private readonly kept: Groups;
  private readonly changeVersion;
  constructor(
    private readonly runner: Runner,
    private readonly shared: Shared,
  ) {
    this.changeVersion = changeVersionOf(runner);
    let kept = byRunner.get(runner);
    if (!kept) byRunner.set(runner, (kept = {}));
    this.kept = kept;
  }

  /** A group with state of its own for this transaction. */
  private perTransaction<K extends keyof Tx>(key: K, make: () => Tx[K]): Tx[K] {
    let g = this.made[key] as Tx[K] | undefined;
    if (!g) this.made[key] = g = make();
    return g;
  }

  /** A group that holds only its runner: shared by every transaction on that runner. */
  private group<K extends keyof Tx>(key: K, make: () => Tx[K]): Tx[K] {
    let g = this.kept[key] as Tx[K] | undefined;
    if (!g) this.kept[key] = g = make();
    return g;
  }

  get content() {
    return this.perTransaction('content', () => contentQueries(this.runner, this.shared.content, this.changeVersion));
  }
  get workspaces() {
    return this.perTransaction('workspaces', () =>
      workspaceQueries(this.runner, this.shared.workspaces, this.changeVersion),
    );
  }
  get members() {
    return this.group('members', () => memberQueries(this.runner));
  }
  get progress() {
    return this.group('progress', () => progressQueries(this.runner));
  }
  get links() {
    return this.group('links', () => linkQueries(this.runner));
  }
  get slackInstallations() {
    return this.group('slackInstallations', () => slackInstallationQueries(this.runner));
  }
  get boards() {
    return this.group('boards', () => boardQueries(this.runner));
  }
  get keptDays() {
    return this.group('keptDays', () => keptDayQueries(this.runner));
  }
  get channelPosts() {
    return this.group('channelPosts', () => channelPostQueries(this.runner));
  }
  get team() {
    return this.group('team', () => teamQueries(this.runner));
  }
  get notes() {
    return this.group('notes', () => noteQueries(this.runner));
  }
  get memberData() {
    return this.group('memberData', () => memberDataQueries(this.runner));
  }
  get schedules() {
    return this.group('schedules', () => scheduleQueries(this.runner));
  }
  get reviews() {
    return this.group('reviews', () => reviewQueries(this.runner));
  }
  get deliveries() {
    return this.group('deliveries', () => deliveryQueries(this.runner));
  }
  get outboxOwners() {
    return this.group('outboxOwners', () => outboxOwnerQueries(this.runner));
  }
  get seenInteractions() {
    return this.group('seenInteractions', () => seenInteractionQueries(this.runner));
  }
  get holidays() {
    return this.group('holidays', () => holidayQueries(this.runner));
  }
  get dashboard() {
    return this.group('dashboard', () => dashboardQueries(this.runner));
  }
  get dashboardSessions() {
    return this.group('dashboardSessions', () => dashboardSessionQueries(this.runner));
  }
}
