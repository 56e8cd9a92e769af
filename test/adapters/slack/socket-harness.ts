// Socket Mode harness: a real SQLite file, the real core, the real Bolt app in Socket Mode, the fake Socket Mode
// server in front of the fake Web API. Requests are the HTTP tests' bodies, carried in Socket Mode envelopes.
import { createSlackAdapter } from '../../../src/adapters/slack/index.ts';
import { firstSeenOver } from '../../../src/first-seen.ts';
import { slackInstallationsOver } from '../../../src/slack-installations.ts';
import { startFakeSlack } from '../../fakes/slack-api.ts';
import { envelopes, startFakeSocketMode } from '../../fakes/slack-socket-mode.ts';
import { createBotBase } from './harness.ts';
import { actionBody, slashBody } from './requests.ts';

export const APP_TOKEN = 'xapp-1-A1-1234-socket-test';
export const BOT_TOKEN = 'xoxb-test-token';

export async function startSocketBot() {
  const base = await createBotBase('slack-socket-test-');
  const { clock, log, store, core } = base;
  const api = await startFakeSlack();
  const socket = await startFakeSocketMode({ appToken: APP_TOKEN, upstream: api.url });
  const adapter = createSlackAdapter({
    clock,
    log,
    installations: slackInstallationsOver(store),
    firstSeen: firstSeenOver(store, clock),
    options: { botToken: BOT_TOKEN, appToken: APP_TOKEN, apiUrl: socket.apiUrl },
  });
  await adapter.start(core.handle); // resolves once the client has had its hello

  return {
    ...base,
    api,
    socket,
    adapter,
    /** /roadmap <text> as a slash_commands envelope; resolves with the ack. */
    command: (text: string, responseId: string) =>
      socket.deliver(
        envelopes.slashCommand(Object.fromEntries(new URLSearchParams(slashBody(text, api.responseUrl(responseId))))),
      ),
    /** The block_actions payload of a click on this button of an ephemeral message. */
    clickPayload(
      button: { action_id: string; value: string; text: { text: string } },
      responseId: string,
    ): Record<string, unknown> {
      const payload = JSON.parse(
        new URLSearchParams(actionBody(button.value, api.responseUrl(responseId))).get('payload')!,
      ) as Record<string, unknown>;
      return { ...payload, actions: [{ type: 'button', block_id: 'b1', action_ts: '1.3', ...button }] };
    },
    async close() {
      await adapter.stop();
      await socket.close();
      await api.close();
      await base.remove();
    },
  };
}

export type SocketBot = Awaited<ReturnType<typeof startSocketBot>>;
