// The Slack adapter's settings, as its platform.ts takes them from the checked configuration (the rules between them
// are there), and the mode they make: Socket Mode or HTTP, one workspace (bot token) or OAuth installs.
export interface SlackOptions {
  botToken?: string; // xoxb-…: one workspace
  signingSecret?: string; // HTTP mode: verifies every request
  appToken?: string; // xapp-…: Socket Mode, no public URL needed
  clientId?: string; // OAuth distribution (with clientSecret, stateSecret, encryptionKey)
  clientSecret?: string;
  stateSecret?: string;
  encryptionKey?: string; // 32 bytes, base64 or 64 hex characters: seals installations at rest
  apiUrl?: string; // Web API base, default https://slack.com/api/
  port?: number; // HTTP mode: listen here too (tests, the benchmark); 0 picks a free port
}

export type SlackMode = { transport: 'socket' | 'http'; auth: 'single' | 'oauth' };

export function slackMode(o: SlackOptions): SlackMode {
  return { transport: o.appToken ? 'socket' : 'http', auth: o.botToken ? 'single' : 'oauth' };
}
