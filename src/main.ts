// Composition root: config → database → content → core → adapters. The only place with process-wide effects.
import { userInfo } from 'node:os';
import { systemClock } from './clock.ts';
import { ConfigError, loadConfig } from './config.ts';
import { syncContent } from './content/sync.ts';
import { createCore } from './core/index.ts';
import { createLog } from './log.ts';
import { createTerminalAdapter } from './adapters/terminal/index.ts';
import { openDb } from './store/db.ts';
import { createStore } from './store/index.ts';

function main(): void {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const interactive = Boolean(process.stdin.isTTY);
  const log = createLog(config.LOG_LEVEL ?? 'warn');
  const db = openDb(config.DATABASE_PATH);
  const store = createStore(db);

  const report = syncContent(config.CONTENT_DIR, store, systemClock.now().getTime());
  for (const failure of report.failed) {
    // The roadmap keeps its last good version; the operator sees exactly where the file is wrong.
    log.error('content file rejected; its previous version stays loaded', { file: failure.file, line: failure.line, reason: failure.reason });
    process.stderr.write(`Content error: ${failure.message}\n`);
  }
  for (const loaded of report.loaded) log.info('content loaded', { ...loaded });
  if (!store.content.roadmap(config.DEFAULT_ROADMAP)) {
    process.stderr.write(`The default roadmap "${config.DEFAULT_ROADMAP}" is not loaded: add ${config.CONTENT_DIR}/${config.DEFAULT_ROADMAP}.md or set DEFAULT_ROADMAP.\n`);
    process.exit(1);
  }

  const core = createCore({ store, clock: systemClock, log, defaultRoadmap: config.DEFAULT_ROADMAP });
  const me = userInfo().username || 'me';
  const terminal = createTerminalAdapter({
    input: process.stdin,
    output: process.stdout,
    interactive,
    user: { id: me, displayName: me },
    onEnd: () => {
      db.$client.close();
      process.exitCode = 0;
    },
  });
  void terminal.start(core.handle);
}

main();
