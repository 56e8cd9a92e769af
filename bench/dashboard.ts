// Dashboard benchmark (issue 17): the team page — weekly columns, funnel, headcounts and the first page of the member
// table, rendered to HTML by the Hono app — over 10,000 members in one workspace and 1,000,000 progress events.
// Target: p99 under 100 ms. The charts are reused for a minute (CHARTS_TTL_MS); the page counting them afresh every
// time, the member page, the delivery page and the whole table as CSV are printed for information.
import { DASHBOARD_SESSION_MS } from '../src/core/commands/dashboard.ts';
import { createStoreSessions, createStoreSource } from '../src/dashboard-source.ts';
import { createDashboardApp } from '../src/server/dashboard/app.ts';
import { tempDir } from '../test/helpers.ts';
import { seededStore } from './seed.ts';
import { report, timeEach } from './stats.ts';

const RUNS = 200;

export async function runDashboardBench(print: (line: string) => void = console.log): Promise<void> {
  const tmp = tempDir();
  try {
    const { store, clock, seeded } = await seededStore(tmp);
    print(
      `dashboard: seeded ${seeded.members} members, ${seeded.events} progress events, ${seeded.progress} progress ` +
        `rows in ${seeded.ms.toFixed(0)} ms`,
    );
    const now = () => clock.now();
    const sessions = createStoreSessions(store, { sessionMs: DASHBOARD_SESSION_MS, now });
    const app = createDashboardApp({ source: createStoreSource(store, now), sessions, now });
    const cold = createDashboardApp({ source: createStoreSource(store, now, { chartsTtlMs: 0 }), sessions, now });
    // Real sessions, signed in through one-time links, for a few members (an admin among them).
    const cookies: string[] = [];
    for (const memberId of [1, 2500, 5000, 7500, 9999]) {
      const token = await store.transaction((tx) =>
        tx.dashboardSessions.issueLink({ workspaceId: 1, memberId, isAdmin: memberId === 1 }, now().getTime(), 600_000),
      );
      const res = await app.request(`/dashboard/login?token=${token}`);
      cookies.push(res.headers.get('set-cookie')!.split(';')[0]!);
    }
    const get = async (path: string, i: number) => {
      const res = await app.request(path, { headers: { cookie: cookies[i % cookies.length]! } });
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      return res.text();
    };
    const admin = (path: string) => async () => {
      const res = await app.request(path, { headers: { cookie: cookies[0]! } });
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      return res.text();
    };
    await timeEach(20, (i) => get('/dashboard', i)); // warm caches and the JIT
    print(report('team page', await timeEach(RUNS, (i) => get('/dashboard', i)), 100));
    const uncached = await timeEach(50, async (i) => {
      const res = await cold.request('/dashboard', { headers: { cookie: cookies[i % cookies.length]! } });
      if (res.status !== 200) throw new Error(`cold /dashboard: ${res.status}`);
      return res.text();
    });
    print(report('team page, charts counted', uncached));
    print(report('team page, by activity', await timeEach(RUNS, (i) => get('/dashboard?sort=activity&dir=asc', i))));
    print(report('team page, page 100', await timeEach(50, (i) => get('/dashboard?page=100', i))));
    print(report('member page', await timeEach(RUNS, (i) => get('/dashboard/me', i))));
    print(report('delivery page', await timeEach(50, admin('/dashboard/delivery'))));
    print(report('members.csv (10,000 rows)', await timeEach(3, admin('/dashboard/members.csv'))));
    await store.close();
  } finally {
    tmp.cleanup();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runDashboardBench();
