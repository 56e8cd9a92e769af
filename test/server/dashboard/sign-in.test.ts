// Signing in to the dashboard over real HTTP on 127.0.0.1: one-time links, the session cookie and its expiry,
// Secure behind https, and refusals that show nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { NOW, serveDashboard } from './fixture.ts';
import { expectSecurityHeaders, get, type Served, signIn } from './http.ts';

let served: Served | undefined;
afterEach(async () => {
  await served?.close();
  served = undefined;
});

async function start(opts: Parameters<typeof serveDashboard>[0] = {}) {
  served = await serveDashboard(opts);
  return served;
}

describe('dashboard sign-in', () => {
  it('refuses every page without a session: 401, a hint to type `dashboard`, nothing from the store', async () => {
    const s = await start();
    for (const path of [
      '/dashboard',
      '/dashboard/me',
      '/dashboard/members/ada',
      '/dashboard/delivery',
      '/dashboard/members.csv',
    ]) {
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
    for (const path of [
      s.sessions.link('ada', { expired: true }),
      '/dashboard/login?token=deadbeef',
      '/dashboard/login',
    ]) {
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

describe('dashboard sign-in and link previews', () => {
  it("a chat platform's link preview or a HEAD request does not spend the link; the member's own click still does", async () => {
    const s = await start();
    const link = s.sessions.link('ada');
    for (const agent of [
      'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
      'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)',
    ]) {
      const preview = await get(s.base, link, { 'user-agent': agent });
      expect(preview.status, agent).toBe(200);
      expect(preview.headers.get('set-cookie')).toBeNull();
      expect(await preview.text()).not.toMatch(/Ada|Acme|<nav/);
    }
    const head = await fetch(s.base + link, { method: 'HEAD', redirect: 'manual' });
    expect(head.headers.get('set-cookie')).toBeNull();
    const click = await get(s.base, link, {
      'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36',
    });
    expect(click.status).toBe(303);
    expect(click.headers.get('set-cookie')).toMatch(/^rc_session=/);
  });
});
