// A second yardstick for the Slack bench: a Bolt app that answers `/roadmap` with our own answer (the core on the same
// seeded file, the same profile lookup, rendering and ack) through Bolt's listener, as the bot does in Socket Mode.
// Against the minimal Bolt app it shows what the command itself costs; against our bot, what our HTTP entry saves
// over Bolt's dispatch for the same work (docs/decisions/027). Run by bench/slack.ts as
// `node --import tsx bench/bolt-with-core.ts` with PORT, DATABASE_PATH, the signing secret and the fake Web API's
// address in its environment.
import { App, LogLevel } from '@slack/bolt';
import { boltLogger } from '../src/adapters/slack/bolt-logger.ts';
import { createFileDelivery } from '../src/adapters/slack/files.ts';
import { createProfiles } from '../src/adapters/slack/profiles.ts';
import { createResponder } from '../src/adapters/slack/respond.ts';
import { createSlashCommandAnswer } from '../src/adapters/slack/slash-command.ts';
import { quickClients } from '../src/adapters/slack/web-clients.ts';
import { systemClock } from '../src/clock.ts';
import { createCore } from '../src/core/index.ts';
import { createLog } from '../src/log.ts';
import { createStore } from '../src/store/index.ts';
import { openSqlite } from '../src/store/sqlite/engine.ts';

const TOKEN = 'xoxb-bench';
const apiUrl = process.env.SLACK_API_URL!;
const log = createLog('error');
const logger = boltLogger(log);
const store = createStore(openSqlite(process.env.DATABASE_PATH!)); // a copy of the bot's seeded, migrated file
const core = createCore({ store, clock: systemClock, log, defaultRoadmap: 'backend' });
const responder = createResponder();
const answer = createSlashCommandAnswer({
  handle: (invocation) => core.handle(invocation),
  profiles: createProfiles({ clock: systemClock, log, clientFor: quickClients(apiUrl, logger) }),
  responder,
  deliverFiles: createFileDelivery({ apiUrl, logger, log, responder }),
  ackWithinMs: 1500,
});

const app = new App({
  token: TOKEN,
  signingSecret: process.env.SLACK_SIGNING_SECRET!,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: apiUrl },
  convoStore: false, // as the bot configures Bolt (src/adapters/slack/index.ts)
});
app.command('/roadmap', async ({ command, ack }) => answer(command, TOKEN, (message) => ack(message)));
await app.start(Number(process.env.PORT));
process.on('SIGTERM', () => void app.stop().then(() => store.close().then(() => process.exit(0))));
