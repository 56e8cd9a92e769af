// Routes Slack events to handle (Bolt listeners): /roadmap, buttons, App Home, uninstall. Every request is answered
// within Slack's 3 s limit.
import type { App, webApi } from '@slack/bolt';
import type { Log } from '../../log.ts';
import type { Handle } from '../adapter.ts';
import { type DeliverFiles, withFileNote } from './files.ts';
import { publishHome } from './home.ts';
import type { Profiles } from './profiles.ts';
import { fromAction, fromCommand, invocation } from './receive.ts';
import { render } from './render.ts';
import type { Responder } from './respond.ts';

export interface RouteDeps {
  handle: Handle;
  profiles: Profiles;
  responder: Responder;
  log: Log;
  onUninstall: (team: { teamId?: string; enterpriseId?: string; isEnterpriseInstall: boolean }) => Promise<void>;
  /** A slash command's reply that is ready this soon rides in the ack itself; a slower one goes by response_url. */
  ackWithinMs: number;
  /** Web API clients for calls someone is waiting on (Bolt's own retries for half an hour). */
  clientFor: (token: string) => webApi.WebClient;
  /** A reply's files (`export`), uploaded to the member's DM once the reply itself has been answered. */
  deliverFiles: DeliverFiles;
}

/** The bot token this request was authorised with (per workspace under OAuth); the client holds the same one. */
const tokenOf = (context: { botToken?: string }, client: { token?: string }): string =>
  context.botToken ?? client.token ?? '';

/** The promise's value if it settles within `ms`, else undefined. The timer is cleared at once when it does. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, ms, undefined)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

export function registerRoutes(app: App, deps: RouteDeps): void {
  routeCommand(app, deps);
  routeButtons(app, deps);
  routeEvents(app, deps);
  app.error(async (error) => {
    deps.log.error('slack listener failed', { err: error });
  });
}

/** /roadmap: the reply rides in the ack when it is ready in time, else goes by response_url; files follow. */
function routeCommand(app: App, deps: RouteDeps): void {
  const { handle, profiles, responder, deliverFiles } = deps;
  app.command('/roadmap', async ({ command, ack, client, context }) => {
    const asker = fromCommand(command);
    const answer = (async () => {
      const profile = await profiles.get(tokenOf(context, client), asker.teamId, asker.userId, command.user_name);
      const reply = await handle(invocation(asker, profile, command.text));
      const message = {
        response_type: reply.visibility === 'channel' ? ('in_channel' as const) : ('ephemeral' as const),
        ...render(withFileNote(reply)),
      };
      return { reply, message };
    })();
    // The core answers in well under a millisecond, so the reply nearly always goes back in the ack's own HTTP
    // response: no second request. Only when it is slow (a first users.info call, a busy database) is the ack empty
    // and the reply posted to the response_url afterwards.
    const ready = await within(answer, deps.ackWithinMs);
    if (ready) await ack(ready.message);
    else {
      await ack();
      await responder.post(command.response_url, (await answer).message);
    }
    // Files only after the answer: the ack cannot carry them, and uploads may take longer than Slack's 3 s.
    const { reply } = await answer;
    await deliverFiles(
      { token: tokenOf(context, client), userId: asker.userId, responseUrl: command.response_url },
      reply.files,
    );
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
