import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, platformsOf } from '../src/config.ts';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

const DISCORD = { DISCORD_TOKEN: 'x'.repeat(40), DISCORD_APPLICATION_ID: '123456789012345678' };
const SLACK = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 's'.repeat(32) };

describe('loadConfig', () => {
  it('has working defaults, treats empty variables as unset, and starts no platform without tokens', () => {
    const config = loadConfig({ DATABASE_PATH: '', LOG_LEVEL: '', PORT: '' });
    expect(config).toMatchObject({
      DATABASE_PATH: './data/roadmap-coach.db',
      CONTENT_DIR: './content',
      DEFAULT_ROADMAP: 'backend',
    });
    expect(config.PORT).toBeUndefined();
    expect(platformsOf(config)).toEqual({ slack: false, discord: false });
  });

  it('selects PostgreSQL by DATABASE_URL, with a pool of 10 unless told', () => {
    expect(loadConfig({ DATABASE_URL: '' })).toMatchObject({ DATABASE_URL: undefined, DATABASE_POOL_SIZE: 10 });
    for (const url of ['postgres://bot:pw@db.internal:5432/coach', 'postgresql://localhost/coach?sslmode=require'])
      expect(loadConfig({ DATABASE_URL: url, DATABASE_POOL_SIZE: '25' })).toMatchObject({
        DATABASE_URL: url,
        DATABASE_POOL_SIZE: 25,
      });
  });

  it.each([
    ['PORT', 'abc', 'a port number'],
    ['PORT', '70000', 'PORT'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL'],
    ['DEFAULT_ROADMAP', 'Back End', 'content file name'],
    ['SLACK_BOT_TOKEN', 'xoxp-user', 'xoxb-'],
    ['SLACK_APP_TOKEN', 'nope', 'xapp-'],
    ['SLACK_SIGNING_SECRET', 'short', 'signing secret'],
    ['SLACK_CLIENT_ID', 'abc', 'client id'],
    ['SLACK_CLIENT_SECRET', 'short', 'client secret'],
    ['SLACK_STATE_SECRET', 'short', '16 characters'],
    ['SLACK_TOKEN_KEY', 'not-hex', '64 hex'],
    ['SLACK_API_URL', 'ftp://slack', 'http(s) URL'],
    ['SLACK_API_URL', 'https://slack-gov.com/', 'ending in /api/'],
    ['DISCORD_TOKEN', 'short', 'bot token'],
    ['DISCORD_APPLICATION_ID', 'app', 'application id'],
    ['DISCORD_GUILD_ID', 'guild', 'guild'],
    ['DISCORD_API_URL', 'not a url', 'http(s) URL'],
    ['DISCORD_PUBLIC_KEY', 'ab'.repeat(31), '64 hex'],
    ['DISCORD_PUBLIC_KEY', `${'ab'.repeat(31)}zz`, '64 hex'],
    ['DATABASE_URL', 'mysql://db/coach', 'postgres:// or postgresql:// URL'],
    ['DATABASE_URL', './data/coach.db', 'postgres:// or postgresql:// URL'],
    ['DATABASE_POOL_SIZE', 'many', 'whole number'],
    ['DATABASE_POOL_SIZE', '2.5', 'whole number'],
    ['DATABASE_POOL_SIZE', '0', 'DATABASE_POOL_SIZE'],
    ['PUBLIC_URL', 'coach.example.com', 'http(s) URL'],
    ['PUBLIC_URL', 'ftp://coach.example.com', 'http(s) URL'],
    ['PUBLIC_URL', 'https://example.com/coach', 'no path'],
    ['PUBLIC_URL', 'https://coach.example.com/?a=1', 'no path'],
  ])('%s=%s is refused, saying what is expected', (name, value, expected) => {
    const found = problems({ ...SLACK, ...DISCORD, [name]: value });
    expect(found.some((p) => p.startsWith(`${name}: `) && p.includes(expected))).toBe(true);
  });

  it('PUBLIC_URL, the base of dashboard links, loses a trailing slash and keeps its port', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://coach.example.com/' }).PUBLIC_URL).toBe('https://coach.example.com');
    expect(loadConfig({ PUBLIC_URL: 'http://10.0.0.5:8080' }).PUBLIC_URL).toBe('http://10.0.0.5:8080');
    expect(loadConfig({ PUBLIC_URL: '' }).PUBLIC_URL).toBeUndefined();
  });

  it('REPLICAS: one by default; several need PostgreSQL, and refuse Slack Socket Mode and the Discord gateway with a line that says why', () => {
    expect(loadConfig({}).REPLICAS).toBe(1);
    const PG = { DATABASE_URL: 'postgres://bot@db:5432/coach' };
    expect(loadConfig({ ...PG, ...SLACK, REPLICAS: '3' }).REPLICAS).toBe(3);
    expect(problems({ REPLICAS: '2' })).toEqual([
      'DATABASE_URL: REPLICAS=2 share one PostgreSQL database; SQLite serves a single process',
    ]);
    const SOCKET = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_APP_TOKEN: 'xapp-1-A1-1-abc' };
    expect(problems({ ...PG, ...SOCKET })).toEqual([]); // one process on PostgreSQL may use Socket Mode
    expect(problems({ ...PG, ...SOCKET, REPLICAS: '2' })).toEqual([
      'SLACK_APP_TOKEN: Socket Mode cannot run with REPLICAS=2; unset it and use HTTP mode ' +
        '(SLACK_SIGNING_SECRET, requests through the load balancer to /slack/events)',
    ]);
    // Discord's gateway would hand every interaction to every replica: replicas take them over HTTP.
    expect(problems({ ...PG, ...DISCORD })).toEqual([]);
    expect(problems({ ...PG, ...DISCORD, REPLICAS: '2' })).toEqual([
      "DISCORD_PUBLIC_KEY: REPLICAS=2 take Discord's interactions over HTTP (each replica's gateway would receive " +
        'every one); set the Public Key and the Interactions Endpoint URL (README.md, Running several replicas)',
    ]);
    expect(problems({ ...PG, ...DISCORD, DISCORD_PUBLIC_KEY: 'ab'.repeat(32), REPLICAS: '2' })).toEqual([]);
    expect(problems({ ...PG, REPLICAS: '0' })).toEqual(['REPLICAS: at least 1']);
    expect(problems({ ...PG, REPLICAS: 'two' })).toEqual(['REPLICAS: a whole number of bot processes']);
  });

  it('lists every problem at once', () => {
    expect(problems({ PORT: 'x', LOG_LEVEL: 'y', DISCORD_APPLICATION_ID: 'z' })).toHaveLength(3);
  });

  it('a Slack bot token with neither a signing secret nor an app token names both', () => {
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual([
      expect.stringMatching(/^SLACK_SIGNING_SECRET or SLACK_APP_TOKEN: /),
    ]);
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).toEqual([]);
  });

  it('Slack OAuth needs all of its variables, and Discord needs its application id', () => {
    const oauth = problems({ SLACK_CLIENT_ID: '123.456' });
    for (const name of ['SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'SLACK_SIGNING_SECRET', 'SLACK_TOKEN_KEY']) {
      expect(oauth.some((p) => p.startsWith(`${name}: required for Slack OAuth`))).toBe(true);
    }
    expect(problems({ DISCORD_TOKEN: 'x'.repeat(40) })).toEqual([
      'DISCORD_APPLICATION_ID: required with DISCORD_TOKEN',
    ]);
    // HTTP mode still sends and registers with the bot token.
    expect(problems({ DISCORD_PUBLIC_KEY: 'ab'.repeat(32) })).toEqual([
      'DISCORD_TOKEN: required with DISCORD_PUBLIC_KEY',
    ]);
    expect(problems({ ...DISCORD, DISCORD_PUBLIC_KEY: 'AB'.repeat(32) })).toEqual([]);
    expect(problems({ SLACK_APP_TOKEN: 'xapp-1' })[0]).toMatch(/^SLACK_BOT_TOKEN: /);
    const both = {
      SLACK_CLIENT_ID: '1.2',
      SLACK_CLIENT_SECRET: 'c'.repeat(20),
      SLACK_STATE_SECRET: 's'.repeat(20),
      SLACK_SIGNING_SECRET: 'g'.repeat(20),
      SLACK_TOKEN_KEY: 'a'.repeat(64),
    };
    expect(problems(both)).toEqual([]);
    expect(problems({ ...both, SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual([expect.stringMatching(/not both$/)]);
    expect(problems({ ...both, SLACK_APP_TOKEN: 'xapp-1' })).toEqual([
      expect.stringMatching(/^SLACK_APP_TOKEN: OAuth installs need HTTP mode/),
    ]);
  });

  it('which platforms start follows from the tokens', () => {
    expect(platformsOf(loadConfig({ ...SLACK, ...DISCORD }))).toEqual({ slack: true, discord: true });
    expect(platformsOf(loadConfig(DISCORD))).toEqual({ slack: false, discord: true });
  });
});
