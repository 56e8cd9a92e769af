// In HTTP mode a signed `/roadmap` slash command is answered here, straight after the guard, instead of through
// Bolt's dispatch (its middleware chain, listener matching and ack plumbing were a third of a command's time:
// decision 025). Everything else a Slack request can be (buttons, events, OAuth, other commands) still goes to Bolt.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Log } from '../../log.ts';
import type { SlashCommand, SlashCommandAnswer } from './slash-command.ts';

/** Which workspace's installation answers a command: a team's own, or its enterprise's org-wide one. */
export interface CommandSource {
  teamId: string;
  enterpriseId?: string;
  isEnterpriseInstall: boolean;
}

export interface SlashCommandEntryDeps {
  answer: SlashCommandAnswer;
  /** The bot token for the command's workspace, or undefined when it has none (not installed, uninstalled). */
  tokenFor: (source: CommandSource) => Promise<string | undefined>;
  log: Log;
}

/** Returns a function that answers a verified request and says true when it is a `/roadmap` command; false when it
 *  is anything else, for Bolt. */
export function createSlashCommandEntry(deps: SlashCommandEntryDeps) {
  return function answerIfCommand(req: IncomingMessage, res: ServerResponse, body: Buffer): boolean {
    const found = slashCommandOf(req, body);
    if (!found) return false;
    void answer(found.command, found.source, res).catch((error) => {
      deps.log.error('slack command failed', { err: error, team: found.source.teamId });
      if (!res.headersSent) res.writeHead(500).end(); // what Bolt answers a listener that threw before its ack
    });
    return true;
  };

  async function answer(command: SlashCommand, source: CommandSource, res: ServerResponse): Promise<void> {
    const token = await deps.tokenFor(source);
    if (!token) {
      // As Bolt does when authorisation fails: Slack tells the member the command failed.
      deps.log.warn('slack command from a workspace without an installation', { team: source.teamId });
      res.writeHead(401).end();
      return;
    }
    await deps.answer(command, token, async (message) => {
      if (message) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(message));
      else res.writeHead(200).end();
    });
  }
}

/** The request's `/roadmap` command when it is one (form-encoded, with every field the answer reads), and whose
 *  installation answers it; else undefined. */
function slashCommandOf(
  req: IncomingMessage,
  body: Buffer,
): { command: SlashCommand; source: CommandSource } | undefined {
  if (!req.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) return undefined;
  const form = new URLSearchParams(body.toString('utf8'));
  if (form.get('command') !== '/roadmap') return undefined;
  const [teamId, userId, responseUrl] = [form.get('team_id'), form.get('user_id'), form.get('response_url')];
  if (!teamId || !userId || !responseUrl) return undefined; // Bolt answers a malformed payload as it always has
  const optional = (name: string) => form.get(name) || undefined;
  const command: SlashCommand = {
    team_id: teamId,
    team_domain: optional('team_domain'),
    user_id: userId,
    user_name: form.get('user_name') || userId,
    channel_id: optional('channel_id'),
    trigger_id: optional('trigger_id'),
    text: form.get('text') ?? '',
    response_url: responseUrl,
  };
  const source: CommandSource = {
    teamId,
    enterpriseId: optional('enterprise_id'),
    isEnterpriseInstall: form.get('is_enterprise_install') === 'true',
  };
  return { command, source };
}
