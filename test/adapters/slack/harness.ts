// Test harness: a real SQLite file, the real core, the real Bolt app on an ephemeral port, and the fake Slack API.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSlackAdapter, type SlackOptions } from '../../../src/adapters/slack/index.ts';
import { fixedClock } from '../../../src/clock.ts';
import { syncContent } from '../../../src/content/sync.ts';
import { createCore } from '../../../src/core/index.ts';
import { firstSeenOver } from '../../../src/first-seen.ts';
import { createLog } from '../../../src/log.ts';
import { slackInstallationsOver } from '../../../src/slack-installations.ts';
import { createStore } from '../../../src/store/index.ts';
import { startFakeSlack } from '../../fakes/slack-api.ts';
import { openMigratedSqlite } from '../../store/open-test-database.ts';
import { createSigner, SIGNING_SECRET } from './requests.ts';

/** What both Slack harnesses share: a real SQLite file with the roadmap loaded, the real core, reads to assert on. */
export async function createBotBase(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const db = await openMigratedSqlite(join(dir, 'bot.db'));
  const store = createStore(db);
  const clock = fixedClock(new Date());
  await syncContent('content', store, clock.now().getTime());
  const log = createLog(process.env.TEST_LOG === '1' ? 'debug' : 'silent');
  const core = createCore({ store, clock, log, defaultRoadmap: 'backend' });
  return {
    db,
    store,
    clock,
    log,
    core,
    /** Rows of progress: which topic paths a Slack user has in which state. */
    progressOf(userId: string): { path: string; state: string }[] {
      return db.sqlite
        .prepare(`
        SELECT t.path, p.state FROM progress p JOIN topics t ON t.id = p.topic_id
        JOIN identities i ON i.member_id = p.member_id WHERE i.platform_user_id = ? ORDER BY t.path`)
        .all(userId) as { path: string; state: string }[];
    },
    eventCount: () => (db.sqlite.prepare('SELECT count(*) AS n FROM progress_events').get() as { n: number }).n,
    async remove() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** timing: a shorter ack window, and a delay before each command reaches the core (to take the slow path). */
export async function startBot(
  options: Partial<SlackOptions> = {},
  timing: { ackWithinMs?: number; handleDelayMs?: number } = {},
) {
  const base = await createBotBase('slack-test-');
  const { clock, log, store, core } = base;
  const fake = await startFakeSlack();
  const single = options.clientId ? {} : { botToken: 'xoxb-test-token' };
  const adapter = createSlackAdapter({
    clock,
    log,
    installations: slackInstallationsOver(store),
    firstSeen: firstSeenOver(store, clock),
    options: { ...single, signingSecret: SIGNING_SECRET, apiUrl: fake.url, port: 0, ...options },
    ackWithinMs: timing.ackWithinMs,
  });
  const delay = timing.handleDelayMs;
  await adapter.start(
    delay ? (inv) => new Promise((r) => setTimeout(r, delay)).then(() => core.handle(inv)) : core.handle,
  );
  const url = `http://127.0.0.1:${adapter.address()!.port}`;
  const signer = createSigner(url, clock);

  return {
    ...base,
    fake,
    adapter,
    base: url,
    ...signer,
    async close() {
      await adapter.stop();
      await fake.close();
      await base.remove();
    },
  };
}

export type Bot = Awaited<ReturnType<typeof startBot>>;
