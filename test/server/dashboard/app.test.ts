// The dashboard app over real HTTP on 127.0.0.1: sign-in by one-time link, the session cookie, who may see which
// page, workspace isolation, sorting, the CSV, and the security headers on every answer.
import { parse } from 'node-html-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { NOW, serveDashboard } from './fixture.ts';

let served: Awaited<ReturnType<typeof serveDashboard>> | undefined;
afterEach(async () => {
  await served?.close();
  served = undefined;
});

async function start(opts: Parameters<typeof serveDashboard>[0] = {}) {
  served = await serveDashboard(opts);
  return served;
}

const get = (base: string, path: string, headers: Record<string, string> = {}) => fetch(base + path, { headers, redirect: 'manual' });

/** Signs in through a fresh one-time link and returns the cookie header to send. */
async function signIn(s: Awaited<ReturnType<typeof serveDashboard>>, memberId: string): Promise<string> {
  const res = await get(s.base, s.sessions.link(memberId));
  expect(res.status).toBe(303);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
function expectSecurityHeaders(res: Response): void {
  expect(res.headers.get('content-security-policy')).toBe(CSP);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('cache-control')).toBe('no-store');
}

describe('dashboard sign-in', () => {
  it('refuses every page without a session: 401, a hint to type `dashboard`, nothing from the store', async () => {
    const s = await start();
    for (const path of ['/dashboard', '/dashboard/me', '/dashboard/members/ada', '/dashboard/delivery', '/dashboard/members.csv']) {
      const res = await get(s.base, path, path === '/dashboard' ? {} : { cookie: 'rc_session=forged' });
      expect(res.status, path).toBe(401);
      expectSecurityHeaders(res);
      const body = await res.text();
      expect(body).toContain('<code>dashboard</code>');
      expect(body).not.toMatch(/Ada|Acme|Internet|<nav/);
    }
  });

  it('a link works once: the first use sets the session cookie and goes to the team page, the second is refused', async () => {
    const s = await start();
    const link = s.sessions.link('ada');
    const first = await get(s.base, link);
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/dashboard');
    expectSecurityHeaders(first);
    const cookie = first.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^rc_session=[0-9a-f]{32}; Max-Age=43200; Path=\/dashboard; HttpOnly; SameSite=Lax$/);
    expect(cookie).not.toContain('Secure'); // plain http

    const second = await get(s.base, link);
    expect(second.status).toBe(403);
    expect(second.headers.get('set-cookie')).toBeNull();
    expectSecurityHeaders(second);
    const body = await second.text();
    expect(body).toContain('<code>dashboard</code>');
    expect(body).not.toMatch(/Ada|Acme|<nav/);

    const page = await get(s.base, '/dashboard', { cookie: cookie.split(';')[0]! });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Acme Backend Guild');
  });

  it('refuses an expired link, a made-up one and none at all', async () => {
    const s = await start();
    for (const path of [s.sessions.link('ada', { expired: true }), '/dashboard/login?token=deadbeef', '/dashboard/login']) {
      const res = await get(s.base, path);
      expect(res.status, path).toBe(403);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });

  it('a session stops working when it expires, 12 hours on', async () => {
    let now = NOW;
    const s = await start({ now: () => now });
    const cookie = await signIn(s, 'bob');
    now = new Date(NOW.getTime() + 12 * 3600e3 - 1000);
    expect((await get(s.base, '/dashboard', { cookie })).status).toBe(200);
    now = new Date(NOW.getTime() + 12 * 3600e3);
    expect((await get(s.base, '/dashboard', { cookie })).status).toBe(401);
  });

  it('marks the cookie Secure over https, and believes X-Forwarded-Proto only when told to trust the proxy', async () => {
    const direct = await start();
    const spoofed = await get(direct.base, direct.sessions.link('ada'), { 'x-forwarded-proto': 'https' });
    expect(spoofed.headers.get('set-cookie')).not.toContain('Secure');
    const tls = await direct.app.request(`https://dash.example${direct.sessions.link('ada')}`);
    expect(tls.headers.get('set-cookie')).toMatch(/; Secure(;|$)/);
    await direct.close();

    const proxied = await start({ trustProxy: true });
    const viaProxy = await get(proxied.base, proxied.sessions.link('ada'), { 'x-forwarded-proto': 'https' });
    expect(viaProxy.headers.get('set-cookie')).toMatch(/; Secure(;|$)/);
    const plainViaProxy = await get(proxied.base, proxied.sessions.link('ada'), { 'x-forwarded-proto': 'http' });
    expect(plainViaProxy.headers.get('set-cookie')).not.toContain('Secure');
  });
});

describe('dashboard pages by role and workspace', () => {
  it('the team page shows the workspace, hides hidden members and names anonymous ones "a teammate"', async () => {
    const s = await start();
    const res = await get(s.base, '/dashboard', { cookie: await signIn(s, 'bob') });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    expectSecurityHeaders(res);
    const root = parse(await res.text());
    expect(root.querySelector('h1')!.text).toBe('Acme Backend Guild');
    expect(root.querySelector('#members-active')!.text).toBe('4');
    const names = root.querySelectorAll('#members-table tbody th').map((th) => th.text.trim());
    expect(names).toEqual(['Ada Lovelace', '"=cmd"', 'a teammate', '<script>alert(1)</script> (you)', 'Finn Longname-Fitzgerald-Okonkwo-Vandersteen']);
    expect(root.toString()).not.toMatch(/Eve Hidden|Dee Secret|members\/dee|members\/eve|<script>/);
    expect(root.querySelectorAll('nav a').map((a) => a.text)).toEqual(['Team', 'Me']);
  });

  it('a member always sees themselves, even when anonymous or hidden to others', async () => {
    const s = await start();
    for (const [id, name] of [['dee', 'Dee Secret'], ['eve', 'Eve Hidden']] as const) {
      const cookie = await signIn(s, id);
      const team = parse(await (await get(s.base, '/dashboard', { cookie })).text());
      expect(team.querySelector('#members-table tr.you th')!.text.trim()).toBe(`${name} (you)`);
      const me = await get(s.base, '/dashboard/me', { cookie });
      expect(me.status).toBe(200);
      expect(parse(await me.text()).querySelector('h1')!.text).toBe(name);
    }
  });

  it('opens a member of the same workspace; another workspace\'s member, a hidden or anonymous one, or nobody is 404', async () => {
    const s = await start();
    const cookie = await signIn(s, 'ada');
    const bob = await get(s.base, '/dashboard/members/bob', { cookie });
    expect(bob.status).toBe(200);
    expect(parse(await bob.text()).querySelector('h1')!.text).toBe('<script>alert(1)</script>');
    for (const id of ['zed', 'dee', 'eve', 'nobody']) {
      const res = await get(s.base, `/dashboard/members/${id}`, { cookie });
      expect(res.status, id).toBe(404);
      expectSecurityHeaders(res);
      expect(await res.text()).not.toMatch(/Zed|Dee|Eve/);
    }
  });

  it('a session of another workspace reads only its own', async () => {
    const s = await start();
    const cookie = await signIn(s, 'zed');
    const root = parse(await (await get(s.base, '/dashboard', { cookie })).text());
    expect(root.querySelector('h1')!.text).toBe('Other Co');
    expect(root.querySelectorAll('#members-table tbody th').map((th) => th.text.trim())).toEqual(['Zed Other (you)']);
    expect((await get(s.base, '/dashboard/members/ada', { cookie })).status).toBe(404);
  });

  it('delivery health and the CSV are for admins: 403 for a member', async () => {
    const s = await start();
    const cookie = await signIn(s, 'bob');
    for (const path of ['/dashboard/delivery', '/dashboard/members.csv']) {
      const res = await get(s.base, path, { cookie });
      expect(res.status, path).toBe(403);
      expectSecurityHeaders(res);
      expect(await res.text()).not.toMatch(/Nudges|Ada/);
    }
  });

  it('an admin sees delivery health with the Delivery link current', async () => {
    const s = await start();
    const res = await get(s.base, '/dashboard/delivery', { cookie: await signIn(s, 'ada') });
    expect(res.status).toBe(200);
    const root = parse(await res.text());
    expect(root.querySelector('nav a[aria-current="page"]')!.text).toBe('Delivery');
    expect(root.querySelectorAll('#nudges-numbers tbody tr')).toHaveLength(7);
    expect(root.querySelector('#paused-table tbody th')!.text).toBe('Nudge: <b>Bob</b>');
  });

  it('an admin downloads the member table as CSV: UTF-8, attachment named for the day, CRLF rows', async () => {
    const s = await start();
    const res = await get(s.base, '/dashboard/members.csv?sort=activity&dir=asc', { cookie: await signIn(s, 'ada') });
    expect(res.status).toBe(200);
    expectSecurityHeaders(res);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="members-2025-03-12.csv"');
    const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(body.startsWith('\uFEFF"Member",')).toBe(true);
    expect(body.split('\r\n').slice(1, -1).map((line) => line.split('","')[0]!.slice(1))).toEqual([
      'Finn Longname-Fitzgerald-Okonkwo-Vandersteen', '<script>alert(1)</script>', 'a teammate', '""=cmd""', 'Ada Lovelace',
    ]);
  });

  it('sorts the member table on the server by the query, showing the order with aria-sort', async () => {
    const s = await start();
    const cookie = await signIn(s, 'ada');
    const table = async (query: string) => {
      const root = parse(await (await get(s.base, `/dashboard${query}`, { cookie })).text());
      return {
        names: root.querySelectorAll('#members-table tbody th').map((th) => th.text.replace(' (you)', '').trim()),
        sorted: root.querySelectorAll('#members-table th[aria-sort]').map((th) => [th.querySelector('a')!.text, th.getAttribute('aria-sort')]),
      };
    };
    expect(await table('')).toEqual({ names: ['Ada Lovelace', '"=cmd"', 'a teammate', '<script>alert(1)</script>', 'Finn Longname-Fitzgerald-Okonkwo-Vandersteen'], sorted: [['Progress', 'descending']] });
    expect(await table('?sort=progress&dir=asc')).toEqual({ names: ['Finn Longname-Fitzgerald-Okonkwo-Vandersteen', '<script>alert(1)</script>', 'a teammate', '"=cmd"', 'Ada Lovelace'], sorted: [['Progress', 'ascending']] });
    expect(await table('?sort=activity&dir=desc')).toEqual({ names: ['Ada Lovelace', '"=cmd"', 'a teammate', '<script>alert(1)</script>', 'Finn Longname-Fitzgerald-Okonkwo-Vandersteen'], sorted: [['Last activity', 'descending']] });
    expect((await table('?sort=activity&dir=asc')).names[0]).toBe('Finn Longname-Fitzgerald-Okonkwo-Vandersteen');
    expect((await table('?sort=bogus&dir=up')).sorted).toEqual([['Progress', 'descending']]);
  });

  it('answers an unknown path with 404 and a failing source with a plain 500, both with the security headers', async () => {
    const errors: unknown[] = [];
    const s = await start({ onError: (err) => errors.push(err) });
    const cookie = await signIn(s, 'ada');
    const missing = await get(s.base, '/dashboard/nope', { cookie });
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing);
    s.source.delivery = () => { throw new Error('database is locked'); };
    const failed = await get(s.base, '/dashboard/delivery', { cookie });
    expect(failed.status).toBe(500);
    expectSecurityHeaders(failed);
    expect(await failed.text()).not.toContain('database is locked');
    expect(errors).toHaveLength(1);
  });
});
