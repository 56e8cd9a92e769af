// The SQLite schema (drizzle). Migrations in migrations/sqlite are generated from this file: `npm run db:generate`.
// One file on purpose, over 150 lines: drizzle-kit diffs the schema from it, so every table and index lives here.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const roadmaps = sqliteTable('roadmaps', {
  id: text('id').primaryKey(), // the content file's name: content/backend.md → "backend"
  title: text('title').notNull(),
  sourceHash: text('source_hash').notNull(),
  loadedAt: integer('loaded_at').notNull(),
});

// Sections and groups live on each topic row: they exist only to place topics, and a roadmap has ~100 topics.
export const topics = sqliteTable(
  'topics',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roadmapId: text('roadmap_id')
      .notNull()
      .references(() => roadmaps.id),
    path: text('path').notNull(), // stable: backend/apis/graphql/resolvers
    position: integer('position').notNull(),
    sectionSlug: text('section_slug').notNull(),
    sectionTitle: text('section_title').notNull(),
    pickOne: integer('pick_one', { mode: 'boolean' }).notNull().default(false),
    groupSlug: text('group_slug'),
    groupTitle: text('group_title'),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    resources: text('resources', { mode: 'json' }).$type<{ type: string; title: string; url: string }[]>().notNull(),
    recall: text('recall', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`), // recall questions
    // Removed from the content file: kept so that members' progress on it survives, hidden from the roadmap.
    retiredAt: integer('retired_at'),
  },
  (t) => [uniqueIndex('topics_path').on(t.path), index('topics_roadmap_position').on(t.roadmapId, t.position)],
);

export const workspaces = sqliteTable(
  'workspaces',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    platform: text('platform').notNull(), // slack | discord | terminal
    externalId: text('external_id').notNull(), // Slack team id, Discord guild id, "local"
    name: text('name'),
    roadmapId: text('roadmap_id').notNull(),
    timeZone: text('time_zone').notNull().default('UTC'), // leaderboard periods are this zone's weeks and months
    // The zone workspace_member_days were last recounted in, and the instant from which every event is counted there.
    // Period boards read the kept days only while days_zone is time_zone and their period starts at or after
    // days_from; the store recounts when the zones differ (a new zone, an upgrade: decision 032).
    daysZone: text('days_zone'),
    daysFrom: integer('days_from'),
    leaderboardEnabled: integer('leaderboard_enabled', { mode: 'boolean' }).notNull().default(true),
    // Who may post `leaderboard post` / `team post` in a channel: admins, or every member.
    boardPosts: text('board_posts', { enum: ['admins', 'everyone'] })
      .notNull()
      .default('admins'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('workspaces_platform_external').on(t.platform, t.externalId)],
);

export const members = sqliteTable('members', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  displayName: text('display_name').notNull(),
  timeZone: text('time_zone'), // IANA name; null until known (streak days are UTC days until then)
  privacy: text('privacy', { enum: ['show', 'anonymous', 'hide'] })
    .notNull()
    .default('show'),
  streakMode: text('streak_mode', { enum: ['daily', 'weekdays'] })
    .notNull()
    .default('daily'),
  createdAt: integer('created_at').notNull(),
});

// One platform account in one workspace; several identities may point at one member.
export const identities = sqliteTable(
  'identities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    platformUserId: text('platform_user_id').notNull(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    displayName: text('display_name').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('identities_workspace_user').on(t.workspaceId, t.platformUserId),
    index('identities_member').on(t.memberId),
  ],
);

// The member's chosen group in a pick-one section ("track node").
export const trackChoices = sqliteTable(
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
    chosenAt: integer('chosen_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.roadmapId, t.sectionSlug] })],
);

export const progress = sqliteTable(
  'progress',
  {
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id),
    state: text('state', { enum: ['learning', 'done', 'skipped'] }).notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.memberId, t.topicId] }),
    // Boards: topics done within a period.
    index('progress_state_updated').on(t.state, t.updatedAt, t.memberId),
  ],
);

// Per-member totals (the dashboard's table reads them; workspace_member_stats copies them per workspace for the boards
// and the team view), kept by triggers on progress and progress_events (migrations/sqlite/0006) in the same
// transaction as every write, so no path — a command, a link merge, an unlink, `forget` — can leave them stale. Never
// written by application code. No index beyond the key: nothing reads them in another order (decision 029).
export const memberStats = sqliteTable('member_stats', {
  memberId: integer('member_id')
    .primaryKey()
    .references(() => members.id, { onDelete: 'cascade' }),
  doneCount: integer('done_count').notNull().default(0), // progress rows in state done
  lastProgressAt: integer('last_progress_at'), // the latest progress event; null: none yet
  activeDays: integer('active_days').notNull().default(0), // UTC days with a progress event (member_days' rows)
});

// The UTC days on which a member has a progress event, kept by a trigger on progress_events (migrations/sqlite/0014):
// a new row adds one to member_stats.active_days, the all-time board's tie-break (decision 021).
export const memberDays = sqliteTable(
  'member_days',
  {
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    day: integer('day').notNull(), // days since 1970-01-01, UTC
  },
  (t) => [primaryKey({ columns: [t.memberId, t.day] })],
);

// member_stats per workspace the member is in, with their visibility: the all-time board and the team view rank and
// count a workspace's members from its own index range instead of joining every identity (decision 021). Kept by
// triggers on identities, members and member_stats (migrations/sqlite/0014); never written by application code.
export const workspaceMemberStats = sqliteTable(
  'workspace_member_stats',
  {
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    hidden: integer('hidden').notNull().default(0), // 1: the member's privacy is hide
    doneCount: integer('done_count').notNull().default(0),
    activeDays: integer('active_days').notNull().default(0),
    lastProgressAt: integer('last_progress_at'),
    joinedAt: integer('joined_at').notNull(), // the earliest identity of the member in this workspace
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.memberId] }),
    index('workspace_member_stats_rank').on(
      t.workspaceId,
      t.hidden,
      sql`${t.doneCount} desc`,
      sql`${t.activeDays} desc`,
      t.memberId,
    ),
    index('workspace_member_stats_idle').on(t.workspaceId, t.hidden, t.lastProgressAt, t.joinedAt),
    index('workspace_member_stats_member').on(t.memberId), // the triggers' way from a member to their rows
  ],
);

// How many of a workspace's members are visible, and how many visible and hidden ones have finished a topic: the team
// view's headcount and the all-time board's scorer counts, which counted up to every member of the workspace on each
// view (decision 023). Kept by triggers on workspace_member_stats (migrations/sqlite/0020); never written by
// application code.
export const workspaceCounts = sqliteTable('workspace_counts', {
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
// (migrations/sqlite/0018); never written by application code. Rows may reach 0 points and stay.
export const workspacePeriodPoints = sqliteTable(
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
    // Local days (the workspace's zone) with a progress event in the local week or month that starts on start_day:
    // workspace_member_days' rows. The boards' tie-break (decision 032).
    days: integer('days').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.kind, t.startDay, t.memberId] }),
    // days last, after the key: a board reads them from the index (the asker's level members, the top's ties), and a
    // new day rewrites the entry where it stands, on the leaf the same write's point already moved it to.
    index('workspace_period_points_rank').on(
      t.workspaceId,
      t.kind,
      t.startDay,
      t.hidden,
      sql`${t.points} desc`,
      t.memberId,
      t.days,
    ),
    index('workspace_period_points_member').on(t.memberId, t.kind, t.startDay), // the triggers' way in
  ],
);

// The local days, in the workspace's zone, on which a member of it has a progress event: kept by triggers on
// progress_events and workspace_member_stats (migrations/sqlite/0025), with the local day from zone_offsets. A new row
// adds one to workspace_period_points.days of its week and its month. Never written by application code but the
// recount (queries/kept-days.ts). WITHOUT ROWID (edited into migrations/sqlite/0024, which drizzle cannot say): the
// key is the row, so a new day writes one B-tree, not a table and its key's index.
export const workspaceMemberDays = sqliteTable(
  'workspace_member_days',
  {
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    day: integer('day').notNull(), // local days since 1970-01-01
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.memberId, t.day] })],
);

// A time zone's UTC offset from each of its changes on (1970 to 2100), for the triggers: SQL has no zone database
// here. Written by the store from the runtime's (queries/kept-days.ts) for each zone a workspace uses.
export const zoneOffsets = sqliteTable(
  'zone_offsets',
  {
    zone: text('zone').notNull(),
    fromAt: integer('from_at').notNull(), // ms since 1970: the offset holds from here to the zone's next row
    offsetMs: integer('offset_ms').notNull(),
  },
  (t) => [primaryKey({ columns: [t.zone, t.fromAt] })],
);

// Append-only: every change of a member's state on a topic. The source of streaks and of boards by period.
export const progressEvents = sqliteTable(
  'progress_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id),
    fromState: text('from_state'),
    toState: text('to_state'), // null: reset
    at: integer('at').notNull(),
  },
  (t) => [
    index('progress_events_member_at').on(t.memberId, t.at),
    // The dashboard's topics finished per week: done events by time, without reading the rows.
    index('progress_events_done_at').on(t.at, t.memberId).where(sql`${t.toState} = 'done'`),
  ],
);

// One Slack app installation (multi-workspace OAuth). Keyed by the enterprise id for an org-wide install, else
// the team id. The whole Installation, bot token included, is stored only sealed (AES-256-GCM, key from config).
export const slackInstallations = sqliteTable('slack_installations', {
  id: text('id').primaryKey(),
  teamId: text('team_id'),
  enterpriseId: text('enterprise_id'),
  isEnterpriseInstall: integer('is_enterprise_install', { mode: 'boolean' }).notNull().default(false),
  botUserId: text('bot_user_id'),
  sealed: text('sealed').notNull(),
  installedAt: integer('installed_at').notNull(),
});

// Private notes a member keeps on a topic, newest first.
export const notes = sqliteTable(
  'notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id),
    text: text('text').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('notes_member_topic').on(t.memberId, t.topicId, t.createdAt)],
);

// One-time codes that join two platform identities into one member. Only a hash of the code is kept.
export const linkCodes = sqliteTable('link_codes', {
  codeHash: text('code_hash').primaryKey(),
  identityId: integer('identity_id')
    .notNull()
    .references(() => identities.id), // who asked for it
  createdAt: integer('created_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
  usedAt: integer('used_at'),
});

// Failed `link <code>` attempts, to refuse guessing after a few per hour.
export const linkAttempts = sqliteTable(
  'link_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    identityId: integer('identity_id')
      .notNull()
      .references(() => identities.id),
    at: integer('at').notNull(),
  },
  (t) => [index('link_attempts_identity_at').on(t.identityId, t.at)],
);

// A member's daily nudge, or a channel's leaderboard digest. next_due_at (UTC ms) is what the ticker asks for.
export const schedules = sqliteTable(
  'schedules',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['nudge', 'digest'] }).notNull(),
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    memberId: integer('member_id').references(() => members.id), // nudge: whose
    identityId: integer('identity_id').references(() => identities.id), // nudge: the account its DMs go to
    // digest: the channel; nudge: the DM channel once opened (kept: opening is rate-limited)
    channelId: text('channel_id'),
    localTime: text('local_time').notNull(), // "HH:MM" in time_zone
    timeZone: text('time_zone').notNull(),
    days: integer('days').notNull(), // bit 0 = Monday … bit 6 = Sunday
    pausedUntil: integer('paused_until'), // snooze, UTC ms
    pausedReason: text('paused_reason'), // set when deliveries kept failing; told to the member on their next command
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    nextDueAt: integer('next_due_at'), // null: off
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('schedules_next_due').on(t.nextDueAt, t.id), // the due queue's order: id breaks ties without a sort
    index('schedules_member').on(t.memberId),
    index('schedules_workspace').on(t.workspaceId),
    // Nudges whose DM channel is not open yet, soonest first: the few the scheduler opens ahead each minute.
    index('schedules_awaiting_channel')
      .on(t.nextDueAt)
      .where(sql`${t.kind} = 'nudge' and ${t.channelId} is null and ${t.nextDueAt} is not null`),
  ],
);

// The outbox: one row per intended message, unique by key (schedule + local date), so nothing goes twice.
// A row is pending until a sender claims it just before its turn (owner); 'sending' is committed right before the
// request (sending_since), so after a crash exactly the rows whose request may have reached the platform are known.
export const deliveries = sqliteTable(
  'deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    scheduleId: integer('schedule_id').references(() => schedules.id),
    platform: text('platform').notNull(),
    // The target's platform workspace (Slack team, Discord guild),
    // out of `target`: Slack paces and claims per workspace.
    targetWorkspace: text('target_workspace').notNull().default(''),
    target: text('target', { mode: 'json' })
      .$type<{ kind: 'user' | 'channel'; workspaceId: string; id: string }>()
      .notNull(),
    // the Reply, rendered by the adapter at send time
    payload: text('payload', { mode: 'json' }).$type<unknown>().notNull(),
    status: text('status', { enum: ['pending', 'claimed', 'sending', 'sent', 'failed', 'skipped'] }).notNull(),
    owner: text('owner'), // the outbox_owners id of the sender that claimed it; null unless claimed or sending
    sendingSince: integer('sending_since'), // set with 'sending': the request may be on its way from this instant
    // The first request cut off by a crash (its sending_since): it may have reached the platform. Discord's nonce
    // deduplicates only for a few minutes from here; Slack's DM history can tell whether it arrived.
    interruptedAt: integer('interrupted_at'),
    nonce: text('nonce').notNull(), // Discord's enforce_nonce, Slack's message metadata: a resend can be recognised
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastError: text('last_error'),
    // Sent after an interruption whose first request may also have arrived, with no way to rule it out.
    possibleDuplicate: integer('possible_duplicate', { mode: 'boolean' }).notNull().default(false),
    dueAt: integer('due_at').notNull(),
    createdAt: integer('created_at').notNull(),
    sentAt: integer('sent_at'),
  },
  (t) => [
    uniqueIndex('deliveries_key').on(t.key),
    // Claims, oldest due first, straight off an index that stops at the claim's size: per platform, and per
    // workspace (Slack). Pending rows only: a send's later steps (sending, sent) then rewrite no index page, and
    // each is a commit of its own.
    index('deliveries_pending_platform').on(t.platform, t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('deliveries_pending_workspace')
      .on(t.platform, t.targetWorkspace, t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    // claimed or sending: a dead sender's, found at once
    index('deliveries_owner').on(t.owner).where(sql`${t.owner} is not null`),
  ],
);

// Senders that may hold claims: each beats every few seconds; one silent for longer than the timeout is dead, and
// any live sender gives its claims back. Plain SQL, so it ports to PostgreSQL as it is.
export const outboxOwners = sqliteTable('outbox_owners', {
  id: text('id').primaryKey(), // random, one per process
  heartbeatAt: integer('heartbeat_at').notNull(), // UTC ms, wall clock
  startedAt: integer('started_at').notNull(),
});

// Days a workspace's admins declared off: no nudges, and streaks do not break over them.
export const holidays = sqliteTable(
  'holidays',
  {
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    date: text('date').notNull(), // YYYY-MM-DD in the workspace's time zone
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.date] })],
);

// When a board was last posted in each channel by a member (`leaderboard post`): at most one per ten minutes, kept
// here so a restart or a second process cannot let a burst through.
export const channelPosts = sqliteTable(
  'channel_posts',
  {
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    channelId: text('channel_id').notNull(),
    postedAt: integer('posted_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.channelId] })],
);

// The dashboard's one-time sign-in links (`dashboard` in chat) and the sessions they open. Only hashes of the link
// token and of the session id are kept, as for link codes: a copy of the database opens no dashboard. A member who
// is merged away or forgotten takes their links and sessions with them.
export const dashboardLinks = sqliteTable('dashboard_links', {
  tokenHash: text('token_hash').primaryKey(),
  workspaceId: integer('workspace_id')
    .notNull()
    .references(() => workspaces.id),
  memberId: integer('member_id')
    .notNull()
    .references(() => members.id, { onDelete: 'cascade' }),
  isAdmin: integer('is_admin', { mode: 'boolean' }).notNull(), // as the platform said when the link was asked for
  createdAt: integer('created_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
  usedAt: integer('used_at'),
});

export const dashboardSessions = sqliteTable(
  'dashboard_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    isAdmin: integer('is_admin', { mode: 'boolean' }).notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('dashboard_sessions_expires').on(t.expiresAt)],
);

// Spaced review (FSRS, src/core/review): one card per finished topic and member, holding the scheduler's state, so the
// next due date is read, not recomputed. A member forgotten or merged away takes their cards along.
export const reviewCards = sqliteTable(
  'review_cards',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id),
    dueAt: integer('due_at').notNull(),
    stability: real('stability').notNull(),
    difficulty: real('difficulty').notNull(),
    elapsedDays: integer('elapsed_days').notNull(),
    scheduledDays: integer('scheduled_days').notNull(),
    learningSteps: integer('learning_steps').notNull(),
    reps: integer('reps').notNull(),
    lapses: integer('lapses').notNull(),
    state: integer('state').notNull(), // FSRS State: 0 new, 1 learning, 2 review, 3 relearning
    lastReviewAt: integer('last_review_at'), // null: never reviewed yet
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('review_cards_member_topic').on(t.memberId, t.topicId),
    index('review_cards_member_due').on(t.memberId, t.dueAt),
  ],
);

// Every answer given to a card, with the card's state before it (FSRS's ReviewLog): enough to recompute or export the
// schedule. Merged cards keep both histories; a card removed (reset, forget) takes its log along.
export const reviewLogs = sqliteTable(
  'review_logs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    cardId: integer('card_id')
      .notNull()
      .references(() => reviewCards.id, { onDelete: 'cascade' }),
    rating: integer('rating').notNull(), // FSRS Rating: 1 again, 2 hard, 3 good, 4 easy
    state: integer('state').notNull(), // the card's state before the answer
    dueAt: integer('due_at').notNull(), // when the card was due
    stability: real('stability').notNull(),
    difficulty: real('difficulty').notNull(),
    elapsedDays: integer('elapsed_days').notNull(),
    lastElapsedDays: integer('last_elapsed_days').notNull(),
    scheduledDays: integer('scheduled_days').notNull(),
    learningSteps: integer('learning_steps').notNull(),
    reviewedAt: integer('reviewed_at').notNull(),
  },
  (t) => [index('review_logs_card').on(t.cardId, t.reviewedAt)],
);

// Inbound events already taken (Slack event ids, Discord interaction ids), so a delivery that comes again — a Slack
// retry, a replayed Discord interaction — runs once whichever replica it lands on. Rows live an hour and are pruned.
export const seenInteractions = sqliteTable(
  'seen_interactions',
  {
    key: text('key').primaryKey(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('seen_interactions_expires').on(t.expiresAt)],
);
