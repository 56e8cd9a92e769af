// Every environment variable, in one zod schema, checked once at start. An empty variable counts as unset.
import { z } from 'zod';

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema);

export const configSchema = z.object({
  DATABASE_PATH: optional(z.string().default('./data/roadmap-coach.db')).describe('SQLite file (created if missing)'),
  CONTENT_DIR: optional(z.string().default('./content')).describe('Folder of roadmap markdown files'),
  DEFAULT_ROADMAP: optional(z.string().regex(/^[a-z0-9-_]+$/, 'a content file name without .md, e.g. backend').default('backend'))
    .describe('Roadmap a new workspace follows'),
  LOG_LEVEL: optional(z.enum(['debug', 'info', 'warn', 'error', 'silent']).optional())
    .describe('Log level (default info; warn in the terminal chat)'),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Lists every problem at once, each naming the variable and what it expects. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
}
