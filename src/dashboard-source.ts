// The dashboard's pages from the store: the ports src/server/dashboard/ports.ts names, implemented here at the
// composition's level (the HTTP server itself reaches no store). Every query is scoped to the viewer's workspace.
// Privacy, progress and streaks come from the core's own rules (displayOf, progressOf, streakOf), so a page shows
// what chat would. Each page is read in one transaction, so its numbers agree with each other.
import { DateTime } from 'luxon';
import { displayOf } from './core/boards/board-view.ts';
import { progressOf } from './core/boards/team-view.ts';
import { retentionOf } from './core/review/retention.ts';
import { sectionsOf } from './core/roadmap/plan.ts';
import { streakOf } from './core/time/member-streak.ts';
import { zoneOf } from './core/time/member-zone.ts';
import { dayNumber, isoOfDay, offsetSegments } from './core/time/periods.ts';
import type {
  DeliveryOutcomes,
  DeliveryPage,
  MemberPage,
  MemberRow,
  MemberSort,
  TeamPage,
} from './server/dashboard/data.ts';
import type { DashboardSessions, DashboardSource, Viewer } from './server/dashboard/ports.ts';
import type { DashboardMember, DashboardWorkspace, RoadmapView, Store, Tx } from './store/port.ts';

const DAY_MS = 86_400_000;
export const WEEKS_SHOWN = 12;
export const HEATMAP_WEEKS = 26;
export const ACTIVE_DAYS = 7;
/** Rows per page of the member table: each row reads a member's progress and streak, so a page stays quick. */
export const TABLE_PAGE = 50;
/**
 * How long the team's weekly columns and funnel are reused (per workspace) before they are counted again. Over 10,000
 * members and a million events they take about 100 ms to count; a minute-old chart of weeks answers the same question.
 * Headcounts and the member table are always live. See docs/decisions/012-dashboard-charts-cached-a-minute.md.
 */
export const CHARTS_TTL_MS = 60_000;
const CACHED_WORKSPACES = 1000;

type Charts = Pick<TeamPage, 'weekly' | 'funnel'>;

/** Midnight of a local date in a zone, as an instant. */
const startOfDay = (day: number, zone: string) => DateTime.fromISO(isoOfDay(day), { zone }).toMillis();

export function createStoreSource(
  store: Store,
  now: () => Date = () => new Date(),
  opts: { pageSize?: number; chartsTtlMs?: number } = {},
): DashboardSource {
  const pageSize = opts.pageSize ?? TABLE_PAGE;
  const chartsTtl = opts.chartsTtlMs ?? CHARTS_TTL_MS;
  const cached = new Map<string, { until: number; charts: Charts }>();
  /** The workspace and its roadmap; a session names only workspaces that exist, so a missing one is a bug. */
  const place = async (tx: Tx, workspaceId: string): Promise<{ w: DashboardWorkspace; roadmap: RoadmapView }> => {
    const w = await tx.dashboard.workspace(Number(workspaceId));
    const roadmap = w && (await tx.content.roadmap(w.roadmapId));
    if (!w || !roadmap) throw new Error(`dashboard: workspace ${workspaceId} or its roadmap is missing`);
    return { w, roadmap };
  };
  const heading = (w: DashboardWorkspace) => ({ name: w.name ?? 'Your team', timeZone: w.timeZone });

  async function row(
    tx: Tx,
    m: DashboardMember,
    viewer: Viewer,
    roadmap: RoadmapView,
    ws: number,
    at: number,
  ): Promise<MemberRow> {
    const self = String(m.memberId) === viewer.memberId;
    // The table's query already left hidden members out (but the viewer): the rule only names or anonymises here.
    const shown = displayOf(m, self) ?? { name: m.name, privacy: 'anonymous' };
    const progress = await progressOf(tx, roadmap, m.memberId);
    const { done, total } = progress.sections.reduce((t, s) => ({ done: t.done + s.done, total: t.total + s.total }), {
      done: 0,
      total: 0,
    });
    return {
      who: shown.privacy === 'show' ? { id: String(m.memberId), name: m.name } : { anonymous: true },
      you: self,
      progressPercent: progress.percent,
      done,
      total,
      lastActivity: m.lastActivity === null ? null : new Date(m.lastActivity),
      currentStreak: (await streakOf(tx, { ...m, id: m.memberId }, at, ws)).current,
    };
  }

  /** The weekly columns and the funnel: the two counts over every event and progress row of the workspace. */
  async function charts(tx: Tx, w: DashboardWorkspace, roadmap: RoadmapView, at: number): Promise<Charts> {
    const zone = w.timeZone;
    // Weeks are ISO weeks in the workspace's zone, Monday first: week number floor((day + 3) / 7).
    const segments = offsetSegments(zone, at - (WEEKS_SHOWN + 1) * 7 * DAY_MS, at + 1);
    const thisWeek = Math.floor((dayNumber(at, segments) + 3) / 7);
    const firstWeek = thisWeek - WEEKS_SHOWN + 1;
    const counts = new Map(
      (await tx.dashboard.weekly(w.id, startOfDay(firstWeek * 7 - 3, zone), at + 1, segments)).map((r) => [
        r.week,
        r.n,
      ]),
    );
    const weekly = Array.from({ length: WEEKS_SHOWN }, (_, i) => ({
      weekStart: isoOfDay((firstWeek + i) * 7 - 3),
      finished: counts.get(firstWeek + i) ?? 0,
    }));

    const sections = sectionsOf(roadmap);
    const topics: Record<number, [string, string, number]> = {};
    for (const s of sections) {
      const all = s.groups.reduce((n, g) => n + g.topics.length, 0);
      for (const g of s.groups)
        for (const t of g.topics)
          topics[t.id] = s.pickOne ? [s.slug, g.slug ?? '', g.topics.length] : [s.slug, '', all];
    }
    const reached = new Map((await tx.dashboard.funnel(w.id, topics)).map((f) => [f.section, f]));
    const funnel = sections.map((s) => ({
      section: s.title,
      reached: reached.get(s.slug)?.reached ?? 0,
      finished: reached.get(s.slug)?.finished ?? 0,
    }));
    return { weekly, funnel };
  }

  return {
    team: (workspaceId, viewer, sort: MemberSort, page = 1) =>
      store.transaction((tx) => team(tx, workspaceId, viewer, sort, page)),
    member: (workspaceId, memberId, viewer) => store.transaction((tx) => member(tx, workspaceId, memberId, viewer)),
    delivery: (workspaceId) => store.transaction((tx) => delivery(tx, workspaceId)),
  };

  async function team(
    tx: Tx,
    workspaceId: string,
    viewer: Viewer,
    sort: MemberSort,
    page: number | 'all',
  ): Promise<TeamPage> {
    const at = now().getTime();
    const { w, roadmap } = await place(tx, workspaceId);
    const key = `${w.id}|${w.timeZone}|${roadmap.id}`;
    let hit = cached.get(key);
    if (!hit || hit.until <= at) {
      if (cached.size >= CACHED_WORKSPACES) cached.clear();
      hit = { until: at + chartsTtl, charts: await charts(tx, w, roadmap, at) };
      if (chartsTtl > 0) cached.set(key, hit);
    }
    const { weekly, funnel } = hit.charts;
    const { total, active } = await tx.dashboard.headcount(w.id, at - ACTIVE_DAYS * DAY_MS);
    const me = Number(viewer.memberId);
    const rows = await tx.dashboard.listedCount(w.id, me);
    const order = `${sort.by}-${sort.dir}` as const;
    const pageNo = page === 'all' ? 1 : Math.min(page, Math.max(1, Math.ceil(rows / pageSize)));
    const listed =
      page === 'all'
        ? await tx.dashboard.listed(w.id, me, order, Number.MAX_SAFE_INTEGER, 0)
        : await tx.dashboard.listed(w.id, me, order, pageSize, (pageNo - 1) * pageSize);
    const table: MemberRow[] = [];
    for (const m of listed) table.push(await row(tx, m, viewer, roadmap, w.id, at));
    return {
      workspace: heading(w),
      weekly,
      funnel,
      members: { total, activeLast7Days: active },
      table,
      ...(page === 'all' ? {} : { paging: { page: pageNo, size: pageSize, rows } }),
    };
  }

  async function member(
    tx: Tx,
    workspaceId: string,
    memberId: string,
    viewer: Viewer,
  ): Promise<MemberPage | undefined> {
    const at = now().getTime();
    const { w, roadmap } = await place(tx, workspaceId);
    if (!/^\d+$/.test(memberId)) return undefined;
    const m = await tx.dashboard.member(w.id, Number(memberId));
    // Only members the viewer may see by name: an anonymous member's page would say who they are.
    if (!m || displayOf(m, memberId === viewer.memberId)?.privacy !== 'show') return undefined;
    const zone = zoneOf(m);
    const segments = offsetSegments(zone, at - (HEATMAP_WEEKS + 1) * 7 * DAY_MS, at + 1);
    const today = dayNumber(at, segments);
    const firstDay = (Math.floor((today + 3) / 7) - HEATMAP_WEEKS + 1) * 7 - 3;
    const perDay = new Map<number, number>();
    for (const ms of await tx.progress.eventTimes(m.memberId)) {
      const day = dayNumber(ms, segments);
      if (day >= firstDay && day <= today) perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    const streak = await streakOf(tx, { ...m, id: m.memberId }, at, w.id);
    const progress = await progressOf(tx, roadmap, m.memberId);
    // FSRS's estimate per section, as `progress` shows it in chat; absent until a finished topic has been reviewed.
    const recall = retentionOf(await tx.reviews.forMember(m.memberId), roadmap.topics, at).sections;
    return {
      name: m.name,
      timeZone: zone,
      sections: progress.sections.map(({ title, done, total }) => ({
        title,
        done,
        total,
      })),
      activity: {
        today: isoOfDay(today),
        days: [...perDay].sort(([a], [b]) => a - b).map(([day, count]) => ({ date: isoOfDay(day), count })),
      },
      streak: { current: streak.current, longest: streak.longest, freezes: streak.freezesHeld },
      ...(recall.length ? { retention: recall.map(({ section, recall }) => ({ section, recall })) } : {}),
    };
  }

  async function delivery(tx: Tx, workspaceId: string): Promise<DeliveryPage> {
    const at = now().getTime();
    const { w } = await place(tx, workspaceId);
    const segments = offsetSegments(w.timeZone, at - 9 * DAY_MS, at + 1);
    const today = dayNumber(at, segments);
    const none = (): DeliveryOutcomes => ({ sent: 0, retried: 0, failed: 0 });
    const days = Array.from({ length: 7 }, (_, i) => ({
      day: today - 6 + i,
      nudges: none(),
      digests: none(),
    }));
    for (const r of await tx.dashboard.deliveryDays(w, startOfDay(today - 6, w.timeZone), segments)) {
      const day = days.find((d) => d.day === r.day);
      if (!day || (r.kind !== 'nudge' && r.kind !== 'digest')) continue;
      day[r.kind === 'nudge' ? 'nudges' : 'digests'] = { sent: r.sent, retried: r.retried, failed: r.failed };
    }
    return {
      workspace: heading(w),
      days: days.map(({ day, nudges, digests }) => ({ date: isoOfDay(day), nudges, digests })),
      // Admins see that a nudge is paused, but whose only as chat would show it: hidden ones as "a teammate" too.
      paused: (await tx.dashboard.paused(w.id)).map((p) => ({
        kind: p.kind,
        target:
          p.kind === 'digest'
            ? `channel ${p.channelId ?? '(none)'}`
            : p.name !== null &&
                p.privacy !== null &&
                displayOf({ name: p.name, privacy: p.privacy })?.privacy === 'show'
              ? p.name
              : 'a teammate',
        reason: p.reason,
        since: new Date(p.since),
      })),
    };
  }
}

/** Sessions in the store: a link's token spent once for a 12-hour session; both kept only as hashes. */
export function createStoreSessions(store: Store, opts: { sessionMs: number; now?: () => Date }): DashboardSessions {
  const now = () => (opts.now ?? (() => new Date()))().getTime();
  const port = (s: { workspaceId: number; memberId: number; isAdmin: boolean; expiresAt: number }) => ({
    workspaceId: String(s.workspaceId),
    memberId: String(s.memberId),
    isAdmin: s.isAdmin,
    expiresAt: new Date(s.expiresAt),
  });
  return {
    async open(token) {
      // Immediate: two requests racing with one link take turns, and only the first spends it.
      const s = await store.transaction((tx) => tx.dashboardSessions.open(token, now(), opts.sessionMs), {
        immediate: true,
      });
      return s && { id: s.id, ...port(s) };
    },
    async get(id) {
      const s = await store.transaction((tx) => tx.dashboardSessions.session(id, now()));
      return s && port(s);
    },
  };
}
