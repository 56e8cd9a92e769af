// Every environment variable, in one zod schema, checked once at start. An empty variable counts as unset.
// Which platforms start follows from which tokens are set; none set means the terminal chat.
import { z } from 'zod';

const unset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(unset, schema.optional());
const url = z.url({ protocol: /^https?$/, error: 'an http(s) URL' });

const fields = z.object({
  DATABASE_PATH: z.preprocess(unset, z.string().default('./data/roadmap-coach.db')),
  CONTENT_DIR: z.preprocess(unset, z.string().default('./content')),
  DEFAULT_ROADMAP: z.preprocess(unset, z.string().regex(/^[a-z0-9_-]+$/, 'a content file name without .md, e.g. backend').default('backend')),
  LOG_LEVEL: opt(z.enum(['debug', 'info', 'warn', 'error', 'silent'])),
  PORT: opt(z.coerce.number({ error: 'a port number' }).int().min(0).max(65535)),
  SLACK_BOT_TOKEN: opt(z.string().startsWith('xoxb-', 'a bot token starting with xoxb-')),
  SLACK_SIGNING_SECRET: opt(z.string().min(16, 'the signing secret from the app\'s Basic Information page')),
  SLACK_APP_TOKEN: opt(z.string().startsWith('xapp-', 'an app-level token starting with xapp- (Socket Mode)')),
  SLACK_CLIENT_ID: opt(z.string().regex(/^\d+\.\d+$/, 'the client id from Basic Information, like 1234.5678')),
  SLACK_CLIENT_SECRET: opt(z.string().min(16, 'the client secret from Basic Information')),
  SLACK_STATE_SECRET: opt(z.string().min(16, 'a random string of at least 16 characters')),
  SLACK_TOKEN_KEY: opt(z.string().regex(/^[0-9a-fA-F]{64}$/, '32 bytes as 64 hex characters (openssl rand -hex 32)')),
  SLACK_API_URL: opt(url.regex(/\/api\/$/, 'the Web API base, ending in /api/ (e.g. https://slack-gov.com/api/)')),
  DISCORD_TOKEN: opt(z.string().min(20, 'the bot token from the Developer Portal')),
  DISCORD_APPLICATION_ID: opt(z.string().regex(/^\d{15,25}$/, 'the numeric application id')),
  DISCORD_GUILD_ID: opt(z.string().regex(/^\d{15,25}$/, 'a numeric server (guild) id')),
  DISCORD_API_URL: opt(url),
});

export type Config = z.infer<typeof fields>;
type Env = Record<string, string | undefined>;

/** Rules between variables: each names every variable that would satisfy it. */
function crossChecks(env: Env): string[] {
  const has = (name: string) => unset(env[name]) !== undefined;
  const problems: string[] = [];
  const oauth = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'];
  if (has('SLACK_BOT_TOKEN') && !has('SLACK_SIGNING_SECRET') && !has('SLACK_APP_TOKEN')) {
    problems.push('SLACK_SIGNING_SECRET or SLACK_APP_TOKEN: Slack needs one to receive events (HTTP mode or Socket Mode)');
  }
  if (oauth.some(has)) {
    for (const name of [...oauth, 'SLACK_SIGNING_SECRET', 'SLACK_TOKEN_KEY']) {
      if (!has(name)) problems.push(`${name}: required for Slack OAuth installs (set with ${oauth.filter(has).join(', ')})`);
    }
  }
  if (has('SLACK_BOT_TOKEN') && oauth.some(has)) {
    problems.push(`SLACK_BOT_TOKEN or ${oauth.filter(has).join(', ')}: one workspace (bot token) or OAuth installs, not both`);
  }
  if (has('SLACK_APP_TOKEN') && oauth.some(has)) problems.push('SLACK_APP_TOKEN: OAuth installs need HTTP mode; leave it unset');
  if (has('SLACK_APP_TOKEN') && !has('SLACK_BOT_TOKEN') && !oauth.some(has)) {
    problems.push('SLACK_BOT_TOKEN: Socket Mode needs the bot token too (or the SLACK_CLIENT_* variables for OAuth)');
  }
  if (has('DISCORD_TOKEN') && !has('DISCORD_APPLICATION_ID')) problems.push('DISCORD_APPLICATION_ID: required with DISCORD_TOKEN');
  return problems;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee the Configuration section of README.md.`);
    this.name = 'ConfigError';
  }
}

/** Lists every problem at once, each naming the variable and what it expects. */
export function loadConfig(env: Env): Config {
  const result = fields.safeParse(env);
  const problems = [
    ...(result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)),
    ...crossChecks(env),
  ];
  if (problems.length) throw new ConfigError(problems);
  return result.data!;
}

export interface Platforms {
  slack: boolean;
  discord: boolean;
}

export function platformsOf(config: Config): Platforms {
  return { slack: Boolean(config.SLACK_BOT_TOKEN || config.SLACK_CLIENT_ID), discord: Boolean(config.DISCORD_TOKEN) };
}
