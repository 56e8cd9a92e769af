// A demo team in a real store, made through the real core: members of two workspaces finishing topics over the last
// 12 weeks (the clock moved between commands), one anonymous and one hidden member, a nudge paused by failures, and a
// week of outbox outcomes. Used by the store-backed dashboard tests and to draw the README's screenshots.
import type { Invocation } from '../../../src/core/model/invocation.ts';
import type { TestApp } from '../../helpers.ts';

export const ACME = { platform: 'slack', id: 'T-ACME', name: 'Acme Backend Guild' };
export const OTHER = { platform: 'slack', id: 'T-OTHER', name: 'Other Co' };
const DAY = 86_400_000;

export interface DemoUser {
  id: string;
  name: string;
  workspace: typeof ACME;
  isAdmin?: boolean;
  /** Topics finished, in roadmap order, spread over the last `days` days. */
  done: number;
  days: number;
  /** Days of quiet at the end: no progress since. */
  quiet?: number;
  privacy?: 'anonymous' | 'hide';
  timeZone?: string;
}

const NAMED: DemoUser[] = [
  { id: 'U-ADA', name: 'Ada Lovelace', workspace: ACME, isAdmin: true, done: 24, days: 80, timeZone: 'Europe/Berlin' },
  { id: 'U-BOB', name: 'Bob <b>Builder</b>', workspace: ACME, done: 9, days: 60, quiet: 12 },
  { id: 'U-CY', name: 'Cy Young', workspace: ACME, done: 14, days: 30, timeZone: 'America/New_York' },
  { id: 'U-DEE', name: 'Dee Secret', workspace: ACME, done: 12, days: 40, privacy: 'anonymous' },
  { id: 'U-EVE', name: 'Eve Hidden', workspace: ACME, done: 30, days: 70, privacy: 'hide' },
  { id: 'U-FINN', name: 'Finn Okonkwo-Vandersteen', workspace: ACME, done: 0, days: 0 },
  { id: 'U-ZED', name: 'Zed Other', workspace: OTHER, isAdmin: true, done: 5, days: 20 },
];
const FIRST = ['Grace', 'Linus', 'Margaret', 'Ken', 'Barbara', 'Dennis', 'Frances', 'Alan', 'Radia', 'Tim'];
export const DEMO_USERS: DemoUser[] = [
  ...NAMED,
  ...FIRST.map((name, i) => ({
    id: `U-${i}`,
    name: `${name} ${String.fromCharCode(65 + i)}.`,
    workspace: ACME,
    done: (i * 7) % 19,
    days: 20 + ((i * 13) % 60),
    quiet: i % 4 === 0 ? 9 + i : 0,
  })),
];

export const invocation = (u: DemoUser, text: string): Invocation => ({
  platform: u.workspace.platform,
  workspace: { id: u.workspace.id, name: u.workspace.name },
  user: { id: u.id, displayName: u.name, isAdmin: u.isAdmin ?? false, ...(u.timeZone ? { timeZone: u.timeZone } : {}) },
  place: { direct: true },
  text,
});

/** Seeds the demo through the core, the clock walked back and forth; leaves the clock at `now`. */
export async function seedDemo(app: TestApp): Promise<{ now: number; pausedScheduleId: number }> {
  const now = app.clock.now().getTime();
  const topics = (await app.q.content.roadmap('backend'))!.topics;
  const run = async (u: DemoUser, text: string, at: number) => {
    app.clock.set(new Date(at));
    const reply = await app.core.handle(invocation(u, text));
    if (app.errors.length) throw new Error(`demo seed: ${text}: ${app.errors.join('\n')}`);
    return reply;
  };
  for (const u of DEMO_USERS) {
    const start = now - u.days * DAY;
    const span = (u.days - (u.quiet ?? 0)) * DAY;
    await run(u, u.isAdmin ? 'settings timezone Europe/Berlin' : 'help', start - DAY);
    if (u.privacy) await run(u, `privacy ${u.privacy}`, start - DAY);
    if (u.done > 0) await run(u, 'track node', start - DAY);
    for (let i = 0; i < u.done; i++) {
      // Spread over the member's active days, at a time of day that varies, never in the future.
      const at = Math.min(now - 60_000, start + Math.floor(((i + 1) / (u.done + 2)) * span) + (i % 5) * 3_600_000);
      await run(u, `done ${topics[i]!.path}`, at);
    }
    // The next topic in progress: the section is reached, not finished.
    if (u.done > 0 && u.done < topics.length) await run(u, `start ${topics[u.done]!.path}`, start + span - 3_600_000);
  }
  // Bob's nudge keeps failing: the third failure pauses it.
  const bob = DEMO_USERS[1]!;
  await run(bob, 'remind 09:00', now - 5 * DAY);
  const pausedScheduleId = (await app.sql.value<number>(
    "select id from schedules where kind = 'nudge' order by id desc limit 1",
  ))!;
  for (let i = 0; i < 3; i++) {
    await app.store.transaction((tx) =>
      app.core.outbound.failedForGood(tx, pausedScheduleId, 'Slack said channel_not_found'),
    );
  }
  await seedOutbox(app, now);
  app.clock.set(new Date(now));
  return { now, pausedScheduleId };
}

/** A week of the outbox for both workspaces: per day some nudges sent at once, some after retries, a few failed. */
async function seedOutbox(app: TestApp, now: number): Promise<void> {
  const INSERT = `insert into deliveries (key, platform, target_workspace, target, payload, status, nonce, attempts,
    next_attempt_at, due_at, created_at) values (@key, 'slack', @ws, '{}', @payload, @status, 'n', @attempts, @due,
    @due, @due)`;
  let n = 0;
  for (const ws of [ACME.id, OTHER.id]) {
    for (let d = 0; d < 9; d++) {
      const due = now - d * DAY - 3_600_000;
      const outcomes: [string, string, number][] = [
        ...Array.from({ length: 6 + (d % 4) }, (): [string, string, number] => ['nudge', 'sent', 1]),
        ...Array.from({ length: d % 3 }, (): [string, string, number] => ['nudge', 'sent', 2]),
        ...(d === 2 ? [['nudge', 'failed', 5] as [string, string, number]] : []),
        ['digest', d === 4 ? 'failed' : 'sent', d === 3 ? 3 : 1],
        ['nudge', 'pending', 0],
        ['nudge', 'skipped', 0],
      ];
      for (const [kind, status, attempts] of outcomes) {
        await app.sql.run(INSERT, { key: `demo-${n++}`, ws, payload: JSON.stringify({ kind }), status, attempts, due });
      }
    }
  }
}
