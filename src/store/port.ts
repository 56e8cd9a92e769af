// The store's port: what the core, the scheduler, the content sync and the server may ask of the data, by subject,
// with row types of our own (no driver's or ORM's types cross it). Every group is reached only through a transaction
// (`Store.transaction(fn)` hands fn a Tx bound to it): on PostgreSQL a query made outside would run on another
// connection, so the outer Store holds no query group at all.
import type { Roadmap } from '../content/roadmap.ts';
import type { Dialect, LeaderLock, TransactionOptions } from './sql/database.ts';

// ---- Rows ----------------------------------------------------------------------------------------------------------

export interface Resource {
  type: string;
  title: string;
  url: string;
}

export interface TopicRow {
  id: number;
  roadmapId: string;
  path: string;
  position: number;
  sectionSlug: string;
  sectionTitle: string;
  pickOne: boolean;
  groupSlug: string | null;
  groupTitle: string | null;
  slug: string;
  title: string;
  summary: string;
  resources: Resource[];
  recall: string[]; // the content's recall questions; empty: recallPrompts() falls back
  retiredAt: number | null;
}

export interface RoadmapView {
  id: string;
  title: string;
  topics: TopicRow[]; // live topics in roadmap order
}

export interface SaveResult {
  added: number;
  updated: number;
  restored: number; // retired topics that are back in the file
  retired: number;
  unchanged: boolean;
}

export interface WorkspaceRow {
  id: number;
  platform: string;
  externalId: string;
  name: string | null;
  roadmapId: string;
  timeZone: string;
  leaderboardEnabled: boolean;
  boardPosts: 'admins' | 'everyone';
  createdAt: number;
}

export type WorkspaceSettings = Partial<
  Pick<WorkspaceRow, 'roadmapId' | 'timeZone' | 'leaderboardEnabled' | 'boardPosts'>
>;

export interface MemberRow {
  id: number;
  displayName: string;
  timeZone: string | null;
  privacy: 'show' | 'anonymous' | 'hide';
  streakMode: 'daily' | 'weekdays';
  createdAt: number;
}

export type MemberSettings = Partial<Pick<MemberRow, 'privacy' | 'streakMode' | 'timeZone'>>;

export interface IdentityInput {
  workspaceId: number;
  platformUserId: string;
  displayName: string;
  timeZone?: string;
  now: number;
}

export interface IdentityRow {
  id: number;
  workspaceId: number;
  platformUserId: string;
  memberId: number;
  displayName: string;
  createdAt: number;
}

export type TopicState = 'learning' | 'done' | 'skipped';

export interface TopicProgress {
  state: TopicState;
  updatedAt: number;
}

export interface SlackInstallationRow {
  id: string;
  teamId: string | null;
  enterpriseId: string | null;
  isEnterpriseInstall: boolean;
  botUserId: string | null;
  sealed: string;
  installedAt: number;
}

/** A local-day offset: it applies to instants before `until` (Infinity for the last segment). */
export interface OffsetSegment {
  until: number;
  offsetMs: number;
}

export interface BoardRow {
  memberId: number;
  name: string; // the member's display name in this workspace
  privacy: 'show' | 'anonymous' | 'hide';
  points: number;
  activeDays: number;
  rank: number; // shared by ties: 1, 1, 3; for `me`, the rank among visible members (would-be, when hidden)
}

export interface Board {
  top: BoardRow[]; // visible members ranked within `limit`
  scorers: number; // visible members with points in the period
  hiddenScorers: number; // members with points in the period who chose to be left out of boards
  me?: BoardRow; // undefined: no points in the period
}

export interface BoardQuery {
  workspaceId: number;
  from: number;
  to: number;
  // The workspace zone's offsets over the period, for local days (all time: none). Its own zone's: where the
  // workspace's local days are kept (decision 032), a week or month board reads them, counted in that zone.
  segments: readonly OffsetSegment[];
  memberId: number;
  limit: number;
}

export interface TeamMember {
  memberId: number;
  name: string;
  privacy: 'show' | 'anonymous';
}

export interface NoteRow {
  id: number;
  topicId: number;
  topicTitle: string;
  text: string;
  createdAt: number;
}

type Rows = Record<string, unknown>[];

export interface MemberData {
  profile: Record<string, unknown>;
  identities: Rows;
  trackChoices: Rows;
  progress: Rows;
  events: Rows;
  notes: Rows;
  reminders: Rows;
  reviewCards: Rows;
  reviewLogs: Rows;
}

/** A review card's scheduler state (FSRS's Card, times as epoch ms). */
export interface ReviewCardState {
  dueAt: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number; // FSRS State: 0 new, 1 learning, 2 review, 3 relearning
  lastReviewAt: number | null;
}

export interface ReviewCardRow extends ReviewCardState {
  id: number;
  memberId: number;
  topicId: number;
  createdAt: number;
}

/** One answer to a card, with the card's state before it (FSRS's ReviewLog). */
export interface ReviewLogInput {
  rating: number; // FSRS Rating: 1 again, 2 hard, 3 good, 4 easy
  state: number;
  dueAt: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  lastElapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reviewedAt: number;
}

export interface ScheduleRow {
  id: number;
  kind: 'nudge' | 'digest';
  workspaceId: number;
  memberId: number | null; // nudge: whose
  identityId: number | null; // nudge: the account its DMs go to
  channelId: string | null; // digest: the channel; nudge: the DM channel once opened
  localTime: string; // "HH:MM" in timeZone
  timeZone: string;
  days: number; // bit 0 = Monday … bit 6 = Sunday
  pausedUntil: number | null;
  pausedReason: string | null;
  consecutiveFailures: number;
  nextDueAt: number | null; // null: off
  createdAt: number;
}

/** A schedule to write: what has a default may be left out. */
export type ScheduleInput = Pick<
  ScheduleRow,
  'kind' | 'workspaceId' | 'localTime' | 'timeZone' | 'days' | 'createdAt'
> &
  Partial<
    Pick<
      ScheduleRow,
      'memberId' | 'identityId' | 'channelId' | 'pausedUntil' | 'pausedReason' | 'consecutiveFailures' | 'nextDueAt'
    >
  >;

/** Due schedules that share recurrence, due instant, workspace, kind and snooze, as the tick reads them: whatever it
 *  decides for one it decides for all. ids is a JSON array, handed back as is to the statements that write them. */
export interface DueGroupRow {
  kind: 'nudge' | 'digest';
  workspaceId: number;
  localTime: string;
  timeZone: string;
  days: number;
  pausedUntil: number | null;
  nextDueAt: number;
  ids: string;
  n: number;
}

export interface ScheduleContext {
  schedule: ScheduleRow;
  workspace: WorkspaceRow;
  member: MemberRow | null;
}

export type DeliveryStatus = 'pending' | 'claimed' | 'sending' | 'sent' | 'failed' | 'skipped';

export interface DeliveryTarget {
  kind: 'user' | 'channel';
  workspaceId: string;
  id: string;
}

/** Due schedules (ids: a JSON array) that share their due instant, local date and outcome: one statement writes
 *  them. */
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

/** A delivery row as stored, for tests and diagnostics. */
export interface DeliveryRow {
  id: number;
  key: string;
  scheduleId: number | null;
  platform: string;
  targetWorkspace: string;
  target: DeliveryTarget;
  payload: unknown;
  status: DeliveryStatus;
  owner: string | null;
  sendingSince: number | null;
  interruptedAt: number | null;
  nonce: string;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  possibleDuplicate: boolean;
  dueAt: number;
  createdAt: number;
  sentAt: number | null;
}

export interface Recovered {
  released: number; // claimed, never started: simply sent again
  interrupted: { id: number; platform: string }[]; // mid-request when their owner died: the request may have arrived
}

// The dashboard's rows: a workspace as its pages need it, the member table, and the outbox's outcomes.
export interface DashboardWorkspace {
  id: number;
  name: string | null;
  timeZone: string;
  roadmapId: string;
  platform: string;
  externalId: string;
}

export interface DashboardMember {
  memberId: number;
  name: string;
  privacy: 'show' | 'anonymous' | 'hide';
  done: number;
  lastActivity: number | null;
  timeZone: string | null;
  streakMode: 'daily' | 'weekdays';
}

/** The member table's orders: by topics finished or by the latest progress, either way round. */
export type DashboardOrder = 'progress-desc' | 'progress-asc' | 'activity-desc' | 'activity-asc';

export interface DeliveryDayRow {
  day: number; // days since 1970-01-01 in the workspace's zone
  kind: 'nudge' | 'digest';
  sent: number;
  retried: number;
  failed: number;
}

export interface PausedRow {
  kind: 'nudge' | 'digest';
  memberId: number | null;
  name: string | null; // the nudged member's name in this workspace
  privacy: DashboardMember['privacy'] | null;
  channelId: string | null;
  reason: string;
  since: number;
}

/** Who a dashboard link or session is for. */
export interface DashboardGrant {
  workspaceId: number;
  memberId: number;
  isAdmin: boolean;
}

export interface DashboardSessionRow extends DashboardGrant {
  expiresAt: number;
}

// ---- Query groups --------------------------------------------------------------------------------------------------

export interface ContentQueries {
  roadmap(id: string): Promise<RoadmapView | undefined>;
  roadmapIds(): Promise<string[]>;
  /** Writes a parsed roadmap; topics no longer in it are retired, never deleted. */
  save(roadmap: Roadmap, source: string, now: number): Promise<SaveResult>;
}

export interface WorkspaceQueries {
  find(platform: string, externalId: string): Promise<WorkspaceRow | undefined>;
  /** Changes a workspace's settings; only the fields given. */
  update(id: number, settings: WorkspaceSettings): Promise<WorkspaceRow>;
  /** The workspace, created on first contact with the default roadmap. */
  ensure(input: {
    platform: string;
    externalId: string;
    name?: string;
    roadmapId: string;
    now: number;
  }): Promise<WorkspaceRow>;
}

export interface MemberQueries {
  /** The member behind a platform account, created on first contact; a changed display name is kept up to date. */
  resolve(input: IdentityInput): Promise<MemberRow>;
  /** Changes a member's own settings: privacy on boards, streak mode, time zone (null: UTC). */
  updateSettings(memberId: number, settings: MemberSettings): Promise<void>;
}

export interface ProgressQueries {
  forMember(memberId: number): Promise<Map<number, TopicProgress>>;
  /** Sets (or with null, clears) a member's state on a topic and logs the change. Returns the previous state. */
  set(memberId: number, topicId: number, state: TopicState | null, now: number): Promise<TopicState | null>;
  /** When each of the member's progress events happened, oldest first: the source of streaks. */
  eventTimes(memberId: number): Promise<number[]>;
  /** Chosen group per pick-one section of a roadmap: section slug → group slug. */
  tracks(memberId: number, roadmapId: string): Promise<Map<string, string>>;
  chooseTrack(memberId: number, roadmapId: string, sectionSlug: string, groupSlug: string, now: number): Promise<void>;
}

export interface LinkQueries {
  identity(workspaceId: number, platformUserId: string): Promise<IdentityRow | undefined>;
  identitiesOf(memberId: number): Promise<IdentityRow[]>;
  /** A fresh 8-character code for this identity; any earlier unused one stops working. */
  issueCode(identityId: number, now: number, ttlMs: number): Promise<string>;
  /** The identity that issued a live code, marking the code used; undefined for a wrong, used or expired code. */
  redeem(code: string, now: number): Promise<IdentityRow | undefined>;
  recordFailure(identityId: number, now: number): Promise<void>;
  failuresSince(identityId: number, since: number): Promise<number>;
  /** Moves everything of `absorbed` into `survivor` and deletes `absorbed`. */
  merge(survivorId: number, absorbedId: number): Promise<void>;
  /** Gives one identity a member of its own again, starting from a copy of the shared progress. */
  split(identity: IdentityRow, now: number): Promise<number>;
}

export interface SlackInstallationQueries {
  /** Inserts or replaces the installation for its id (a reinstall brings a new token). */
  save(row: SlackInstallationRow): Promise<void>;
  find(id: string): Promise<SlackInstallationRow | undefined>;
  /** Removes the installation; returns how many rows went (0 when it was not installed). */
  remove(id: string): Promise<number>;
}

export interface BoardQueries {
  leaderboard(q: BoardQuery): Promise<Board>;
}

/** The local days boards break ties by, kept per workspace in its zone (decision 032). */
export interface KeptDayQueries {
  /** Workspaces whose kept days were counted in another zone than theirs, or never (an upgraded database). */
  stale(): Promise<{ id: number; timeZone: string }[]>;
  /**
   * Counts the workspace's local days again from `from` on, in `zone` with its `offsets` (written once per zone for
   * the triggers), when the workspace's zone is still `zone` and its days are stale; false when there was nothing to
   * do (another process did it first, or the zone has changed again).
   */
  recount(workspaceId: number, zone: string, offsets: readonly OffsetSegment[], from: number): Promise<boolean>;
}

export interface ChannelPostQueries {
  lastAt(workspaceId: number, channelId: string): Promise<number | undefined>;
  record(workspaceId: number, channelId: string, now: number): Promise<void>;
}

export interface TeamQueries {
  /** Visible members of the workspace with the most topics done, most first (ties: longest-standing first). */
  furthestAlong(workspaceId: number, limit: number): Promise<(TeamMember & { done: number })[]>;
  /** Visible members, how many of them joined before `since` and have not moved since, and how many hidden members
   *  have finished something. */
  headcount(workspaceId: number, since: number): Promise<{ visible: number; idle: number; hiddenDone: number }>;
  /** The first `limit` of those idle members, longest-standing first. */
  idleSince(workspaceId: number, since: number, limit: number): Promise<TeamMember[]>;
}

export interface NoteQueries {
  /** Returns the new note's number. */
  add(memberId: number, topicId: number, text: string, now: number): Promise<number>;
  forTopic(memberId: number, topicId: number): Promise<NoteRow[]>;
  forMember(memberId: number): Promise<NoteRow[]>;
  /** One of the member's own notes by its number (its id), or undefined: nobody reaches another's notes. */
  one(memberId: number, id: number): Promise<NoteRow | undefined>;
  /** Replaces a note's text, keeping its topic and date. */
  edit(memberId: number, id: number, text: string): Promise<void>;
  remove(memberId: number, id: number): Promise<void>;
}

export interface MemberDataQueries {
  exportOf(memberId: number): Promise<MemberData>;
  /** Deletes the member and every row that points at them, directly or through another row. Rows deleted per table. */
  forget(memberId: number): Promise<Record<string, number>>;
}

export interface ReviewQueries {
  /** The member's card for a topic, created with `state` unless one exists (a topic done twice keeps its card). */
  create(memberId: number, topicId: number, state: ReviewCardState, now: number): Promise<void>;
  card(memberId: number, topicId: number): Promise<ReviewCardRow | undefined>;
  /** Cards due by `now`, the longest overdue first. */
  due(memberId: number, now: number, limit: number): Promise<ReviewCardRow[]>;
  /** How many of the member's cards are due by `now`. */
  dueCount(memberId: number, now: number): Promise<number>;
  /** When the member's next card comes due (undefined: no cards). */
  nextDueAt(memberId: number): Promise<number | undefined>;
  /** Every card of the member: progress estimates recall per section from them. */
  forMember(memberId: number): Promise<ReviewCardRow[]>;
  /** Writes the card's new state and logs the answer, in one go. */
  record(cardId: number, next: ReviewCardState, log: ReviewLogInput): Promise<void>;
  /** When the member answered reviews, oldest first: reviews earn streak days as progress does. */
  answerTimes(memberId: number): Promise<number[]>;
  /** Removes the member's card for a topic and its log (reset). Returns how many cards went. */
  remove(memberId: number, topicId: number): Promise<number>;
  /** The estimated recall of the workspace's visible members, averaged per member over their reviewed cards of the
   *  roadmap's live topics, then over members; undefined before anyone has reviewed. `curve`: FSRS's constants;
   *  `stride`: 1 reads every member, n about one in n (a fixed sample, by a scramble of the member id). */
  teamRecall(q: {
    workspaceId: number;
    roadmapId: string;
    now: number;
    curve: { factor: number; decay: number };
    stride: number;
  }): Promise<{ recall: number; members: number } | undefined>;
  /** Review answers given in [from, to) by the workspace's visible members, and by how many of them. */
  doneIn(workspaceId: number, from: number, to: number): Promise<{ answers: number; members: number }>;
}

export interface ScheduleQueries {
  identityId(workspaceId: number, platformUserId: string): Promise<number | undefined>;
  nudgeOf(memberId: number): Promise<ScheduleRow | undefined>;
  digestOf(workspaceId: number): Promise<ScheduleRow | undefined>;
  byId(id: number): Promise<ScheduleRow | undefined>;
  /** Creates or replaces the member's nudge (or the workspace's digest): one of each. */
  save(input: ScheduleInput): Promise<ScheduleRow>;
  update(id: number, changes: Partial<ScheduleInput>): Promise<ScheduleRow>;
  due(now: number, limit: number): Promise<DueGroupRow[]>;
  /** Moves a schedule on from the due time it was read at; false when another process already did. */
  advance(id: number, from: number, to: number | null): Promise<boolean>;
  /** advance() for many schedules (ids: a JSON array) that were all due at `from`. */
  advanceMany(ids: string, from: number, to: number | null): Promise<number>;
  /** A nudge's DM channel, opened ahead or by its first send. */
  keepChannel(id: number, channelId: string): Promise<void>;
  /** Nudges on a platform whose DM channel is not open yet, the soonest due first, leaving out `except` (ids). */
  awaitingChannel(
    platform: string,
    limit: number,
    except?: readonly number[],
  ): Promise<{ id: number; workspaceId: string; userId: string }[]>;
  /** The kept DM channel was refused for good: forget it, so the next nudge opens a fresh one. */
  forgetChannel(id: number, channelId: string): Promise<void>;
  /** What composing a message needs: the schedule, its workspace and its member (a digest's: who set it). */
  context(id: number): Promise<ScheduleContext | undefined>;
  /** A delivery went out: the failure run ends. */
  succeeded(id: number): Promise<void>;
  /** A delivery failed for good; at `limit` in a row the schedule pauses and keeps why. */
  failed(id: number, reason: string, limit: number): Promise<boolean>;
  /** The reason a member's nudge paused itself, once: reading it clears it. */
  takePausedReason(memberId: number): Promise<string | undefined>;
}

export interface DeliveryQueries {
  /** Queues one delivery per schedule of the group (unless its key exists). Returns [platform, skip reason or null]
   *  for each delivery actually inserted. */
  enqueueDue(g: DueGroup, now: number): Promise<[string, string | null][]>;
  /** Claims up to `limit` due rows of a platform (of one of its workspaces, if given) for `owner`. Run it in an
   *  `immediate` transaction, so two processes never claim the same row. */
  claim(c: Claim): Promise<ClaimedDelivery[]>;
  /** The workspaces of a platform that have rows due. */
  dueWorkspaces(platform: string, now: number): Promise<string[]>;
  /** The request is about to go. False when the claim is no longer this owner's. */
  sending(id: number, owner: string, now: number): Promise<boolean>;
  sent(id: number, owner: string, now: number, duplicate?: boolean): Promise<boolean>;
  retry(id: number, owner: string, at: number, error: string): Promise<void>;
  failed(id: number, owner: string, error: string): Promise<void>;
  skipped(id: number, owner: string, error: string): Promise<void>;
  /** Gives back an owner's claims whose request has not started. */
  release(owner: string): Promise<number>;
  /** Deliveries not yet settled: pending, claimed, or being sent. */
  depth(): Promise<number>;
  byKey(key: string): Promise<DeliveryRow | undefined>;
  /** Counts by status, for tests and the benchmark. */
  counts(): Promise<Record<string, number>>;
}

export interface OutboxOwnerQueries {
  /** The owner is alive now (registers it the first time, or again after others took it for dead). */
  beat(id: string, now: number): Promise<void>;
  /** Takes back the claims of every owner but `me` whose last beat is older than `deadline`, and forgets them. Run
   *  it in an `immediate` transaction. */
  recoverDead(me: string, deadline: number): Promise<Recovered>;
  /** An owner stopping: whatever it still holds goes back as if it had died, and it leaves the table. */
  retire(me: string): Promise<Recovered>;
}

export interface SeenInteractionQueries {
  /** Records an inbound event's key (a Slack event id, a Discord interaction id) for `ttlMs`; true the first time,
   *  false when any replica has already taken it and it has not expired. */
  firstSeen(key: string, now: number, ttlMs: number): Promise<boolean>;
  /** Forgets the keys expired by `now`; how many went. */
  prune(now: number): Promise<number>;
}

export interface HolidayQueries {
  /** Returns false when the date was already a holiday. */
  add(workspaceId: number, date: string): Promise<boolean>;
  remove(workspaceId: number, date: string): Promise<boolean>;
  /** Every holiday of the workspace, oldest first ("YYYY-MM-DD"). */
  datesOf(workspaceId: number): Promise<string[]>;
  isHoliday(workspaceId: number, date: string): Promise<boolean>;
}

/** The dashboard's aggregates, each scoped to one workspace. */
export interface DashboardQueries {
  workspace(id: number): Promise<DashboardWorkspace | undefined>;
  /** Done events per local week (Monday-based week numbers: floor((day + 3) / 7)) from `from` up to `to`. */
  weekly(
    ws: number,
    from: number,
    to: number,
    segments: readonly OffsetSegment[],
  ): Promise<{ week: number; n: number }[]>;
  /** Who reached and who finished each section; topics: topic id → [section slug, group key, topics that finish
   *  the group]. */
  funnel(
    ws: number,
    topics: Record<number, [string, string, number]>,
  ): Promise<{ section: string; reached: number; finished: number }[]>;
  /** Everyone in the workspace (hidden members too: a count singles nobody out), and those who moved since `since`. */
  headcount(ws: number, since: number): Promise<{ total: number; active: number }>;
  /** How many rows the viewer's member table has. */
  listedCount(ws: number, viewer: number): Promise<number>;
  /** One page of the viewer's member table, in the order asked. */
  listed(ws: number, viewer: number, order: DashboardOrder, limit: number, offset: number): Promise<DashboardMember[]>;
  /** A member of this workspace (undefined for anyone else, whatever their id). */
  member(ws: number, id: number): Promise<DashboardMember | undefined>;
  /** The workspace's outbox by the local day each delivery was due: sent at the first attempt, after retries, or
   *  given up on. Deliveries still pending or skipped are not outcomes yet. */
  deliveryDays(w: DashboardWorkspace, from: number, segments: readonly OffsetSegment[]): Promise<DeliveryDayRow[]>;
  /** Schedules the sender paused after repeated failures, with the reason and their last failure. */
  paused(ws: number): Promise<PausedRow[]>;
}

export interface DashboardSessionQueries {
  /** A fresh one-time token for this member of this workspace, valid for `ttlMs`; their earlier unused links die. */
  issueLink(grant: DashboardGrant, now: number, ttlMs: number): Promise<string>;
  /** Spends a live, unused token and opens a session of `sessionMs`; undefined for an unknown, used or expired one.
   *  Run it in an `immediate` transaction. */
  open(token: string, now: number, sessionMs: number): Promise<(DashboardSessionRow & { id: string }) | undefined>;
  /** A session that has not expired by `now`, by its id (the cookie's value). */
  session(id: string, now: number): Promise<DashboardSessionRow | undefined>;
}

// ---- Transactions --------------------------------------------------------------------------------------------------

/** Every query group, bound to one transaction. */
export interface Tx {
  readonly content: ContentQueries;
  readonly workspaces: WorkspaceQueries;
  readonly members: MemberQueries;
  readonly progress: ProgressQueries;
  readonly links: LinkQueries;
  readonly slackInstallations: SlackInstallationQueries;
  readonly boards: BoardQueries;
  readonly keptDays: KeptDayQueries;
  readonly channelPosts: ChannelPostQueries;
  readonly team: TeamQueries;
  readonly notes: NoteQueries;
  readonly memberData: MemberDataQueries;
  readonly schedules: ScheduleQueries;
  readonly reviews: ReviewQueries;
  readonly deliveries: DeliveryQueries;
  readonly outboxOwners: OutboxOwnerQueries;
  readonly seenInteractions: SeenInteractionQueries;
  readonly holidays: HolidayQueries;
  readonly dashboard: DashboardQueries;
  readonly dashboardSessions: DashboardSessionQueries;
}

/** What a command may touch: the member-facing groups, not the outbox's or the installations' plumbing. */
export type CommandStore = Pick<
  Tx,
  | 'content'
  | 'workspaces'
  | 'members'
  | 'progress'
  | 'links'
  | 'boards'
  | 'keptDays'
  | 'channelPosts'
  | 'team'
  | 'notes'
  | 'memberData'
  | 'schedules'
  | 'reviews'
  | 'holidays'
  | 'dashboardSessions'
>;

export type { LeaderLock, TransactionOptions };

/** The store: nothing but transactions. */
export interface Store {
  readonly dialect: Dialect;
  /** Runs fn in one transaction with a Tx bound to it: committed when it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Whether the database answers and every migration is applied (for /readyz). */
  ready(): Promise<boolean>;
  /** The lock that elects the replica that ticks and sends (PostgreSQL); undefined where one process is all there
   *  is (SQLite), which then always does. */
  leaderLock(): LeaderLock | undefined;
  close(): Promise<void>;
}
