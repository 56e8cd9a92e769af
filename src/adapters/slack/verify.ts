// Before Bolt starts: one auth.test without retries, so an unreachable Slack or a wrong token fails the start at once,
// naming the method and the address, instead of Bolt's client retrying in the background for minutes.
import type { webApi } from '@slack/bolt';

const SLACK_API = 'https://slack.com/api/';

interface CallError {
  code?: string;
  data?: { error?: string };
  original?: { message?: string; code?: string; cause?: { code?: string; message?: string } };
  message?: string;
}

/** The team and bot user the token belongs to; throws an Error that says what failed, where, and why. */
export async function verifyBotToken(
  client: webApi.WebClient,
  apiUrl = SLACK_API,
): Promise<{ teamId?: string; botUserId?: string }> {
  const url = `${apiUrl}auth.test`;
  try {
    const answer = await client.auth.test();
    return { teamId: answer.team_id, botUserId: answer.user_id };
  } catch (caught) {
    const error = caught as CallError;
    if (error.code === 'slack_webapi_platform_error') {
      throw new Error(`Slack refused the bot token: auth.test at ${url} answered "${error.data?.error ?? 'error'}"`);
    }
    const cause =
      error.original?.cause?.code ??
      error.original?.code ??
      error.original?.cause?.message ??
      error.original?.message ??
      error.message;
    throw new Error(`Slack did not answer auth.test at ${url} (${cause})`);
  }
}
