// Every environment variable, in one zod schema checked once at start: the bot's own here, and each listed
// platform's (its platform.ts). An empty variable counts as unset. Which platforms start follows from which are
// configured; none configured means the terminal chat.
import { z } from 'zod';
import type { Platform } from './adapters/platform.ts';
import { type Env, httpUrl, isSet, optional, withDefault } from './env.ts';
import { PLATFORMS } from './platforms.ts';

const BASE = {
  DATABASE_PATH: withDefault(z.string(), './data/roadmap-coach.db'),
  // Set: PostgreSQL, and DATABASE_PATH is not used. Unset: SQLite at DATABASE_PATH.
  DATABASE_URL: optional(
    z.url({
      protocol: /^postgres(ql)?$/,
      error: 'a postgres:// or postgresql:// URL, e.g. postgres://bot@db:5432/coach',
    }),
  ),
  DATABASE_POOL_SIZE: optional(
    z.coerce.number({ error: 'a whole number of connections' }).int('a whole number of connections').min(1).max(1000),
  ).transform((n) => n ?? 10),
  // How many copies of the bot run on this one database (a hosted deployment behind a load balancer). More than one
  // needs PostgreSQL and rules out what only one process can do (Slack's Socket Mode). Ticking and sending are
  // elected on PostgreSQL whatever it says: a rolling deploy briefly runs two copies of a one-replica bot.
  REPLICAS: optional(
    z.coerce
      .number({ error: 'a whole number of bot processes' })
      .int('a whole number of bot processes')
      .min(1, 'at least 1')
      .max(100, 'at most 100'),
  ).transform((n) => n ?? 1),
  CONTENT_DIR: withDefault(z.string(), './content'),
  DEFAULT_ROADMAP: withDefault(
    z.string().regex(/^[a-z0-9_-]+$/, 'a content file name without .md, e.g. backend'),
    'backend',
  ),
  LOG_LEVEL: optional(z.enum(['debug', 'info', 'warn', 'error', 'silent'])),
  PORT: optional(z.coerce.number({ error: 'a port number' }).int().min(0).max(65535)),
  // Where members' browsers reach this bot's HTTP server: the base of `dashboard` links. An origin only, since the
  // dashboard's pages and redirects live at /dashboard on it; a trailing slash is dropped.
  PUBLIC_URL: optional(
    httpUrl
      .refine(
        (url) => /^https?:\/\/[^/?#]+\/?$/i.test(url),
        'an http(s) origin with no path, e.g. https://coach.example.com',
      )
      .transform((url) => url.replace(/\/$/, '')),
  ),
};

/** The bot's own settings, typed; each platform reads its own variables from the rest. */
export type Config = z.infer<z.ZodObject<typeof BASE>> & Readonly<Record<string, unknown>>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}\n` +
        'See the Configuration section of README.md.',
    );
    this.name = 'ConfigError';
  }
}

/** Lists every problem at once, each naming the variable and what it expects. */
export function loadConfig(env: Env, platforms: readonly Platform[] = PLATFORMS): Config {
  const schema = z.object(Object.assign({}, BASE, ...platforms.map((p) => p.env)) as typeof BASE);
  const result = schema.safeParse(env);
  const replicas = result.success ? result.data.REPLICAS : 1;
  const problems = [
    ...(result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)),
    ...(replicas > 1 && !isSet(env, 'DATABASE_URL')
      ? [`DATABASE_URL: REPLICAS=${replicas} share one PostgreSQL database; SQLite serves a single process`]
      : []),
    ...platforms.flatMap((p) => p.rules?.((name) => isSet(env, name), { replicas }) ?? []),
  ];
  if (problems.length) throw new ConfigError(problems);
  return result.data as Config;
}

/** Every variable the configuration reads: the bot's own, then each listed platform's (for checks of deploy files). */
export function configVariables(platforms: readonly Platform[] = PLATFORMS): string[] {
  return [...Object.keys(BASE), ...platforms.flatMap((p) => Object.keys(p.env))];
}

/** Which listed platforms the configuration turns on, by name. */
export function platformsOf(config: Config, platforms: readonly Platform[] = PLATFORMS): Record<string, boolean> {
  return Object.fromEntries(platforms.map((p) => [p.name, p.configured(config)]));
}
