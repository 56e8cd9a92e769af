// Slack as a listed platform: its variables and the rules between them (written here only), when it runs, how its
// adapter is made (Bolt is imported only then), and its route on the bot's HTTP server in HTTP mode.
import { z } from 'zod';
import { httpUrl, optional } from '../../env.ts';
import { definePlatform, whenStarted } from '../platform.ts';
import { keyBytes } from './seal.ts';

const env = {
  SLACK_BOT_TOKEN: optional(z.string().startsWith('xoxb-', 'a bot token starting with xoxb-')),
  SLACK_SIGNING_SECRET: optional(z.string().min(16, "the signing secret from the app's Basic Information page")),
  SLACK_APP_TOKEN: optional(z.string().startsWith('xapp-', 'an app-level token starting with xapp- (Socket Mode)')),
  SLACK_CLIENT_ID: optional(z.string().regex(/^\d+\.\d+$/, 'the client id from Basic Information, like 1234.5678')),
  SLACK_CLIENT_SECRET: optional(z.string().min(16, 'the client secret from Basic Information')),
  SLACK_STATE_SECRET: optional(z.string().min(16, 'a random string of at least 16 characters')),
  SLACK_TOKEN_KEY: optional(
    z.string().refine((key) => keyBytes(key) !== undefined, {
      error: '32 bytes, as 64 hex characters (openssl rand -hex 32) or 44 base64 characters (openssl rand -base64 32)',
    }),
  ),
  SLACK_API_URL: optional(
    httpUrl.regex(/\/api\/$/, 'the Web API base, ending in /api/ (e.g. https://slack-gov.com/api/)'),
  ),
};

const OAUTH = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'];

/** Which variables go together: Socket Mode or HTTP, one workspace (bot token) or OAuth installs. */
function rules(has: (name: string) => boolean): string[] {
  const problems: string[] = [];
  const oauth = OAUTH.filter(has);
  if (has('SLACK_BOT_TOKEN') && !has('SLACK_SIGNING_SECRET') && !has('SLACK_APP_TOKEN')) {
    problems.push(
      'SLACK_SIGNING_SECRET or SLACK_APP_TOKEN: Slack needs one to receive events (HTTP mode or Socket Mode)',
    );
  }
  if (oauth.length) {
    for (const name of [...OAUTH, 'SLACK_SIGNING_SECRET', 'SLACK_TOKEN_KEY']) {
      if (!has(name)) problems.push(`${name}: required for Slack OAuth installs (set with ${oauth.join(', ')})`);
    }
  }
  if (has('SLACK_BOT_TOKEN') && oauth.length) {
    problems.push(`SLACK_BOT_TOKEN or ${oauth.join(', ')}: one workspace (bot token) or OAuth installs, not both`);
  }
  if (has('SLACK_APP_TOKEN') && oauth.length)
    problems.push('SLACK_APP_TOKEN: OAuth installs need HTTP mode; leave it unset');
  if (has('SLACK_APP_TOKEN') && !has('SLACK_BOT_TOKEN') && !oauth.length) {
    problems.push('SLACK_BOT_TOKEN: Socket Mode needs the bot token too (or the SLACK_CLIENT_* variables for OAuth)');
  }
  return problems;
}

export const slack = definePlatform({
  name: 'slack',
  env,
  rules,
  configured: (config) => Boolean(config.SLACK_BOT_TOKEN || config.SLACK_CLIENT_ID),
  setupHint: 'SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET or SLACK_APP_TOKEN (or the SLACK_CLIENT_* variables) for Slack',
  async create({ config, clock, log, installations }) {
    const { createSlackAdapter } = await import('./index.ts');
    return createSlackAdapter({
      clock,
      log,
      installations,
      options: {
        botToken: config.SLACK_BOT_TOKEN,
        signingSecret: config.SLACK_SIGNING_SECRET,
        appToken: config.SLACK_APP_TOKEN,
        clientId: config.SLACK_CLIENT_ID,
        clientSecret: config.SLACK_CLIENT_SECRET,
        stateSecret: config.SLACK_STATE_SECRET,
        encryptionKey: config.SLACK_TOKEN_KEY,
        apiUrl: config.SLACK_API_URL,
      },
    });
  },
  // HTTP mode: events, install and the OAuth redirect on the bot's one server. Bolt's request handler exists once
  // the adapter has started; until then the route answers 503.
  routes: (adapter, config) => (config.SLACK_APP_TOKEN ? [] : [whenStarted('/slack/', () => adapter.listener())]),
});
