// Which Slack settings go together: Socket Mode or HTTP, one workspace (bot token) or OAuth installs.
export interface SlackOptions {
  botToken?: string; // xoxb-…: one workspace
  signingSecret?: string; // HTTP mode: verifies every request
  appToken?: string; // xapp-…: Socket Mode, no public URL needed
  clientId?: string; // OAuth distribution (with clientSecret, stateSecret, encryptionKey)
  clientSecret?: string;
  stateSecret?: string;
  encryptionKey?: string; // 32 bytes, base64 or 64 hex characters: seals installations at rest
  apiUrl?: string; // Web API base, default https://slack.com/api/
  port?: number; // HTTP mode: where /slack/events (and /slack/install) listen; 0 picks a free port
}

export type SlackMode = { transport: 'socket' | 'http'; auth: 'single' | 'oauth' };

const OAUTH_KEYS = ['clientId', 'clientSecret', 'stateSecret', 'encryptionKey'] as const;

/** Every problem with a set of options, each naming what is expected; empty when the combination works. */
export function slackOptionProblems(o: SlackOptions): string[] {
  const problems: string[] = [];
  const oauthGiven = OAUTH_KEYS.filter((k) => o[k]);
  if (o.botToken && oauthGiven.length) problems.push('give either a bot token (one workspace) or the OAuth settings (many workspaces), not both');
  if (!o.botToken && oauthGiven.length === 0) problems.push('a bot token (xoxb-…) or the OAuth settings (client id, client secret, state secret, encryption key) are required');
  if (oauthGiven.length && oauthGiven.length < OAUTH_KEYS.length) {
    problems.push(`OAuth installs need all of ${OAUTH_KEYS.join(', ')}; missing ${OAUTH_KEYS.filter((k) => !o[k]).join(', ')}`);
  }
  if (o.botToken && !o.botToken.startsWith('xoxb-')) problems.push('the bot token must start with xoxb-');
  if (o.appToken && !o.appToken.startsWith('xapp-')) problems.push('the app-level token must start with xapp-');
  if (!o.appToken && !o.signingSecret) problems.push('HTTP mode needs the signing secret (or give an app-level token for Socket Mode)');
  if (o.appToken && oauthGiven.length) problems.push('OAuth installs need HTTP mode: leave the app-level token unset');
  if (o.encryptionKey && !keyBytes(o.encryptionKey)) problems.push('the encryption key must be 32 bytes: 44 base64 characters or 64 hex characters');
  if (o.apiUrl && !/^https?:\/\/[^\s]+\/api\/$/.test(o.apiUrl)) problems.push('the API URL must be an http(s) URL ending in /api/');
  if (o.port !== undefined && (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535)) problems.push('the port must be an integer from 0 to 65535');
  return problems;
}

export function slackMode(o: SlackOptions): SlackMode {
  const problems = slackOptionProblems(o);
  if (problems.length) throw new Error(`Slack options are not valid: ${problems.join('; ')}`);
  return { transport: o.appToken ? 'socket' : 'http', auth: o.botToken ? 'single' : 'oauth' };
}

/** The 32 key bytes, or undefined when the text is neither 64 hex characters nor base64 of 32 bytes. */
export function keyBytes(text: string): Buffer | undefined {
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  if (/^[A-Za-z0-9+/]{43}=?$/.test(text)) {
    const bytes = Buffer.from(text, 'base64');
    return bytes.length === 32 ? bytes : undefined;
  }
  return undefined;
}
