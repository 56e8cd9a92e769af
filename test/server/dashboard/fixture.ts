// A test implementation of the dashboard's two ports (source and sessions) over a few members in two workspaces,
// applying the chat's privacy rules, and a real node:http server on 127.0.0.1 serving the app.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDashboardApp, type DashboardDeps, dashboardListener } from '../../../src/server/dashboard/app.ts';
import type { DeliveryPage, MemberPage, MemberRow, TeamPage } from '../../../src/server/dashboard/data.ts';
import type { DashboardSessions, DashboardSource, Session, Viewer } from '../../../src/server/dashboard/ports.ts';
import { sortMembers } from '../../../src/server/dashboard/sort.ts';

export const NOW = new Date('2025-03-12T10:00:00Z'); // a Wednesday

interface Member {
  id: string;
  workspaceId: string;
  name: string;
  privacy: 'show' | 'anonymous' | 'hide';
  isAdmin: boolean;
  done: number;
  lastActivity: Date | null;
  streak: number;
}

const TOTAL = 40;
export const MEMBERS: Member[] = [
  {
    id: 'ada',
    workspaceId: 'w1',
    name: 'Ada Lovelace',
    privacy: 'show',
    isAdmin: true,
    done: 30,
    lastActivity: new Date('2025-03-12T08:15:00Z'),
    streak: 12,
  },
  {
    id: 'bob',
    workspaceId: 'w1',
    name: '<script>alert(1)</script>',
    privacy: 'show',
    isAdmin: false,
    done: 10,
    lastActivity: new Date('2025-03-01T17:40:00Z'),
    streak: 0,
  },
  {
    id: 'cy',
    workspaceId: 'w1',
    name: '"=cmd"',
    privacy: 'show',
    isAdmin: false,
    done: 22,
    lastActivity: new Date('2025-03-11T21:05:00Z'),
    streak: 3,
  },
  {
    id: 'dee',
    workspaceId: 'w1',
    name: 'Dee Secret',
    privacy: 'anonymous',
    isAdmin: false,
    done: 16,
    lastActivity: new Date('2025-03-10T06:00:00Z'),
    streak: 5,
  },
  {
    id: 'eve',
    workspaceId: 'w1',
    name: 'Eve Hidden',
    privacy: 'hide',
    isAdmin: false,
    done: 35,
    lastActivity: new Date('2025-03-09T12:00:00Z'),
    streak: 8,
  },
  {
    id: 'finn',
    workspaceId: 'w1',
    name: 'Finn Longname-Fitzgerald-Okonkwo-Vandersteen',
    privacy: 'show',
    isAdmin: false,
    done: 0,
    lastActivity: null,
    streak: 0,
  },
  {
    id: 'zed',
    workspaceId: 'w2',
    name: 'Zed Other',
    privacy: 'show',
    isAdmin: true,
    done: 4,
    lastActivity: new Date('2025-03-11T12:00:00Z'),
    streak: 1,
  },
];

const WEEKLY = [3, 5, 2, 0, 7, 4, 6, 8, 1, 9, 5, 3];
export const FUNNEL = [
  { section: 'Internet', reached: 5, finished: 4 },
  { section: 'Version control with Git', reached: 5, finished: 3 },
  { section: 'Relational databases, SQL and the art of normalising a schema', reached: 3, finished: 1 },
  { section: 'APIs & "auth"', reached: 2, finished: 0 },
];

function row(m: Member, viewer: Viewer): MemberRow {
  const self = m.id === viewer.memberId;
  return {
    who: m.privacy === 'show' || self ? { id: m.id, name: m.name } : { anonymous: true },
    you: self,
    progressPercent: (100 * m.done) / TOTAL,
    done: m.done,
    total: TOTAL,
    lastActivity: m.lastActivity,
    currentStreak: m.streak,
  };
}

const zoneOf = (workspaceId: string) => (workspaceId === 'w1' ? 'Europe/Berlin' : 'America/New_York');

export function createSource(): DashboardSource {
  return {
    team(workspaceId, viewer, sort): TeamPage {
      const members = MEMBERS.filter((m) => m.workspaceId === workspaceId);
      const visible = members.filter((m) => m.privacy !== 'hide' || m.id === viewer.memberId);
      return {
        workspace: { name: workspaceId === 'w1' ? 'Acme Backend Guild' : 'Other Co', timeZone: zoneOf(workspaceId) },
        weekly: WEEKLY.map((finished, i) => ({
          weekStart: mondayPlus(new Date('2024-12-23T00:00:00Z'), 7 * i),
          finished,
        })),
        funnel: FUNNEL,
        members: {
          total: members.length,
          activeLast7Days: members.filter((m) => m.lastActivity && NOW.getTime() - m.lastActivity.getTime() < 7 * 864e5)
            .length,
        },
        table: sortMembers(
          visible.map((m) => row(m, viewer)),
          sort,
        ),
      };
    },
    member(workspaceId, memberId, viewer): MemberPage | undefined {
      const m = MEMBERS.find((x) => x.id === memberId && x.workspaceId === workspaceId);
      if (!m || (m.privacy !== 'show' && m.id !== viewer.memberId)) return undefined;
      return memberPage(m);
    },
    delivery(): DeliveryPage {
      return DELIVERY;
    },
  };
}

const mondayPlus = (from: Date, days: number) => new Date(from.getTime() + days * 864e5).toISOString().slice(0, 10);

/** Ada's activity: the counts are a simple function of the day, so a test can compute any cell. */
export const activityCount = (date: string): number => (Number(date.slice(8)) * 7 + Number(date.slice(5, 7))) % 5;

function memberPage(m: Member): MemberPage {
  const days = Array.from({ length: 190 }, (_, i) => mondayPlus(new Date('2024-09-04T00:00:00Z'), i))
    .filter((d) => d <= '2025-03-12')
    .map((date) => ({ date, count: activityCount(date) }));
  return {
    name: m.name,
    timeZone: zoneOf(m.workspaceId),
    sections: [
      { title: 'Internet', done: 8, total: 8 },
      { title: 'Version control with Git', done: 6, total: 10 },
      {
        title: 'Relational databases, SQL and the art of normalising a schema',
        done: Math.min(14, Math.max(0, m.done - 14)),
        total: 14,
      },
      { title: 'APIs & "auth"', done: 0, total: 8 },
    ],
    activity: { today: '2025-03-12', days },
    streak: { current: m.streak, longest: m.streak + 9, freezes: 2 },
    ...(m.id === 'ada'
      ? {
          retention: [
            { section: 'Internet', recall: 0.92 },
            { section: 'Version control with Git', recall: 0.675 },
          ],
        }
      : {}),
  };
}

export const DELIVERY: DeliveryPage = {
  workspace: { name: 'Acme Backend Guild', timeZone: 'Europe/Berlin' },
  days: ['2025-03-06', '2025-03-07', '2025-03-08', '2025-03-09', '2025-03-10', '2025-03-11', '2025-03-12'].map(
    (date, i) => ({
      date,
      nudges: { sent: 5 + i, retried: i % 3, failed: i === 4 ? 2 : 0 },
      digests: { sent: i % 2, retried: i === 2 ? 1 : 0, failed: i === 5 ? 1 : 0 },
    }),
  ),
  paused: [
    {
      kind: 'nudge',
      target: '<b>Bob</b>',
      reason: 'Slack said channel_not_found 5 times',
      since: new Date('2025-03-10T09:00:00Z'),
    },
  ],
};

/** One-time links: a token works once, within its 10 minutes, and opens a 12-hour session. */
export function createSessions(now: () => Date = () => NOW) {
  const links = new Map<string, Viewer & { used: boolean; expiresAt: Date }>();
  const sessions = new Map<string, Session>();
  const port: DashboardSessions = {
    open(token) {
      const link = links.get(token);
      if (!link || link.used || link.expiresAt.getTime() <= now().getTime()) return undefined;
      link.used = true;
      const session = {
        id: randomBytes(16).toString('hex'),
        workspaceId: link.workspaceId,
        memberId: link.memberId,
        isAdmin: link.isAdmin,
        expiresAt: new Date(now().getTime() + 12 * 3600e3),
      };
      sessions.set(session.id, session);
      return session;
    },
    get: (id) => sessions.get(id),
  };
  return {
    port,
    link(memberId: string, opts: { expired?: boolean } = {}): string {
      const m = MEMBERS.find((x) => x.id === memberId)!;
      const token = randomBytes(16).toString('hex');
      const expiresAt = new Date(now().getTime() + (opts.expired ? -1 : 10 * 60e3));
      links.set(token, { workspaceId: m.workspaceId, memberId: m.id, isAdmin: m.isAdmin, expiresAt, used: false });
      return `/dashboard/login?token=${token}`;
    },
  };
}

/** The app on a real node:http server on 127.0.0.1, as the bot mounts it; `now` is the sessions' clock and the app's. */
export async function serveDashboard(opts: Partial<DashboardDeps> = {}) {
  const now = opts.now ?? (() => NOW);
  const sessions = createSessions(now);
  const source = createSource();
  const app = createDashboardApp({ source, sessions: sessions.port, ...opts, now });
  const server = createServer(dashboardListener(app));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    app,
    source,
    sessions,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
