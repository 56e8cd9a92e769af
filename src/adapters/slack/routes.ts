// Routes Slack events to handle (Bolt listeners): /roadmap, buttons, App Home, uninstall. Every request is answered
// within Slack's 3 s limit.
import type { App, webApi } from '@slack/bolt';
import type { Log } from '../../log.ts';
import type { Handle } from '../adapter.ts';
import { type DeliverFiles, withFileNote } from './files.ts';
import { publishHome } from './home.ts';
import type { Profiles } from './profiles.ts';
import { fromAction, invocation } from './receive.ts';
import { render } from './render.ts';
import type { Responder } from './respond.ts';
import type { SlashCommandAnswer } from './slash-command.ts';

export interface RouteDeps {
  handle: Handle;
  profiles: Profiles;
  responder: Responder;
  log: Log;
  onUninstall: (team: { teamId?: string; enterpriseId?: string; isEnterpriseInstall: boolean }) => Promise<void>;
  /** /roadmap's answer, the same whichever way the command arrived. */
  answerCommand: SlashCommandAnswer;
  /** Web API clients for calls someone is waiting on (Bolt's own retries for half an hour). */
  clientFor: (token: string) => webApi.WebClient;
  /** A reply's files (`export`), uploaded to the member's DM once the reply itself has been answered. */
  deliverFiles: DeliverFiles;
}

/** The bot token this request was authorised with (per workspace under OAuth); the client holds the same one. */
const tokenOf = (context: { botToken?: string }, client: { token?: string }): string =>
  context.botToken ?? client.token ?? '';

export function registerRoutes(app: App, deps: RouteDeps): void {
  routeCommand(app, deps);
  routeButtons(app, deps);
  routeEvents(app, deps);
  app.error(async (error) => {
    deps.log.error('slack listener failed', { err: error });
  });
}

/** /roadmap through Bolt (Socket Mode; in HTTP mode the entry answers it before Bolt would see it). */
function routeCommand(app: App, deps: RouteDeps): void {
  app.command('/roadmap', async ({ command, ack, client, context }) => {
    await deps.answerCommand(command, tokenOf(context, client), (message) => ack(message));
  });
}

/** A button: its value is the command text; the answer replaces the clicked message, or refreshes the Home tab. */
function routeButtons(app: App, deps: RouteDeps): void {
  const { handle, profiles, responder, deliverFiles } = deps;
  app.action({ type: 'block_actions', action_id: /^cmd:\d+$/ }, async ({ ack, body, action, client, context }) => {
    await ack();
    if (action.type !== 'button' || !action.value) return;
    const asker = fromAction(body);
    const profile = await profiles.get(
      tokenOf(context, client),
      asker.teamId,
      asker.userId,
      body.user.name ?? body.user.id,
    );
    const to = { token: tokenOf(context, client), userId: asker.userId };
    if (body.view?.type === 'home') {
      // A button on the Home tab: run it, then show the tab as it is
      // now. No response_url here: a failed upload is logged.
      const ran = await handle(invocation({ ...asker, channelId: undefined }, profile, action.value));
      await publishHome({ client: deps.clientFor(to.token), handle, profiles }, asker);
      await deliverFiles(to, ran.files);
      return;
    }
    const reply = await handle(invocation(asker, profile, action.value));
    // A reply for the channel is a new message everyone sees;
    // replacing the clicked (ephemeral) one would keep it private.
    const how =
      reply.visibility === 'channel'
        ? { response_type: 'in_channel' as const, replace_original: false }
        : { replace_original: true };
    if (body.response_url) await responder.post(body.response_url, { ...how, ...render(withFileNote(reply)) });
    await deliverFiles({ ...to, responseUrl: body.response_url }, reply.files);
  });
}

function routeEvents(app: App, deps: RouteDeps): void {
  const { handle, profiles } = deps;
  // One listener for all three events: Bolt runs every listener's matching chain on every request, slash commands
  // included, so each listener less is work saved on every command.
  app.event(/^(app_home_opened|app_uninstalled|tokens_revoked)$/, async ({ event, body, client, context }) => {
    const team = {
      teamId: body.team_id,
      enterpriseId: body.enterprise_id,
      isEnterpriseInstall: Boolean(body.is_enterprise_install),
    };
    switch (event.type) {
      case 'app_home_opened':
        if (event.tab === 'home') {
          await publishHome(
            { client: deps.clientFor(tokenOf(context, client)), handle, profiles },
            { teamId: body.team_id, userId: event.user },
          );
        }
        return;
      case 'app_uninstalled':
        return deps.onUninstall(team);
      case 'tokens_revoked':
        // We keep bot tokens only; a revoked user token changes nothing here.
        if (event.tokens.bot?.length) await deps.onUninstall(team);
        return;
    }
  });
}
