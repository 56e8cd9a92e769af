// A reply's files, delivered privately: uploaded into the member's DM with the bot, since an ack cannot carry files.
import type { Logger } from '@slack/bolt';
import { reply as makeReply, type Reply, text } from '../../core/model/reply.ts';
import type { Log } from '../../log.ts';
import { render } from './render.ts';
import type { Responder } from './respond.ts';
import { apiBase, webClients } from './web-clients.ts';

export type ReplyFile = NonNullable<Reply['files']>[number];

export interface FileDeliveryDeps {
  apiUrl?: string;
  logger: Logger;
  log: Log;
  responder: Responder;
}

/** Who gets the files, with which workspace's bot token; responseUrl is where to say so when delivery fails. */
export interface FileRecipient {
  token: string;
  userId: string;
  responseUrl?: string;
}

/** The reply as the member sees it in Slack: it says where the files went, as they are not in this message. */
export function withFileNote(reply: Reply): Reply {
  if (!reply.files?.length) return reply;
  const names = reply.files.map((f) => f.name).join(', ');
  return {
    ...reply,
    blocks: [...reply.blocks, text('📎 Sent to you as a direct message from Roadmap Coach: ', { code: names })],
  };
}

export function createFileDelivery(deps: FileDeliveryDeps) {
  // A few quick retries, then the member hears that it failed: someone is waiting for this file now.
  const clientFor = webClients({
    ...apiBase(deps.apiUrl),
    logger: deps.logger,
    retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 1000 },
    rejectRateLimitedCalls: true,
    timeout: 30_000,
  });

  async function upload(to: FileRecipient, files: ReplyFile[]): Promise<void> {
    const client = clientFor(to.token);
    const opened = await client.conversations.open({ users: to.userId });
    const channel = opened.channel?.id;
    if (!channel) throw new Error(`conversations.open gave no channel for ${to.userId}`);
    // One at a time, so a failure names the file it stopped at and nothing is uploaded twice on a retry.
    for (const file of files) {
      await client.filesUploadV2({
        channel_id: channel,
        filename: file.name,
        title: file.name,
        file: Buffer.from(file.content, 'utf8'),
      });
    }
  }

  /** Uploads every file; never throws: a failure is logged and, where there is a response_url, told to the member. */
  return async function deliverFiles(to: FileRecipient, files: ReplyFile[] | undefined): Promise<boolean> {
    if (!files?.length) return true;
    try {
      await upload(to, files);
      return true;
    } catch (error) {
      deps.log.error('slack: could not deliver files', {
        err: error,
        user: to.userId,
        files: files.map((f) => f.name),
      });
      if (to.responseUrl) await tell(to.responseUrl, files, error);
      return false;
    }
  };

  async function tell(responseUrl: string, files: ReplyFile[], error: unknown): Promise<void> {
    const names = files.map((f) => f.name).join(', ');
    const missingScope = (error as { data?: { error?: string } }).data?.error === 'missing_scope';
    const why = missingScope
      ? 'Roadmap Coach is not allowed to upload files in this workspace yet: a workspace admin needs to reinstall ' +
        'the app.'
      : 'Please try again in a moment.';
    const apology = makeReply({
      blocks: [text('Sorry, I could not deliver ', { code: names }, ` to your direct messages. ${why}`)],
    });
    try {
      // replace_original false: a new ephemeral message under the answer, which stays as it was.
      await deps.responder.post(responseUrl, {
        response_type: 'ephemeral',
        replace_original: false,
        ...render(apology),
      });
    } catch (postError) {
      deps.log.error('slack: could not tell the member that their files were not delivered', { err: postError });
    }
  }
}

export type DeliverFiles = ReturnType<typeof createFileDelivery>;
