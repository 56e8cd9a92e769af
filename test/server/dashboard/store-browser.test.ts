// The dashboard as the bot serves it, in a real browser: a demo team seeded through the real core, the app on the
// bot's own HTTP server, and every sign-in through a link the real `dashboard` command gave. Each page's chart tables
// hold the store's numbers; screenshots at desktop and phone widths; axe finds nothing serious; expired, reused,
// foreign and missing sessions are refused and show nothing. DASHBOARD_SCREENSHOTS=docs also redraws the README's.
import { copyFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_SESSION_MS } from '../../../src/core/commands/dashboard.ts';
import { createStoreSessions, createStoreSource } from '../../../src/dashboard-source.ts';
import { createLog } from '../../../src/log.ts';
import { createDashboardApp, dashboardListener } from '../../../src/server/dashboard/app.ts';
import type { Viewer } from '../../../src/server/dashboard/ports.ts';
import { DEFAULT_SORT } from '../../../src/server/dashboard/sort.ts';
import { createHttpServer } from '../../../src/server/http.ts';
import { createMetrics } from '../../../src/server/metrics.ts';
import { createTestApp, type TestApp } from '../../helpers.ts';
import { artifacts, expectAccessible, launch, rows, WIDTHS } from './browser.ts';
import { ACME, DEMO_USERS, type DemoUser, invocation, OTHER, seedDemo } from './demo.ts';

const ARTIFACTS = artifacts('dashboard-store');
const DOCS = new URL('../../../docs/', import.meta.url).pathname;
const user = (id: string) => DEMO_USERS.find((u) => u.id === id)!;
const ADA = user('U-ADA');

let app: TestApp;
let base = '';
let http: ReturnType<typeof createHttpServer>;
let browser: Browser | undefined;

beforeAll(async () => {
  app = await createTestApp({ dashboardBase: () => ({ url: base }) });
  await seedDemo(app);
  const now = () => app.clock.now();
  const dashboard = createDashboardApp({
    source: createStoreSource(app.store, now),
    sessions: createStoreSessions(app.store, { sessionMs: DASHBOARD_SESSION_MS, now }),
    now,
  });
  http = createHttpServer({
    port: 0,
    host: '127.0.0.1',
    log: createLog('silent'),
    metrics: createMetrics(),
    readiness: () => [],
    routes: [{ prefix: '/dashboard', handler: dashboardListener(dashboard) }],
  });
  base = `http://127.0.0.1:${(await http.listen()).port}`;
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await http?.close();
  await app?.close();
});

/** The link the real command gives this member, as they would copy it from chat. */
async function linkFor(u: DemoUser): Promise<string> {
  const reply = await app.core.handle(invocation(u, 'dashboard'));
  const span = reply.blocks
    .flatMap((b) => (b.type === 'text' ? b.spans : []))
    .find((s) => typeof s === 'object' && 'url' in s);
  return (span as { url: string }).url;
}

async function viewerOf(u: DemoUser): Promise<Viewer> {
  const row = (await app.sql.get<{ workspaceId: number; memberId: number }>(
    'select workspace_id as "workspaceId", member_id as "memberId" from identities where platform_user_id = @user',
    { user: u.id },
  ))!;
  return { workspaceId: String(row.workspaceId), memberId: String(row.memberId), isAdmin: u.isAdmin ?? false };
}

/** A count straight from the database, in the SQL both engines share. */
const count = async (query: string, params: Record<string, unknown>) => (await app.sql.value<number>(query, params))!;

async function signedIn(
  width: number,
  u: DemoUser,
  bypassCSP = false,
): Promise<{ context: BrowserContext; page: Page }> {
  browser ??= await launch();
  const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP });
  const page = await context.newPage();
  const opened = await page.goto(await linkFor(u));
  expect(opened!.status()).toBe(200);
  expect(new URL(page.url()).pathname).toBe('/dashboard');
  return { context, page };
}

const source = () => createStoreSource(app.store, () => app.clock.now());
const CHECKS: Record<string, { path: () => string; numbers: (page: Page) => Promise<void> }> = {
  team: {
    path: () => '/dashboard',
    async numbers(page) {
      const ada = await viewerOf(ADA);
      const data = await source().team(ada.workspaceId, ada, DEFAULT_SORT);
      expect(await rows(page, 'weekly-numbers')).toEqual(data.weekly.map((w) => [w.weekStart, String(w.finished)]));
      expect(await rows(page, 'funnel-numbers')).toEqual(
        data.funnel.map((f) => [f.section, String(f.reached), String(f.finished)]),
      );
      // Straight from the store: done events since the first week's Monday, and everyone in the workspace.
      const done = await count(
        `select count(*) as "n" from progress_events where to_state = 'done' and at >= @from and member_id in
          (select member_id from identities where workspace_id = @ws)`,
        { from: Date.parse(`${data.weekly[0]!.weekStart}T00:00:00+02:00`), ws: Number(ada.workspaceId) },
      );
      const shown = (await rows(page, 'weekly-numbers')).reduce((n, r) => n + Number(r[1]), 0);
      expect(shown).toBe(done);
      expect(await page.textContent('#members-total')).toBe(String(data.members.total));
      expect(await page.textContent('#members-active')).toBe(String(data.members.activeLast7Days));
      const table = (await rows(page, 'members-table')).map((r) => [r[0]!.replace(' (you)', ''), r[1]]);
      expect(table).toEqual(
        data.table.map((m) => ['name' in m.who ? m.who.name : 'a teammate', `${Math.round(m.progressPercent)}%`]),
      );
      expect(JSON.stringify(table)).not.toMatch(/Eve Hidden|Dee Secret/);
    },
  },
  me: {
    path: () => '/dashboard/me',
    async numbers(page) {
      const ada = await viewerOf(ADA);
      const data = (await source().member(ada.workspaceId, ada.memberId, ada))!;
      expect(await rows(page, 'sections-numbers')).toEqual(
        data.sections.map((s) => [s.title, String(s.done), String(s.total)]),
      );
      const weeks = await rows(page, 'activity-numbers');
      expect(weeks).toHaveLength(26);
      const events = await count('select count(*) as "n" from progress_events where member_id = @member', {
        member: Number(ada.memberId),
      });
      expect(weeks.reduce((n, w) => n + Number(w[8]), 0)).toBe(events);
      expect(await page.textContent('#streak-current')).toBe(
        data.streak.current === 1 ? '1 day' : `${data.streak.current} days`,
      );
    },
  },
  delivery: {
    path: () => '/dashboard/delivery',
    async numbers(page) {
      const data = await source().delivery((await viewerOf(ADA)).workspaceId);
      for (const kind of ['nudges', 'digests'] as const) {
        expect(await rows(page, `${kind}-numbers`)).toEqual(
          data.days.map((d) => [d.date, String(d[kind].sent), String(d[kind].retried), String(d[kind].failed)]),
        );
      }
      const failed = await count(
        `select count(*) as "n" from deliveries where status = 'failed' and target_workspace = @ws
          and due_at >= @from`,
        { ws: ACME.id, from: Date.parse(`${data.days[0]!.date}T00:00:00+01:00`) },
      );
      const shown = (await rows(page, 'nudges-numbers')).concat(await rows(page, 'digests-numbers'));
      expect(shown.reduce((n, r) => n + Number(r[3]), 0)).toBe(failed);
      expect((await rows(page, 'paused-table')).map((r) => [r[0], r[1]])).toEqual([
        ['Nudge: Bob <b>Builder</b>', 'Slack said channel_not_found'],
      ]);
    },
  },
};

describe.each(WIDTHS)('the dashboard over the store at %i px wide', (width) => {
  it.each(Object.keys(CHECKS))(
    '%s: signed in through the command’s link, the tables hold the store’s numbers, the page fits; a screenshot',
    async (name) => {
      const { context, page } = await signedIn(width, ADA);
      try {
        expect((await page.goto(base + CHECKS[name]!.path()))!.status()).toBe(200);
        await CHECKS[name]!.numbers(page);
        expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
        const shot = `${ARTIFACTS}${name}-${width}.png`;
        await page.screenshot({ path: shot, fullPage: true });
        if (process.env.DASHBOARD_SCREENSHOTS === 'docs' && width === WIDTHS[0])
          copyFileSync(shot, `${DOCS}dashboard-${name === 'me' ? 'member' : name}.png`);
      } finally {
        await context.close();
      }
    },
    60_000,
  );

  it.each(Object.keys(CHECKS))(
    '%s: axe-core finds no serious or critical violation',
    async (name) => {
      const { context, page } = await signedIn(width, ADA, true);
      try {
        await page.goto(base + CHECKS[name]!.path());
        await expectAccessible(page, `${ARTIFACTS}axe-${name}-${width}.json`);
      } finally {
        await context.close();
      }
    },
    60_000,
  );
});

describe('the dashboard over the store refuses', () => {
  it('no session, a reused link, an expired link: refused, nothing shown, no cookie', async () => {
    browser ??= await launch();
    const context = await browser.newContext({ viewport: { width: 375, height: 700 } });
    const page = await context.newPage();
    try {
      const none = await page.goto(`${base}/dashboard`);
      expect(none!.status()).toBe(401);
      expect(await page.textContent('body')).not.toMatch(/Acme|Ada|Bob/);

      const link = await linkFor(ADA);
      expect((await page.goto(link))!.status()).toBe(200);
      const again = await browser.newContext();
      const reused = await (await again.newPage()).goto(link);
      expect(reused!.status()).toBe(403);
      expect(await reused!.text()).not.toMatch(/Acme|Ada|<nav/);

      const late = await linkFor(ADA);
      app.clock.advance(10 * 60_000);
      try {
        const expired = await (await again.newPage()).goto(late);
        expect(expired!.status()).toBe(403);
        expect(await expired!.text()).not.toMatch(/Acme|Ada|<nav/);
      } finally {
        app.clock.advance(-10 * 60_000);
      }
      expect(await again.cookies()).toEqual([]);
      await again.close();
    } finally {
      await context.close();
    }
  }, 60_000);

  it("a session of another workspace sees only its own: Acme's members, pages and names are not there", async () => {
    const zed = user('U-ZED');
    const { context, page } = await signedIn(1280, zed);
    try {
      expect(await page.textContent('h1')).toBe(OTHER.name);
      expect(await page.textContent('body')).not.toMatch(/Acme|Ada|Bob/);
      for (const id of ['U-ADA', 'U-BOB']) {
        const res = await page.goto(`${base}/dashboard/members/${(await viewerOf(user(id))).memberId}`);
        expect(res!.status()).toBe(404);
        expect(await page.textContent('body')).not.toMatch(/Ada|Bob/);
      }
      const delivery = await page.goto(`${base}/dashboard/delivery`);
      expect(delivery!.status()).toBe(200);
      expect((await rows(page, 'paused-table').catch(() => [])).length).toBe(0);
      expect(await page.textContent('body')).not.toMatch(/Bob|channel_not_found/);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('a member who is not an admin gets no delivery page and no CSV', async () => {
    const { context, page } = await signedIn(375, user('U-BOB'));
    try {
      expect((await page.goto(`${base}/dashboard/delivery`))!.status()).toBe(403);
      const csv = await page.request.get(`${base}/dashboard/members.csv`);
      expect(csv.status()).toBe(403);
    } finally {
      await context.close();
    }
  }, 60_000);
});
