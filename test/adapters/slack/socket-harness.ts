// Socket Mode harness: a real SQLite file, the real core, the real Bolt app in Socket Mode, the fake Socket Mode
// server in front of the fake Web API. Requests are the HTTP tests' bodies, carried in Socket Mode envelopes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../../src/clock.ts';
import { syncContent } from '../../../src/content/sync.ts';
import { createCore } from '../../../src/core/index.ts';
import { createLog } from '../../../src/log.ts';
import { createSlackAdapter } from '../../../src/adapters/slack/index.ts';
import { openDb } from '../../../src/store/db.ts';
import { createStore } from '../../../src/store/index.ts';
import { startFakeSlack } from '../../fakes/slack-api.ts';
import { envelopes, startFakeSocketMode } from '../../fakes/slack-socket-mode.ts';
import { actionBody, slashBody } from './requests.ts';

export const APP_TOKEN = 'xapp-1-A1-1234-socket-test';
export const BOT_TOKEN = 'xoxb-test-token';

export async function startSocketBot() {
  const dir = mkdtempSync(join(tmpdir(), 'slack-socket-test-'));
  const db = openDb(join(dir, 'bot.db'));
  const store = createStore(db);
  const clock = fixedClock(new Date());
  syncContent('content', store, clock.now().getTime());
  const log = createLog(process.env.TEST_LOG === '1' ? 'debug' : 'silent');
  const core = createCore({ store, clock, log, defaultRoadmap: 'backend' });
  const api = await startFakeSlack();
  const socket = await startFakeSocketMode({ appToken: APP_TOKEN, upstream: api.url });
  const adapter = createSlackAdapter({ clock, log, store, options: { botToken: BOT_TOKEN, appToken: APP_TOKEN, apiUrl: socket.apiUrl } });
  await adapter.start(core.handle); // resolves once the client has had its hello

  return {
    db, api, socket, adapter,
    /** /roadmap <text> as a slash_commands envelope; resolves with the ack. */
    command: (text: string, responseId: string) =>
      socket.deliver(envelopes.slashCommand(Object.fromEntries(new URLSearchParams(slashBody(text, api.responseUrl(responseId)))))),
    /** The block_actions payload of a click on this button of an ephemeral message. */
    clickPayload(button: { action_id: string; value: string; text: { text: string } }, responseId: string): Record<string, unknown> {
      const payload = JSON.parse(new URLSearchParams(actionBody(button.value, api.responseUrl(responseId))).get('payload')!) as Record<string, unknown>;
      return { ...payload, actions: [{ type: 'button', block_id: 'b1', action_ts: '1.3', ...button }] };
    },
    progressOf(userId: string): { path: string; state: string }[] {
      return db.$client.prepare(`
        SELECT t.path, p.state FROM progress p JOIN topics t ON t.id = p.topic_id
        JOIN identities i ON i.member_id = p.member_id WHERE i.platform_user_id = ? ORDER BY t.path`).all(userId) as { path: string; state: string }[];
    },
    eventCount: () => (db.$client.prepare('SELECT count(*) AS n FROM progress_events').get() as { n: number }).n,
    async close() {
      await adapter.stop();
      await socket.close();
      await api.close();
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type SocketBot = Awaited<ReturnType<typeof startSocketBot>>;
