// Slack's variables and the rules between them, written once (slack/platform.ts) and checked with the rest of the
// configuration; the mode they make; and the sealing of installations at rest.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { slackMode } from '../../../src/adapters/slack/options.ts';
import { createSealer, keyBytes } from '../../../src/adapters/slack/seal.ts';
import { ConfigError, loadConfig } from '../../../src/config.ts';

const key = randomBytes(32).toString('base64');
const oauth = { clientId: '1.2', clientSecret: 's', stateSecret: 'st', encryptionKey: key, signingSecret: 'sig' };
const OAUTH = {
  SLACK_CLIENT_ID: '1.2',
  SLACK_CLIENT_SECRET: 'c'.repeat(20),
  SLACK_STATE_SECRET: 's'.repeat(20),
  SLACK_TOKEN_KEY: key,
  SLACK_SIGNING_SECRET: 'g'.repeat(20),
};
const SECRET = 's'.repeat(16);

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('slack settings', () => {
  it('accepts the four working combinations', () => {
    expect(slackMode({ botToken: 'xoxb-1', signingSecret: 's' })).toEqual({ transport: 'http', auth: 'single' });
    expect(slackMode({ botToken: 'xoxb-1', appToken: 'xapp-1' })).toEqual({ transport: 'socket', auth: 'single' });
    expect(slackMode(oauth)).toEqual({ transport: 'http', auth: 'oauth' });
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: SECRET })).toEqual([]);
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).toEqual([]);
    expect(problems({ ...OAUTH, SLACK_API_URL: 'http://127.0.0.1:9/api/' })).toEqual([]);
  });

  it('names every problem, each with its variable', () => {
    expect(problems({ SLACK_APP_TOKEN: 'xapp-1' })).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN: Socket Mode needs the bot token/),
    ]);
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1', ...OAUTH }).join()).toMatch(/not both/);
    expect(problems({ SLACK_CLIENT_ID: '1.2', SLACK_SIGNING_SECRET: SECRET }).join()).toMatch(
      /SLACK_CLIENT_SECRET: required .*SLACK_STATE_SECRET: required .*SLACK_TOKEN_KEY: required/,
    );
    expect(problems({ ...OAUTH, SLACK_APP_TOKEN: 'xapp-1' }).join()).toMatch(/HTTP mode/);
    expect(
      problems({ SLACK_BOT_TOKEN: 'xoxp-1', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: 'https://slack.com/api' }),
    ).toHaveLength(2);
    expect(problems({ ...OAUTH, SLACK_TOKEN_KEY: 'short' }).join()).toMatch(/32 bytes/);
  });

  it('takes the token key as 64 hex characters or as base64 of 32 bytes, as the adapter reads it', () => {
    const hex = randomBytes(32).toString('hex');
    expect(problems({ ...OAUTH, SLACK_TOKEN_KEY: hex })).toEqual([]);
    expect(problems({ ...OAUTH, SLACK_TOKEN_KEY: key })).toEqual([]);
    expect(keyBytes(hex)).toEqual(Buffer.from(hex, 'hex'));
    expect(keyBytes(key)).toEqual(Buffer.from(key, 'base64'));
    for (const wrong of [randomBytes(31).toString('base64'), 'g'.repeat(64), hex.slice(2)]) {
      expect(problems({ ...OAUTH, SLACK_TOKEN_KEY: wrong })).toEqual([
        expect.stringMatching(/^SLACK_TOKEN_KEY: 32 bytes/),
      ]);
    }
  });

  it('seals and opens with AES-256-GCM; a changed byte or another key fails', () => {
    const sealer = createSealer(keyBytes(key)!);
    const sealed = sealer.seal('xoxb-secret');
    expect(sealed).not.toContain('xoxb');
    expect(sealer.open(sealed)).toBe('xoxb-secret');
    expect(sealer.seal('xoxb-secret')).not.toBe(sealed);
    expect(() => createSealer(randomBytes(32)).open(sealed)).toThrow();
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => sealer.open(tampered)).toThrow();
    expect(keyBytes('ab'.repeat(32))).toHaveLength(32);
  });
});
