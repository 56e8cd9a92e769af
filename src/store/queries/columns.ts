// Column lists with the camelCase aliases the port's rows use, and the conversions of the few values the engines
// return differently (booleans as 0/1 on SQLite; JSON kept as text).
import type { MemberRow, ScheduleRow, TopicRow, WorkspaceRow } from '../port.ts';

/** `t.col as "col"` for each pair, prefixed by a table alias when given. */
function list(columns: Record<string, string>, alias?: string): string {
  const p = alias ? `${alias}.` : '';
  return Object.entries(columns)
    .map(([name, column]) => `${p}${column} as "${name}"`)
    .join(', ');
}

const WORKSPACE = {
  id: 'id',
  platform: 'platform',
  externalId: 'external_id',
  name: 'name',
  roadmapId: 'roadmap_id',
  timeZone: 'time_zone',
  leaderboardEnabled: 'leaderboard_enabled',
  boardPosts: 'board_posts',
  createdAt: 'created_at',
};
const MEMBER = {
  id: 'id',
  displayName: 'display_name',
  timeZone: 'time_zone',
  privacy: 'privacy',
  streakMode: 'streak_mode',
  createdAt: 'created_at',
};
const IDENTITY = {
  id: 'id',
  workspaceId: 'workspace_id',
  platformUserId: 'platform_user_id',
  memberId: 'member_id',
  displayName: 'display_name',
  createdAt: 'created_at',
};
const TOPIC = {
  id: 'id',
  roadmapId: 'roadmap_id',
  path: 'path',
  position: 'position',
  sectionSlug: 'section_slug',
  sectionTitle: 'section_title',
  pickOne: 'pick_one',
  groupSlug: 'group_slug',
  groupTitle: 'group_title',
  slug: 'slug',
  title: 'title',
  summary: 'summary',
  resources: 'resources',
  recall: 'recall',
  retiredAt: 'retired_at',
};
export const SCHEDULE = {
  id: 'id',
  kind: 'kind',
  workspaceId: 'workspace_id',
  memberId: 'member_id',
  identityId: 'identity_id',
  channelId: 'channel_id',
  localTime: 'local_time',
  timeZone: 'time_zone',
  days: 'days',
  pausedUntil: 'paused_until',
  pausedReason: 'paused_reason',
  consecutiveFailures: 'consecutive_failures',
  nextDueAt: 'next_due_at',
  createdAt: 'created_at',
};

export const workspaceColumns = (alias?: string) => list(WORKSPACE, alias);
export const memberColumns = (alias?: string) => list(MEMBER, alias);
export const identityColumns = (alias?: string) => list(IDENTITY, alias);
export const topicColumns = (alias?: string) => list(TOPIC, alias);
export const scheduleColumns = (alias?: string) => list(SCHEDULE, alias);

/** JSON as stored (text) or as a PostgreSQL json column would return it (parsed). */
export const fromJson = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

export const toWorkspace = (r: WorkspaceRow): WorkspaceRow => ({
  ...r,
  leaderboardEnabled: Boolean(r.leaderboardEnabled),
});
export const toTopic = (r: TopicRow): TopicRow => ({
  ...r,
  pickOne: Boolean(r.pickOne),
  resources: fromJson(r.resources),
  recall: fromJson(r.recall),
});
export const toMember = (r: MemberRow): MemberRow => r;
export const toSchedule = (r: ScheduleRow): ScheduleRow => r;

/** `set a = @a, b = @b` for the fields present (undefined: left alone), from camelCase names to columns. */
export function assignments(columns: Record<string, string>, values: Record<string, unknown>): string {
  return Object.keys(values)
    .filter((k) => values[k] !== undefined && columns[k] !== undefined)
    .map((k) => `${columns[k]} = @${k}`)
    .join(', ');
}

export const WORKSPACE_COLUMNS = WORKSPACE;
export const MEMBER_COLUMNS = MEMBER;
