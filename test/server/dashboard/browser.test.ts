// The dashboard in a real browser (Debian's Chromium through playwright-core): each page opened through a login link,
// the numbers in the chart tables checked against the data, full-page screenshots at desktop and phone widths, no
// sideways scrolling at 375 px, nothing blocked by the CSP, and axe-core finding no serious or critical violation.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../src/server/dashboard/format.ts';
import type { Viewer } from '../../../src/server/dashboard/ports.ts';
import { DEFAULT_SORT } from '../../../src/server/dashboard/sort.ts';
import { artifacts, expectAccessible, launch as launchChromium, rows, WIDTHS } from './browser.ts';
import { activityCount, DELIVERY, serveDashboard } from './fixture.ts';

const ARTIFACTS = artifacts('dashboard');
const ADA: Viewer = { workspaceId: 'w1', memberId: 'ada', isAdmin: true };

let served: Awaited<ReturnType<typeof serveDashboard>>;
let browser: Browser | undefined;

const launch = async (): Promise<Browser> => (browser ??= await launchChromium());

beforeAll(async () => {
  served = await serveDashboard();
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** A fresh browser context signed in through a one-time link, as a lead would from chat. */
async function signedIn(
  width: number,
  memberId: string,
  opts: { bypassCSP?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; blocked: string[] }> {
  const context = await (await launch()).newContext({
    viewport: { width, height: 900 },
    bypassCSP: opts.bypassCSP ?? false,
  });
  const page = await context.newPage();
  const blocked: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
  });
  const login = await page.goto(served.base + served.sessions.link(memberId));
  expect(login!.status()).toBe(200); // after the redirect to the team page
  expect(new URL(page.url()).pathname).toBe('/dashboard');
  return { context, page, blocked };
}

const CHECKS: Record<string, { path: string; numbers: (page: Page) => Promise<void> }> = {
  team: {
    path: '/dashboard',
    async numbers(page) {
      const data = await served.source.team('w1', ADA, DEFAULT_SORT);
      expect(await rows(page, 'weekly-numbers')).toEqual(data.weekly.map((w) => [w.weekStart, String(w.finished)]));
      expect(await rows(page, 'funnel-numbers')).toEqual(
        data.funnel.map((f) => [f.section, String(f.reached), String(f.finished)]),
      );
      expect(await page.textContent('#members-total')).toBe(String(data.members.total));
      expect(await page.textContent('#members-active')).toBe(String(data.members.activeLast7Days));
      expect((await rows(page, 'members-table')).map((r) => [r[0]!.replace(' (you)', ''), r[1]])).toEqual(
        data.table.map((m) => ['name' in m.who ? m.who.name : 'a teammate', `${Math.round(m.progressPercent)}%`]),
      );
    },
  },
  me: {
    path: '/dashboard/me',
    async numbers(page) {
      const data = (await served.source.member('w1', 'ada', ADA))!;
      expect(await rows(page, 'sections-numbers')).toEqual(
        data.sections.map((s) => [s.title, String(s.done), String(s.total)]),
      );
      const weeks = await rows(page, 'activity-numbers');
      expect(weeks).toHaveLength(26);
      for (const [monday, ...cells] of weeks) {
        const days = cells.slice(0, 7).map((_, i) => addDays(monday!, i));
        expect(cells.slice(0, 7)).toEqual(days.map((d) => (d <= data.activity.today ? String(activityCount(d)) : '')));
        expect(cells[7]).toBe(
          String(days.filter((d) => d <= data.activity.today).reduce((sum, d) => sum + activityCount(d), 0)),
        );
      }
      expect(await page.textContent('#streak-current')).toBe(`${data.streak.current} days`);
      expect(await rows(page, 'retention-numbers')).toEqual(
        data.retention!.map((r) => [r.section, `${Math.round(r.recall * 100)}%`]),
      );
    },
  },
  delivery: {
    path: '/dashboard/delivery',
    async numbers(page) {
      for (const kind of ['nudges', 'digests'] as const) {
        expect(await rows(page, `${kind}-numbers`)).toEqual(
          DELIVERY.days.map((d) => [d.date, String(d[kind].sent), String(d[kind].retried), String(d[kind].failed)]),
        );
      }
      expect((await rows(page, 'paused-table')).map((r) => [r[0], r[1]])).toEqual(
        DELIVERY.paused.map((p) => [`Nudge: ${p.target}`, p.reason]),
      );
    },
  },
};

describe.each(WIDTHS)('the dashboard at %i px wide', (width) => {
  it.each(Object.keys(CHECKS))(
    '%s: the chart tables hold the data, the page fits, nothing is blocked, a screenshot is saved',
    async (name) => {
      const { context, page, blocked } = await signedIn(width, 'ada');
      try {
        const response = await page.goto(served.base + CHECKS[name]!.path);
        expect(response!.status()).toBe(200);
        await CHECKS[name]!.numbers(page);
        // The inline stylesheet applied under the CSP, and every chart is drawn.
        // (Expressions in strings run in the page: this project type-checks without the DOM's types.)
        expect(await page.evaluate("getComputedStyle(document.querySelector('main')).maxWidth")).toBe('1088px');
        expect(
          await page.$$eval('figure svg[role="img"]', (svgs) =>
            svgs.every((s) => s.getBoundingClientRect().width > 200),
          ),
        ).toBe(true);
        expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
        expect(blocked).toEqual([]);
        await page.screenshot({ path: `${ARTIFACTS}${name}-${width}.png`, fullPage: true });
      } finally {
        await context.close();
      }
    },
    60_000,
  );

  it.each(Object.keys(CHECKS))(
    '%s: axe-core finds no serious or critical accessibility violation',
    async (name) => {
      // axe is a script, and the pages' CSP rightly allows none: this context alone bypasses it to inject axe.
      const { context, page } = await signedIn(width, 'ada', { bypassCSP: true });
      try {
        await page.goto(served.base + CHECKS[name]!.path);
        await expectAccessible(page, `${ARTIFACTS}axe-${name}-${width}.json`);
      } finally {
        await context.close();
      }
    },
    60_000,
  );
});

describe('the dashboard refuses in a real browser', () => {
  it("no session, a reused link, an expired link, another workspace's member: refused, nothing shown", async () => {
    const context = await (await launch()).newContext({ viewport: { width: 375, height: 700 } });
    const page = await context.newPage();
    try {
      const noSession = await page.goto(`${served.base}/dashboard`);
      expect(noSession!.status()).toBe(401);
      expect(await page.textContent('main')).toContain('Type dashboard in the chat');
      await page.screenshot({ path: `${ARTIFACTS}refused-375.png`, fullPage: true });

      const link = served.sessions.link('zed');
      expect((await page.goto(served.base + link))!.status()).toBe(200);
      expect(await page.textContent('h1')).toBe('Other Co');
      const otherWorkspace = await page.goto(`${served.base}/dashboard/members/ada`);
      expect(otherWorkspace!.status()).toBe(404);
      expect(await page.textContent('body')).not.toContain('Ada');

      const fresh = await context.browser()!.newContext();
      const reuse = await (await fresh.newPage()).goto(served.base + link);
      expect(reuse!.status()).toBe(403);
      const expired = await (await fresh.newPage()).goto(served.base + served.sessions.link('ada', { expired: true }));
      expect(expired!.status()).toBe(403);
      expect(await expired!.text()).not.toMatch(/Acme|Ada|<nav/);
      await fresh.close();
    } finally {
      await context.close();
    }
  }, 60_000);
});
