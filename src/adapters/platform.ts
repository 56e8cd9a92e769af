// What a platform declares to be listed in src/platforms.ts: its name, its environment variables and their rules,
// when it counts as configured, how its adapter is made, and what it adds to the HTTP server and the command line.
// Every platform.ts is loaded at start, configured or not: it imports nothing heavy, its adapter comes in create().
import type { RequestListener } from 'node:http';
import type { z } from 'zod';
import type { Clock } from '../clock.ts';
import type { Command } from '../core/commands/command.ts';
import type { SuggestTopics } from '../core/index.ts';
import type { Log } from '../log.ts';
import type { Adapter } from './adapter.ts';
import type { SlackInstallations } from './slack/installations.ts';

/** What the app hands every platform's create(); each takes what it needs. */
export interface PlatformDeps<C> {
  config: C; // the checked configuration, this platform's variables typed
  clock: Clock;
  log: Log; // its lines carry { platform }
  commands: readonly Command[]; // core.commands: menus and folding derive from them
  suggestTopics: SuggestTopics; // core.suggestTopics, for autocomplete
  /** What the app keeps for platforms in the store: Slack's sealed OAuth installations. */
  installations: SlackInstallations;
}

/** A path prefix on the bot's one HTTP server, e.g. Slack's /slack/ in HTTP mode. */
export interface HttpRoute {
  prefix: string;
  handler: RequestListener;
}

/** A route mounted before its adapter starts: the adapter's handler once it exists, until then 503 (try again). */
export function whenStarted(prefix: string, handler: () => RequestListener | undefined): HttpRoute {
  return {
    prefix,
    handler: (req, res) => {
      const ready = handler();
      if (ready) return ready(req, res);
      res.writeHead(503, { 'retry-after': '5' }).end();
    },
  };
}

/** A command-line subcommand of the bot's own (src/main.ts), e.g. `discord-register`. */
export interface CliCommand<C> {
  name: string;
  description: string;
  options?: readonly { flags: string; description: string }[];
  /** Runs with the checked configuration; what it resolves to is printed. A SetupError is printed as its two lines. */
  run(deps: {
    config: C;
    commands: readonly Command[];
    options: Readonly<Record<string, string | undefined>>;
  }): Promise<string>;
}

type ConfigOf<S extends z.ZodRawShape> = z.infer<z.ZodObject<S>>;

export interface Platform<S extends z.ZodRawShape = z.ZodRawShape, A extends Adapter = Adapter> {
  readonly name: string;
  /** Its environment variables, merged into the one configuration schema (src/config.ts). */
  readonly env: S;
  /** Rules between its variables: each problem names every variable that would satisfy it. */
  rules?(isSet: (variable: string) => boolean): string[];
  /** Whether the configuration turns it on. None on: the terminal chat runs. */
  configured(config: ConfigOf<S>): boolean;
  /** What to set to turn it on, for the message when nothing is configured and there is no terminal. */
  readonly setupHint: string;
  /** Its adapter; the platform's library is imported here, so an unconfigured platform costs nothing. */
  create(deps: PlatformDeps<ConfigOf<S>>): Promise<A>;
  /** Routes on the bot's HTTP server, mounted before the adapter starts. */
  routes?(adapter: A, config: ConfigOf<S>): HttpRoute[];
  readonly cli?: readonly CliCommand<ConfigOf<S>>[];
}

/** A platform typed against its own variables and adapter, handed to the list as any platform. */
export function definePlatform<S extends z.ZodRawShape, A extends Adapter>(platform: Platform<S, A>): Platform {
  return platform as unknown as Platform;
}
