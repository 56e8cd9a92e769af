// manifest.yml is what a team pastes to create the Slack app: it must parse, and agree with what the code needs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BOT_SCOPES, OPTIONAL_BOT_SCOPES } from '../../../src/adapters/slack/index.ts';

const raw = readFileSync(new URL('../../../manifest.yml', import.meta.url), 'utf8');
const manifest = parse(raw);

describe('manifest.yml', () => {
  it('asks for exactly the scopes the bot uses, and declares /roadmap, interactivity, App Home and its events', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort());
    expect(manifest.features.slash_commands).toEqual([
      expect.objectContaining({ command: '/roadmap', url: 'https://YOUR-HOST/slack/events', should_escape: true }),
    ]);
    expect(manifest.settings.interactivity).toEqual({
      is_enabled: true,
      request_url: 'https://YOUR-HOST/slack/events',
    });
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([
      'app_home_opened',
      'app_uninstalled',
      'tokens_revoked',
    ]);
    expect(manifest.oauth_config.redirect_urls).toEqual(['https://YOUR-HOST/slack/oauth_redirect']);
  });

  it('offers the optional scopes the code can use as commented-out lines, and the README says what each is for', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    for (const scope of OPTIONAL_BOT_SCOPES) {
      expect(BOT_SCOPES).not.toContain(scope);
      expect(raw).toMatch(new RegExp(`^ {6}# - ${scope} # optional: `, 'm'));
      expect(readme).toMatch(new RegExp(`Optionally add \`${scope}\``));
    }
  });
});
