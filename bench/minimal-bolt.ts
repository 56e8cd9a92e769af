// The Slack bench's yardstick: the smallest Bolt app that answers `/roadmap` (an empty ack), in HTTP mode, in a
// process of its own. Run by bench/slack.ts as `node --import tsx bench/minimal-bolt.ts` with PORT, the signing
// secret and the fake Web API's address in its environment.
import { App, LogLevel } from '@slack/bolt';

const app = new App({
  token: 'xoxb-bench',
  signingSecret: process.env.SLACK_SIGNING_SECRET!,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL! },
});
app.command('/roadmap', async ({ ack }) => {
  await ack();
});
await app.start(Number(process.env.PORT));
process.on('SIGTERM', () => void app.stop().then(() => process.exit(0)));
