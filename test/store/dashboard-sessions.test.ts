// Dashboard links and sessions in a real database: only hashes stored, a link spent once and only while live,
// sessions that end at their expiry, and a forgotten member's links and sessions gone with them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DashboardGrant } from '../../src/store/port.ts';
import { hashCode } from '../../src/store/queries/links.ts';
import { createTestApp, type TestApp } from '../helpers.ts';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(() => app.close());

const T0 = Date.parse('2026-11-26T09:00:00Z');
const HOUR = 3_600_000;

async function grant() {
  await app.say('help'); // the terminal workspace and member "ada"
  const row = (await app.sql.get<{ workspaceId: number; memberId: number }>(
    'select workspace_id as "workspaceId", member_id as "memberId" from identities',
  ))!;
  return { ...row, isAdmin: true };
}
const issueLink = (g: DashboardGrant, now: number, ttlMs: number) => app.q.dashboardSessions.issueLink(g, now, ttlMs);
// As the dashboard spends a link: in an `immediate` transaction, so two sign-ins never spend the same one.
const open = (token: string, now: number, sessionMs: number) =>
  app.store.transaction((tx) => tx.dashboardSessions.open(token, now, sessionMs), { immediate: true });
const session = (id: string, now: number) => app.q.dashboardSessions.session(id, now);
const dump = async () =>
  JSON.stringify([
    await app.sql.all('select * from dashboard_links'),
    await app.sql.all('select * from dashboard_sessions'),
  ]);

describe('dashboard sessions in the store', () => {
  it('stores only hashes of the token and the session id; a link opens one session, once', async () => {
    const g = await grant();
    const token = await issueLink(g, T0, 10 * 60_000);
    const opened = (await open(token, T0 + 1000, 12 * HOUR))!;
    expect(opened).toMatchObject({ ...g, expiresAt: T0 + 1000 + 12 * HOUR });
    expect(opened.id).toMatch(/^[0-9a-f]{32}$/);
    expect(await dump()).not.toContain(token);
    expect(await dump()).not.toContain(opened.id);
    expect(await dump()).toContain(hashCode(opened.id));
    expect(await open(token, T0 + 2000, 12 * HOUR)).toBeUndefined();
    expect(await session(opened.id, T0 + 2000)).toEqual({ ...g, expiresAt: opened.expiresAt });
  });

  it('refuses a link at its expiry, an unknown one, and a session at its expiry', async () => {
    const g = await grant();
    const token = await issueLink(g, T0, 10 * 60_000);
    expect(await open(token, T0 + 10 * 60_000, 12 * HOUR)).toBeUndefined();
    expect(await open('made-up', T0, 12 * HOUR)).toBeUndefined();
    const live = await issueLink(g, T0, 10 * 60_000);
    const opened = (await open(live, T0, 12 * HOUR))!;
    expect(await session(opened.id, T0 + 12 * HOUR - 1)).toBeDefined();
    expect(await session(opened.id, T0 + 12 * HOUR)).toBeUndefined();
  });

  it('a new link ends the unused one; `forget` takes the member’s links and sessions with it', async () => {
    const g = await grant();
    const first = await issueLink(g, T0, 10 * 60_000);
    const second = await issueLink(g, T0, 10 * 60_000);
    expect(await open(first, T0, 12 * HOUR)).toBeUndefined();
    const opened = (await open(second, T0, 12 * HOUR))!;
    await issueLink(g, T0, 10 * 60_000);
    await app.say('forget confirm');
    expect(await session(opened.id, T0)).toBeUndefined();
    expect(await dump()).toBe('[[],[]]');
  });
});
