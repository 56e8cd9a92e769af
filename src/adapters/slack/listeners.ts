// Bolt listeners: /roadmap, buttons, App Home, uninstall. Every request is answered within Slack's 3 s limit.
import type { App } from '@slack/bolt';
import type { Log } from '../../log.ts';
import type { Handle } from '../adapter.ts';
import { publishHome } from './home.ts';
import type { Profiles } from './profiles.ts';
import type { Responder } from './respond.ts';
import { fromAction, fromCommand, invocation } from './receive.ts';
import { render } from './render.ts';

export interface ListenerDeps {
  handle: Handle;
  profiles: Profiles;
  responder: Responder;
  log: Log;
  onUninstall: (team: { teamId?: string; enterpriseId?: string; isEnterpriseInstall: boolean }) => void;
  /** A slash command's reply that is ready this soon rides in the ack itself; a slower one goes by response_url. */
  ackWithinMs: number;
}

const later = (ms: number) => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms).unref());

export function registerListeners(app: App, deps: ListenerDeps): void {
  const { handle, profiles, log, responder } = deps;

  app.command('/roadmap', async ({ command, ack, client }) => {
    const asker = fromCommand(command);
    const message = (async () => {
      const profile = await profiles.get(client, asker.teamId, asker.userId, command.user_name);
      const reply = await handle(invocation(asker, profile, command.text));
      return { response_type: reply.visibility === 'channel' ? 'in_channel' as const : 'ephemeral' as const, ...render(reply) };
    })();
    // The core answers in well under a millisecond, so the reply nearly always goes back in the ack's own HTTP
    // response: no second request. Only when it is slow (a first users.info call, a busy database) is the ack empty
    // and the reply posted to the response_url afterwards.
    const ready = await Promise.race([message, later(deps.ackWithinMs)]);
    if (ready) return ack(ready);
    await ack();
    await responder.post(command.response_url, await message);
  });

  app.action({ type: 'block_actions', action_id: /^cmd:\d+$/ }, async ({ ack, body, action, client }) => {
    await ack();
    if (action.type !== 'button' || !action.value) return;
    const asker = fromAction(body);
    const profile = await profiles.get(client, asker.teamId, asker.userId, body.user.name ?? body.user.id);
    if (body.view?.type === 'home') {
      // A button on the Home tab: run it, then show the tab as it is now.
      await handle(invocation({ ...asker, channelId: undefined }, profile, action.value));
      await publishHome({ client, handle, profiles }, asker);
      return;
    }
    const reply = await handle(invocation(asker, profile, action.value));
    if (body.response_url) await responder.post(body.response_url, { replace_original: true, ...render(reply) });
  });

  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    await publishHome({ client, handle, profiles }, { teamId: body.team_id, userId: event.user });
  });

  app.event('app_uninstalled', async ({ body }) => {
    deps.onUninstall({ teamId: body.team_id, enterpriseId: body.enterprise_id, isEnterpriseInstall: Boolean(body.is_enterprise_install) });
  });

  app.event('tokens_revoked', async ({ event, body }) => {
    // We keep bot tokens only; a revoked user token changes nothing here.
    if (!event.tokens.bot?.length) return;
    deps.onUninstall({ teamId: body.team_id, enterpriseId: body.enterprise_id, isEnterpriseInstall: Boolean(body.is_enterprise_install) });
  });

  app.error(async (error) => {
    log.error('slack listener failed', { err: error });
  });
}
