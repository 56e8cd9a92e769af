// Dashboard links and sessions in a real SQLite file: only hashes stored, a link spent once and only while live,
// sessions that end at their expiry, and a forgotten member's links and sessions gone with them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashCode } from '../../src/store/links.ts';
import { createTestApp, type TestApp } from '../helpers.ts';

let app: TestApp;
beforeEach(() => (app = createTestApp()));
afterEach(() => app.close());

const T0 = Date.parse('2026-11-26T09:00:00Z');
const HOUR = 3_600_000;

async function grant() {
  await app.say('help'); // the terminal workspace and member "ada"
  const row = app.db.$client.prepare('select workspace_id, member_id from identities').get() as {
    workspace_id: number;
    member_id: number;
  };
  return { workspaceId: row.workspace_id, memberId: row.member_id, isAdmin: true };
}
const dump = () =>
  JSON.stringify([
    app.db.$client.prepare('select * from dashboard_links').all(),
    app.db.$client.prepare('select * from dashboard_sessions').all(),
  ]);

describe('dashboard sessions in the store', () => {
  it('stores only hashes of the token and the session id; a link opens one session, once', async () => {
    const g = await grant();
    const token = app.store.dashboardSessions.issueLink(g, T0, 10 * 60_000);
    const session = app.store.dashboardSessions.open(token, T0 + 1000, 12 * HOUR)!;
    expect(session).toMatchObject({ ...g, expiresAt: T0 + 1000 + 12 * HOUR });
    expect(session.id).toMatch(/^[0-9a-f]{32}$/);
    expect(dump()).not.toContain(token);
    expect(dump()).not.toContain(session.id);
    expect(dump()).toContain(hashCode(session.id));
    expect(app.store.dashboardSessions.open(token, T0 + 2000, 12 * HOUR)).toBeUndefined();
    expect(app.store.dashboardSessions.session(session.id, T0 + 2000)).toEqual({ ...g, expiresAt: session.expiresAt });
  });

  it('refuses a link at its expiry, an unknown one, and a session at its expiry', async () => {
    const g = await grant();
    const token = app.store.dashboardSessions.issueLink(g, T0, 10 * 60_000);
    expect(app.store.dashboardSessions.open(token, T0 + 10 * 60_000, 12 * HOUR)).toBeUndefined();
    expect(app.store.dashboardSessions.open('made-up', T0, 12 * HOUR)).toBeUndefined();
    const live = app.store.dashboardSessions.issueLink(g, T0, 10 * 60_000);
    const session = app.store.dashboardSessions.open(live, T0, 12 * HOUR)!;
    expect(app.store.dashboardSessions.session(session.id, T0 + 12 * HOUR - 1)).toBeDefined();
    expect(app.store.dashboardSessions.session(session.id, T0 + 12 * HOUR)).toBeUndefined();
  });

  it('a new link ends the unused one; `forget` takes the member’s links and sessions with it', async () => {
    const g = await grant();
    const first = app.store.dashboardSessions.issueLink(g, T0, 10 * 60_000);
    const second = app.store.dashboardSessions.issueLink(g, T0, 10 * 60_000);
    expect(app.store.dashboardSessions.open(first, T0, 12 * HOUR)).toBeUndefined();
    const session = app.store.dashboardSessions.open(second, T0, 12 * HOUR)!;
    app.store.dashboardSessions.issueLink(g, T0, 10 * 60_000);
    await app.say('forget confirm');
    expect(app.store.dashboardSessions.session(session.id, T0)).toBeUndefined();
    expect(dump()).toBe('[[],[]]');
  });
});
