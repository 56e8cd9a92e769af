// Test wiring: a real SQLite file in a temp folder, the real content loader and the real core, on a fixed clock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../src/clock.ts';
import { syncContent } from '../src/content/sync.ts';
import type { DashboardBase } from '../src/core/commands/dashboard.ts';
import { createCore } from '../src/core/index.ts';
import type { Invocation } from '../src/core/model/invocation.ts';
import { type Block, plain, type Reply } from '../src/core/model/reply.ts';
import { createLog } from '../src/log.ts';
import { createStore } from '../src/store/index.ts';
import { tableNames } from '../src/store/sql/fragments.ts';
import { SqliteDatabase } from '../src/store/sqlite/engine.ts';
import { eachCallInItsOwnTransaction } from './store/each-call.ts';
import type { Engine } from './store/engines.ts';
import { openTestDatabase } from './store/open-test-database.ts';
import { rawSql } from './store/raw-sql.ts';

export const CONTENT_DIR = new URL('../content', import.meta.url).pathname;

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'roadmap-coach-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function createTestApp(
  opts: { contentDir?: string; now?: string; dashboardBase?: DashboardBase; engine?: Engine } = {},
) {
  const { dir, cleanup } = tempDir();
  const database = await openTestDatabase(join(dir, 'test.db'), opts.engine);
  const store = createStore(database);
  const clock = fixedClock(opts.now ?? '2026-11-26T09:00:00Z');
  const errors: string[] = [];
  const log = createLog('error', (line) => errors.push(line));
  const report = await syncContent(opts.contentDir ?? CONTENT_DIR, store, clock.now().getTime());
  const core = createCore({ store, clock, log, defaultRoadmap: 'backend', dashboardBase: opts.dashboardBase });

  /** Sends one command as a user (default: "ada" in the terminal workspace) and returns the reply. */
  const say = (
    text: string,
    user: Partial<Invocation['user']> & { workspace?: string; platform?: string } = {},
  ): Promise<Reply> =>
    core.handle({
      platform: user.platform ?? 'terminal',
      workspace: { id: user.workspace ?? 'local' },
      user: {
        id: user.id ?? 'ada',
        displayName: user.displayName ?? 'Ada',
        ...(user.isAdmin !== undefined ? { isAdmin: user.isAdmin } : {}),
        ...(user.timeZone ? { timeZone: user.timeZone } : {}),
      },
      place: { direct: true },
      text,
    });

  return {
    database,
    /** Raw SQL in the dialect both engines share, each call its own transaction: what the port has no query for. */
    sql: rawSql(database),
    /** SQLite's own connection, for the tests that look under the store (SQLite only). */
    get sqlite() {
      if (!(database instanceof SqliteDatabase)) throw new Error(`a SQLite-only test ran on ${database.dialect.name}`);
      return database.sqlite;
    },
    store,
    /** Every query group, each call its own transaction: for arranging and checking state. */
    q: eachCallInItsOwnTransaction(store),
    clock,
    core,
    say,
    report,
    errors,
    async close() {
      await store.close();
      cleanup();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** All of a reply's text, flattened: heading, blocks and button labels and commands. */
export function textOf(reply: Reply): string {
  return [
    reply.heading ?? '',
    ...reply.blocks.map(blockText),
    ...reply.buttons.map((b) => `[${b.label}: ${b.command}]`),
  ].join('\n');
}

function blockText(b: Block): string {
  switch (b.type) {
    case 'text':
      return plain(b.spans);
    case 'list':
      return b.items.map(plain).join('\n');
    case 'fields':
      return b.fields.map((f) => `${f.label}: ${plain(f.value)}`).join('\n');
    case 'progress':
      return `${b.label} ${b.done}/${b.total}${b.note ? ` ${b.note}` : ''}`;
  }
}

/** Row counts of every table, to prove a failed command wrote nothing. */
export function rowCounts(app: TestApp): Promise<Record<string, number>> {
  return app.database.transaction(async (r) => {
    const counts: Record<string, number> = {};
    for (const { name } of await r.all<{ name: string }>(tableNames(r.dialect)))
      counts[name] = (await r.get<{ n: number }>(`select count(*) as "n" from "${name}"`))!.n;
    return counts;
  });
}
