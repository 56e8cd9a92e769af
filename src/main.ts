// Entry point: the command line (commander). The only module with process-wide effects: env, signals, exit codes.
import { userInfo } from 'node:os';
import { Command } from 'commander';
import { registerDiscordCommands } from './adapters/discord/index.ts';
import { startApp, StartError } from './app.ts';
import { systemClock } from './clock.ts';
import { ConfigError, loadConfig, platformsOf, type Config } from './config.ts';
import { syncContent } from './content/sync.ts';
import { COMMANDS } from './core/commands/index.ts';
import { createLog, type Log } from './log.ts';
import { backupDatabase } from './ops/backup.ts';
import { openDb } from './store/db.ts';
import { createStore } from './store/index.ts';

function configOrExit(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

async function runBot(forceChat: boolean): Promise<void> {
  const config = configOrExit();
  const platforms = platformsOf(config);
  // With a platform token set the bot never reads stdin, unless asked for the chat explicitly.
  const chat = forceChat || (!platforms.slack && !platforms.discord);
  const log = createLog(config.LOG_LEVEL ?? (chat ? 'warn' : 'info'));
  const me = userInfo().username || 'me';
  let app: Awaited<ReturnType<typeof startApp>>;
  const stop = (code: number) => void app.stop().then(() => process.exit(code), (err) => {
    log.error('shutdown failed', { err });
    process.exit(1);
  });
  try {
    app = await startApp({
      config, log,
      terminal: chat
        ? { input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY), user: { id: me, displayName: me }, onEnd: () => stop(0) }
        : undefined,
    });
  } catch (error) {
    if (!(error instanceof StartError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  handleSignals(log, () => stop(0));
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

function withStore<T>(fn: (config: Config, store: ReturnType<typeof createStore>) => T): T {
  const config = configOrExit();
  const db = openDb(config.DATABASE_PATH);
  try {
    return fn(config, createStore(db));
  } finally {
    db.$client.close();
  }
}

const program = new Command('roadmap-coach').description('A study coach for Slack and Discord teams').showHelpAfterError();

program.command('start', { isDefault: true }).description('run the bot: the configured platforms, or the terminal chat when none is')
  .action(() => runBot(false));
program.command('chat').description('open the terminal chat (even when platform tokens are set)').action(() => runBot(true));
program.command('migrate').description('apply pending database migrations and exit')
  .action(() => withStore((config) => console.log(`Database ${config.DATABASE_PATH} is up to date.`)));
program.command('load-content').description('load content/*.md into the database and report; exits 1 if a file is rejected')
  .action(() => withStore((config, store) => {
    const report = syncContent(config.CONTENT_DIR, store, systemClock.now().getTime());
    for (const l of report.loaded) {
      console.log(`${l.roadmap}: ${l.topics} topics (${l.unchanged ? 'unchanged' : `${l.added} added, ${l.updated} updated, ${l.retired} retired`})`);
    }
    for (const f of report.failed) console.error(`rejected: ${f.message}`);
    process.exitCode = report.failed.length ? 1 : 0;
  }));
program.command('discord-register').description('register /roadmap with Discord: globally, or to DISCORD_GUILD_ID (instant, for development)')
  .option('--guild <id>', 'register to this one server instead (overrides DISCORD_GUILD_ID)')
  .action(async (opts: { guild?: string }) => {
    const config = configOrExit();
    if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) {
      process.stderr.write('discord-register needs DISCORD_TOKEN and DISCORD_APPLICATION_ID.\n');
      process.exit(1);
    }
    const guildId = opts.guild ?? config.DISCORD_GUILD_ID;
    await registerDiscordCommands({
      token: config.DISCORD_TOKEN, applicationId: config.DISCORD_APPLICATION_ID, guildId, apiUrl: config.DISCORD_API_URL, commands: COMMANDS,
    });
    console.log(`Registered /roadmap ${guildId ? `to server ${guildId}` : 'globally (it can take up to an hour to appear everywhere)'}.`);
  });
program.command('backup <file>').description('write a consistent copy of the database to <file>, safe while the bot runs')
  .action(async (file: string) => {
    const config = configOrExit();
    const { pages } = await backupDatabase(config.DATABASE_PATH, file);
    console.log(`Backed up ${config.DATABASE_PATH} to ${file} (${pages} pages).`);
  });

await program.parseAsync();
