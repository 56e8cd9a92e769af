// Test wiring for the Discord adapter: the real core on a temp
// SQLite file, the fake Discord, the real discord.js client.

import { createDiscordAdapter } from '../../../src/adapters/discord/index.ts';
import type { Invocation } from '../../../src/core/model/invocation.ts';
import { firstSeenOver } from '../../../src/first-seen.ts';
import { createLog } from '../../../src/log.ts';
import { APP_ID, createDiscordFake } from '../../fakes/discord.ts';
import { createTestApp } from '../../helpers.ts';

export interface HarnessOptions {
  slowMs?: number; // the core answers this much later (wrapping handle, not mocking it)
  deferAfterMs?: number;
}

export async function startDiscord(opts: HarnessOptions = {}) {
  const app = await createTestApp();
  const fake = await createDiscordFake({ heartbeatMs: 400 });
  const logs: { level: number; msg: string; [k: string]: unknown }[] = [];
  const log = createLog('debug', { write: (line) => void logs.push(JSON.parse(line)) });
  const adapter = createDiscordAdapter({
    token: 'fake-bot-token',
    applicationId: APP_ID,
    apiUrl: fake.rest.apiUrl,
    log,
    commands: app.core.commands,
    suggestTopics: app.core.suggestTopics,
    deferAfterMs: opts.deferAfterMs,
    firstSeen: firstSeenOver(app.store, app.clock),
  });
  const handled: Invocation[] = [];
  await adapter.start(async (invocation) => {
    handled.push(invocation);
    if (opts.slowMs) await new Promise((resolve) => setTimeout(resolve, opts.slowMs));
    return app.core.handle(invocation);
  });
  return {
    app,
    fake,
    adapter,
    logs,
    handled,
    /** Closes everything; fails the test if the adapter logged an error (one bad event must not go unnoticed). */
    async close() {
      await adapter.stop();
      await fake.close();
      await app.close();
      const errors = logs.filter((l) => l.level >= 50);
      if (errors.length) throw new Error(`the Discord adapter logged errors: ${JSON.stringify(errors)}`);
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startDiscord>>;

/** The callback Discord got for one interaction. */
export function callbackFor(h: Harness, interactionId: string) {
  return h.fake.nextRequest(new RegExp(`^/interactions/${interactionId}/[^/]+/callback$`));
}

/** SQL over the test database, for asserting on store rows. */
export function rows<T>(h: Harness, sql: string, ...params: unknown[]): T[] {
  return h.app.sqlite.prepare(sql).all(...params) as T[];
}
