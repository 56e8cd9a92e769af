// Answering `/roadmap`: the reply rides in the ack when it is ready in time, else goes by response_url; files follow.
// One answer for both ways a command arrives: Bolt's listener in Socket Mode (routes.ts), and in HTTP mode the
// signed request itself, straight after the guard (slash-command-entry.ts, decision 025).
import type { Handle } from '../adapter.ts';
import { type DeliverFiles, withFileNote } from './files.ts';
import type { Profiles } from './profiles.ts';
import { fromCommand, invocation } from './receive.ts';
import { render } from './render.ts';
import type { Responder } from './respond.ts';

/** The fields of Slack's slash command payload the answer reads. */
export interface SlashCommand {
  team_id: string;
  team_domain?: string;
  user_id: string;
  user_name: string;
  channel_id?: string;
  trigger_id?: string;
  text: string;
  response_url: string;
}

/** What the ack's HTTP response carries: the reply, or nothing when it goes by response_url. */
export type Ack = (message?: Record<string, unknown>) => Promise<void>;

export interface SlashCommandDeps {
  handle: Handle;
  profiles: Profiles;
  responder: Responder;
  deliverFiles: DeliverFiles;
  /** A reply that is ready this soon rides in the ack itself; a slower one goes by response_url. */
  ackWithinMs: number;
}

export function createSlashCommandAnswer(deps: SlashCommandDeps) {
  const { handle, profiles, responder, deliverFiles } = deps;
  /** token: the bot token this request was authorised with (per workspace under OAuth). */
  return async function answer(command: SlashCommand, token: string, ack: Ack): Promise<void> {
    const asker = fromCommand(command);
    const answering = (async () => {
      const profile = await profiles.get(token, asker.teamId, asker.userId, command.user_name);
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
    const ready = await within(answering, deps.ackWithinMs);
    if (ready) await ack(ready.message);
    else {
      await ack();
      await responder.post(command.response_url, (await answering).message);
    }
    // Files only after the answer: the ack cannot carry them, and uploads may take longer than Slack's 3 s.
    const { reply } = await answering;
    await deliverFiles({ token, userId: asker.userId, responseUrl: command.response_url }, reply.files);
  };
}

export type SlashCommandAnswer = ReturnType<typeof createSlashCommandAnswer>;

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
