// The PostgreSQL schema (drizzle pg-core): the same tables, columns, keys and indexes as the SQLite one in
// src/store/schema.ts, which it mirrors line for line. Migrations in migrations/postgres/ are generated from this file:
// `npm run db:generate:postgres`. test/store/schema-equivalence.test.ts fails when the two drift apart.
// Time is epoch milliseconds in bigint (mode number: JS numbers, exact up to 2^53), as SQLite keeps it, so the queries
// compare and compute it the same way on both; an int4 would overflow in 1970 + 24 days. JSON columns stay text:
// the store writes and reads them as strings on both engines, and no query looks inside them.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const ms = (name: string) => bigint(name, { mode: 'number' });
const id = () => integer('id').primaryKey().generatedByDefaultAsIdentity();

export const roadmaps = pgTable('roadmaps', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  sourceHash: text('source_hash').notNull(),
  loadedAt: ms('loaded_at').notNull(),
});

export const topics = pgTable(
  'topics',
  {
    id: id(),
    roadmapId: text('roadmap_id')
      .notNull()
      .references(() => roadmaps.id),
    path: text('path').notNull(),
    position: integer('position').notNull(),
    sectionSlug: text('section_slug').notNull(),
    sectionTitle: text('section_title').notNull(),
    pickOne: boolean('pick_one').notNull().default(false),
    groupSlug: text('group_slug'),
    groupTitle: text('group_title'),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    resources: text('resources').notNull(), // JSON text: [{ type, title, url }]
    recall: text('recall').notNull().default(sql`'[]'`), // JSON text: the recall questions
    retiredAt: ms('retired_at'),
  },
  (t) => [uniqueIndex('topics_path').on(t.path), index('topics_roadmap_position').on(t.roadmapId, t.position)],
);

export const workspaces = pgTable(
  'workspaces',
  {
    id: id(),
    platform: text('platform').notNull(),
    externalId: text('external_id').notNull(),
    name: text('name'),
    roadmapId: text('roadmap_id').notNull(),
    timeZone: text('time_zone').notNull().default('UTC'),
    daysZone: text('days_zone'),
    daysFrom: ms('days_from'),
    leaderboardEnabled: boolean('leaderboard_enabled').notNull().default(true),
    boardPosts: text('board_posts', { enum: ['admins', 'everyone'] })
      .notNull()
      .default('admins'),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [uniqueIndex('workspaces_platform_external').on(t.platform, t.externalId)],
);

export const members = pgTable('members', {
  id: id(),
  displayName: text('display_name').notNull(),
  timeZone: text('time_zone'),
  privacy: text('privacy', { enum: ['show', 'anonymous', 'hide'] })
    .notNull()
    .default('show'),
  streakMode: text('streak_mode', { enum: ['daily', 'weekdays'] })
    .notNull()
    .default('daily'),
  createdAt: ms('created_at').notNull(),
});

export const identities = pgTable(
  'identities',
  {
    id: id(),
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    platformUserId: text('platform_user_id').notNull(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    displayName: text('display_name').notNull(),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('identities_workspace_user').on(t.workspaceId, t.platformUserId),
    index('identities_member').on(t.memberId),
  ],
);

export const trackChoices = pgTable(
  'track_choices',
  {
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    roadmapId: text('roadmap_id')
      .notNull()
      .references(() => roadmaps.id),
    sectionSlug: text('section_slug').notNull(),
    groupSlug: text('group_slug').notNull(),
    chosenAt: ms('chosen_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.roadmapId, t.sectionSlug] })],
);

export const progress = pgTable(
  'progress',
  {
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id),
    state: text('state', { enum: ['learning', 'done', 'skipped'] }).notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.memberId, t.topicId] }),
    index('progress_state_updated').on(t.state, t.updatedAt, t.memberId),
  ],
);

// Kept by plpgsql triggers (migrations/postgres, the custom migration), as SQLite's are: never written by the app.
export const memberStats = pgTable('member_stats', {
  memberId: integer('member_id')
    .primaryKey()
    .references(() => members.id, { onDelete: 'cascade' }),
  doneCount: integer('done_count').notNull().default(0),
  lastProgressAt: ms('last_progress_at'),
  activeDays: integer('active_days').notNull().default(0),
});

export const memberDays = pgTable(
  'member_days',
  {
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    day: integer('day').notNull(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.day] })],
);

export const workspaceMemberStats = pgTable(
  'workspace_member_stats',
  {
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    hidden: integer('hidden').notNull().default(0),
    doneCount: integer('done_count').notNull().default(0),
    activeDays: integer('active_days').notNull().default(0),
    lastProgressAt: ms('last_progress_at'),
    joinedAt: ms('joined_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.memberId] }),
    index('workspace_member_stats_rank').on(
      t.workspaceId,
      t.hidden,
      t.doneCount.desc(),
      t.activeDays.desc(),
      t.memberId,
    ),
    index('workspace_member_stats_idle').on(t.workspaceId, t.hidden, t.lastProgressAt, t.joinedAt),
    index('workspace_member_stats_member').on(t.memberId), // the triggers' way from a member to their rows
  ],
);

// How many of a workspace's members are visible, and how many visible and hidden ones have finished a topic: the team
// view's headcount and the all-time board's scorer counts, which counted up to every member of the workspace on each
// view (decision 023). Kept by triggers on workspace_member_stats (migrations/postgres/0012); never written by
// application code.
export const workspaceCounts = pgTable('workspace_counts', {
  workspaceId: integer('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  visible: integer('visible').notNull().default(0), // workspace_member_stats rows with hidden = 0
  visibleScorers: integer('visible_scorers').notNull().default(0), // … and done_count > 0
  hiddenScorers: integer('hidden_scorers').notNull().default(0), // hidden = 1 and done_count > 0
});

// Topics done per member, workspace and UTC calendar bucket (a week from Monday, a month from the 1st): the week, last
// week and month boards read a bucket and recount only the hours between it and the workspace's local period, instead
// of grouping every topic done in the period (decision 023). Kept by triggers on progress and workspace_member_stats
// (migrations/postgres/0010); never written by application code. Rows may reach 0 points and stay.
export const workspacePeriodPoints = pgTable(
  'workspace_period_points',
  {
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['week', 'month'] }).notNull(),
    startDay: integer('start_day').notNull(), // the bucket's first UTC day, in days since 1970-01-01
    hidden: integer('hidden').notNull().default(0), // workspace_member_stats.hidden, for the index ranges
    points: integer('points').notNull().default(0), // progress rows done, updated_at within the bucket
    days: integer('days').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.kind, t.startDay, t.memberId] }),
    index('workspace_period_points_rank').on(
      t.workspaceId,
      t.kind,
      t.startDay,
      t.hidden,
      t.points.desc(),
      t.memberId,
      t.days,
    ),
    index('workspace_period_points_member').on(t.memberId, t.kind, t.startDay), // the triggers' way in
  ],
);

// Kept by triggers (migrations/postgres/0016), as in SQLite.
export const workspaceMemberDays = pgTable(
  'workspace_member_days',
  {
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    day: integer('day').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.memberId, t.day] })],
);

export const zoneOffsets = pgTable(
  'zone_offsets',
  {
    zone: text('zone').notNull(),
    fromAt: ms('from_at').notNull(),
    offsetMs: integer('offset_ms').notNull(),
  },
  (t) => [primaryKey({ columns: [t.zone, t.fromAt] })],
);

export const progressEvents = pgTable(
  'progress_events',
  {
    id: id(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id),
    fromState: text('from_state'),
    toState: text('to_state'),
    at: ms('at').notNull(),
  },
  (t) => [
    index('progress_events_member_at').on(t.memberId, t.at),
    index('progress_events_done_at').on(t.at, t.memberId).where(sql`${t.toState} = 'done'`),
  ],
);

export const slackInstallations = pgTable('slack_installations', {
  id: text('id').primaryKey(),
  teamId: text('team_id'),
  enterpriseId: text('enterprise_id'),
  isEnterpriseInstall: boolean('is_enterprise_install').notNull().default(false),
  botUserId: text('bot_user_id'),
  sealed: text('sealed').notNull(),
  installedAt: ms('installed_at').notNull(),
});

export const notes = pgTable(
  'notes',
  {
    id: id(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id),
    text: text('text').notNull(),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [index('notes_member_topic').on(t.memberId, t.topicId, t.createdAt)],
);

export const linkCodes = pgTable('link_codes', {
  codeHash: text('code_hash').primaryKey(),
  identityId: integer('identity_id')
    .notNull()
    .references(() => identities.id),
  createdAt: ms('created_at').notNull(),
  expiresAt: ms('expires_at').notNull(),
  usedAt: ms('used_at'),
});

export const linkAttempts = pgTable(
  'link_attempts',
  {
    id: id(),
    identityId: integer('identity_id')
      .notNull()
      .references(() => identities.id),
    at: ms('at').notNull(),
  },
  (t) => [index('link_attempts_identity_at').on(t.identityId, t.at)],
);

export const schedules = pgTable(
  'schedules',
  {
    id: id(),
    kind: text('kind', { enum: ['nudge', 'digest'] }).notNull(),
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    memberId: integer('member_id').references(() => members.id),
    identityId: integer('identity_id').references(() => identities.id),
    channelId: text('channel_id'),
    localTime: text('local_time').notNull(),
    timeZone: text('time_zone').notNull(),
    days: integer('days').notNull(),
    pausedUntil: ms('paused_until'),
    pausedReason: text('paused_reason'),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    nextDueAt: ms('next_due_at'),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [
    index('schedules_next_due').on(t.nextDueAt, t.id), // the due queue's order: id breaks ties without a sort
    index('schedules_member').on(t.memberId),
    index('schedules_workspace').on(t.workspaceId),
    index('schedules_awaiting_channel')
      .on(t.nextDueAt)
      .where(sql`${t.kind} = 'nudge' and ${t.channelId} is null and ${t.nextDueAt} is not null`),
  ],
);

export const deliveries = pgTable(
  'deliveries',
  {
    id: id(),
    key: text('key').notNull(),
    scheduleId: integer('schedule_id').references(() => schedules.id),
    platform: text('platform').notNull(),
    targetWorkspace: text('target_workspace').notNull().default(''),
    target: text('target').notNull(), // JSON text: { kind, workspaceId, id }
    payload: text('payload').notNull(), // JSON text: the Reply
    status: text('status', { enum: ['pending', 'claimed', 'sending', 'sent', 'failed', 'skipped'] }).notNull(),
    owner: text('owner'),
    sendingSince: ms('sending_since'),
    interruptedAt: ms('interrupted_at'),
    nonce: text('nonce').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ms('next_attempt_at').notNull(),
    lastError: text('last_error'),
    possibleDuplicate: boolean('possible_duplicate').notNull().default(false),
    dueAt: ms('due_at').notNull(),
    createdAt: ms('created_at').notNull(),
    sentAt: ms('sent_at'),
  },
  (t) => [
    uniqueIndex('deliveries_key').on(t.key),
    index('deliveries_pending_platform').on(t.platform, t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('deliveries_pending_workspace')
      .on(t.platform, t.targetWorkspace, t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index('deliveries_owner').on(t.owner).where(sql`${t.owner} is not null`),
  ],
);

export const outboxOwners = pgTable('outbox_owners', {
  id: text('id').primaryKey(),
  heartbeatAt: ms('heartbeat_at').notNull(),
  startedAt: ms('started_at').notNull(),
});

export const holidays = pgTable(
  'holidays',
  {
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    date: text('date').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.date] })],
);

export const channelPosts = pgTable(
  'channel_posts',
  {
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    channelId: text('channel_id').notNull(),
    postedAt: ms('posted_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.channelId] })],
);

// The dashboard's one-time sign-in links and the sessions they open: only hashes are kept (see schema.ts).
export const dashboardLinks = pgTable('dashboard_links', {
  tokenHash: text('token_hash').primaryKey(),
  workspaceId: integer('workspace_id')
    .notNull()
    .references(() => workspaces.id),
  memberId: integer('member_id')
    .notNull()
    .references(() => members.id, { onDelete: 'cascade' }),
  isAdmin: boolean('is_admin').notNull(),
  createdAt: ms('created_at').notNull(),
  expiresAt: ms('expires_at').notNull(),
  usedAt: ms('used_at'),
});

export const dashboardSessions = pgTable(
  'dashboard_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    isAdmin: boolean('is_admin').notNull(),
    createdAt: ms('created_at').notNull(),
    expiresAt: ms('expires_at').notNull(),
  },
  (t) => [index('dashboard_sessions_expires').on(t.expiresAt)],
);

export const reviewCards = pgTable(
  'review_cards',
  {
    id: id(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id),
    dueAt: ms('due_at').notNull(),
    stability: doublePrecision('stability').notNull(),
    difficulty: doublePrecision('difficulty').notNull(),
    elapsedDays: integer('elapsed_days').notNull(),
    scheduledDays: integer('scheduled_days').notNull(),
    learningSteps: integer('learning_steps').notNull(),
    reps: integer('reps').notNull(),
    lapses: integer('lapses').notNull(),
    state: integer('state').notNull(),
    lastReviewAt: ms('last_review_at'),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('review_cards_member_topic').on(t.memberId, t.topicId),
    index('review_cards_member_due').on(t.memberId, t.dueAt),
  ],
);

export const reviewLogs = pgTable(
  'review_logs',
  {
    id: id(),
    cardId: integer('card_id')
      .notNull()
      .references(() => reviewCards.id, { onDelete: 'cascade' }),
    rating: integer('rating').notNull(),
    state: integer('state').notNull(),
    dueAt: ms('due_at').notNull(),
    stability: doublePrecision('stability').notNull(),
    difficulty: doublePrecision('difficulty').notNull(),
    elapsedDays: integer('elapsed_days').notNull(),
    lastElapsedDays: integer('last_elapsed_days').notNull(),
    scheduledDays: integer('scheduled_days').notNull(),
    learningSteps: integer('learning_steps').notNull(),
    reviewedAt: ms('reviewed_at').notNull(),
  },
  (t) => [index('review_logs_card').on(t.cardId, t.reviewedAt)],
);

export const seenInteractions = pgTable(
  'seen_interactions',
  {
    key: text('key').primaryKey(),
    expiresAt: ms('expires_at').notNull(),
  },
  (t) => [index('seen_interactions_expires').on(t.expiresAt)],
);
