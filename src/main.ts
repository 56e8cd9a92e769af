// Entry point: the command line (commander). The only module with process-wide effects: env, signals, exit codes.
import { fstatSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { Command } from 'commander';
import { type App, startApp } from './app.ts';
import { systemClock } from './clock.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { consequence } from './content/sync.ts';
import { COMMANDS } from './core/commands/index.ts';
import { plural } from './core/model/wording.ts';
import { createLog, type Log } from './log.ts';
import { loadContent, openDatabase } from './open-store.ts';
import { backupDatabase, postgresBackupRefusal } from './ops/backup.ts';
import { PLATFORMS } from './platforms.ts';
import { SetupError } from './setup-error.ts';
import { createStore } from './store/index.ts';
import { describeDatabase } from './store/open-database.ts';
import type { Store } from './store/port.ts';

/** Runs one command-line action: a setup mistake is printed as its two lines and exits 1, never as a stack. */
async function guarded(action: () => unknown): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (!(error instanceof SetupError) && !(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

/** Standard input that can never carry a line: /dev/null (Docker without -i) or closed. */
function stdinIsEmpty(): boolean {
  try {
    const stdin = fstatSync(0);
    const devNull = statSync('/dev/null', { throwIfNoEntry: false });
    return Boolean(devNull && stdin.dev === devNull.dev && stdin.ino === devNull.ino);
  } catch {
    return true; // no file descriptor 0 at all
  }
}

async function runBot(forceChat: boolean): Promise<void> {
  const config = loadConfig(process.env);
  const anyPlatform = PLATFORMS.some((p) => p.configured(config));
  // With a platform configured the bot never reads stdin, unless asked for the chat explicitly.
  const chat = forceChat || !anyPlatform;
  if (chat && stdinIsEmpty()) {
    throw forceChat || anyPlatform
      ? new SetupError(
          'chat: standard input is empty (/dev/null or closed), so there is nobody to chat with.',
          'Run it in a terminal (docker run -it …), or pipe commands into it.',
        )
      : new SetupError(
          'No platform is configured, and there is no terminal to chat in (standard input is /dev/null or closed).',
          `Set ${PLATFORMS.map((p) => p.setupHint).join(', or ')}; ` +
            'or run with a terminal (docker run -it …) for the chat.',
        );
  }
  const log = createLog(config.LOG_LEVEL ?? (chat ? 'warn' : 'info'));
  // One bad event (a promise nobody waited for that rejects, say in a platform library's callback) is logged; it
  // does not take the bot and every platform down with it, as Node's default would.
  process.on('unhandledRejection', (reason) =>
    log.error('unhandled rejection; the bot keeps running', { err: reason }),
  );
  const me = userInfo().username || 'me';
  // Stopping waits for the start to finish: piped input can end while the platforms are still connecting.
  let started: Promise<App> | undefined;
  const stop = (code: number) =>
    void started!
      .then((app) => app.stop())
      .then(
        () => process.exit(code),
        (err: unknown) => {
          log.error('shutdown failed', { err });
          process.exit(1);
        },
      );
  started = startApp({
    config,
    log,
    terminal: chat
      ? {
          input: process.stdin,
          output: process.stdout,
          interactive: Boolean(process.stdin.isTTY),
          user: { id: me, displayName: me },
          onEnd: () => stop(0),
        }
      : undefined,
  });
  // Before the start finishes: /readyz may already say 200 while the scheduler starts, and a SIGTERM then must stop
  // gracefully too (stop waits for the start), not kill the process with Node's default.
  handleSignals(log, () => stop(0));
  await started;
}

/** The first SIGTERM/SIGINT stops gracefully; a second one exits at once. */
function handleSignals(log: Log, stop: () => void): void {
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) {
        log.warn('second signal: exiting now', { signal });
        process.exit(1);
      }
      stopping = true;
      log.info('stopping', { signal });
      stop();
    });
  }
}

async function withStore<T>(fn: (config: Config, store: Store) => T | Promise<T>): Promise<T> {
  const config = loadConfig(process.env);
  const store = createStore(await openDatabase(config));
  try {
    return await fn(config, store);
  } finally {
    await store.close();
  }
}

const program = new Command('roadmap-coach')
  .description('A study coach for Slack and Discord teams')
  .showHelpAfterError();

program
  .command('start', { isDefault: true })
  .description('run the bot: the configured platforms, or the terminal chat when none is')
  .action(() => guarded(() => runBot(false)));
program
  .command('chat')
  .description('open the terminal chat (even when platform tokens are set)')
  .action(() => guarded(() => runBot(true)));
program
  .command('migrate')
  .description('apply pending database migrations and exit')
  .action(() =>
    guarded(async () => {
      const config = loadConfig(process.env);
      await (await openDatabase(config)).close(); // opening migrates
      console.log(`Database ${describeDatabase(config)} is up to date.`);
    }),
  );
program
  .command('load-content')
  .description('load content/*.md into the database and report; exits 1 if a file is rejected')
  .action(() =>
    guarded(() =>
      withStore(async (config, store) => {
        const report = await loadContent(config.CONTENT_DIR, store, systemClock.now().getTime());
        for (const l of report.loaded) {
          const changes = `${l.added} added, ${l.updated} updated, ${l.restored} restored, ${l.retired} retired`;
          console.log(`${l.roadmap}: ${plural(l.topics, 'topic')} (${l.unchanged ? 'unchanged' : changes})`);
        }
        for (const f of report.failed) console.error(`rejected, ${consequence(f)}: ${f.message}`);
        process.exitCode = report.failed.length ? 1 : 0;
      }),
    ),
  );
// Each platform's own subcommands (Discord's discord-register).
for (const cli of PLATFORMS.flatMap((p) => p.cli ?? [])) {
  const command = program.command(cli.name).description(cli.description);
  for (const option of cli.options ?? []) command.option(option.flags, option.description);
  command.action((options: Record<string, string | undefined>) =>
    guarded(async () => {
      console.log(await cli.run({ config: loadConfig(process.env), commands: COMMANDS, options }));
    }),
  );
}
program
  .command('backup <file>')
  .description('write a consistent copy of the database to <file>, safe while the bot runs')
  .action((file: string) =>
    guarded(async () => {
      const config = loadConfig(process.env);
      if (config.DATABASE_URL) throw postgresBackupRefusal(describeDatabase(config));
      const { pages } = await backupDatabase(config.DATABASE_PATH, file);
      console.log(`Backed up ${config.DATABASE_PATH} to ${file} (${pages} pages).`);
    }),
  );

await program.parseAsync();
