// Which option combinations the Slack adapter accepts, and the sealing of secrets at rest.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyBytes, slackMode, slackOptionProblems } from '../../../src/adapters/slack/options.ts';
import { createSealer } from '../../../src/adapters/slack/seal.ts';

const key = randomBytes(32).toString('base64');
const oauth = { clientId: '1.2', clientSecret: 's', stateSecret: 'st', encryptionKey: key, signingSecret: 'sig' };

describe('slack options', () => {
  it('accepts the four working combinations', () => {
    expect(slackMode({ botToken: 'xoxb-1', signingSecret: 's' })).toEqual({ transport: 'http', auth: 'single' });
    expect(slackMode({ botToken: 'xoxb-1', appToken: 'xapp-1' })).toEqual({ transport: 'socket', auth: 'single' });
    expect(slackMode(oauth)).toEqual({ transport: 'http', auth: 'oauth' });
    expect(slackOptionProblems({ ...oauth, apiUrl: 'http://127.0.0.1:9/api/', port: 0 })).toEqual([]);
  });

  it('names every problem', () => {
    expect(slackOptionProblems({})).toHaveLength(2);
    expect(slackOptionProblems({ botToken: 'xoxb-1', ...oauth }).join()).toMatch(/not both/);
    expect(slackOptionProblems({ clientId: '1', signingSecret: 's' }).join()).toMatch(/missing clientSecret, stateSecret, encryptionKey/);
    expect(slackOptionProblems({ ...oauth, appToken: 'xapp-1' }).join()).toMatch(/HTTP mode/);
    expect(slackOptionProblems({ botToken: 'xoxp-1', signingSecret: 's', apiUrl: 'https://slack.com/api', port: 70000 })).toHaveLength(3);
    expect(slackOptionProblems({ ...oauth, encryptionKey: 'short' }).join()).toMatch(/32 bytes/);
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
