// A reply's files as Discord attachments: raw files for discord.js REST's multipart upload, plus the payload's
// `attachments` entries that reference them (files[n] ↔ { id: "n" }).
import type { RawFile } from 'discord.js';
import { type Reply, text } from '../../core/model/reply.ts';

/** Discord takes at most 10 attachments per message. */
export const MAX_ATTACHMENTS = 10;

export interface Attachments {
  files: RawFile[];
  /** Goes into the JSON payload; absent when there are no files so plain replies stay plain JSON. */
  payload: { attachments?: { id: string; filename: string }[] };
}

export function attachmentsFor(reply: Reply): Attachments {
  const files = (reply.files ?? []).slice(0, MAX_ATTACHMENTS);
  if (!files.length) return { files: [], payload: {} };
  return {
    // key pins the form field to the attachment id, whatever order discord.js keeps.
    files: files.map((f, i) => ({
      key: `files[${i}]`,
      name: f.name,
      contentType: f.mime,
      data: Buffer.from(f.content, 'utf8'),
    })),
    // Ids are snowflake strings in Discord's spec; the placeholder index "0", "1"… is what ties entry to part.
    payload: { attachments: files.map((f, i) => ({ id: String(i), filename: f.name })) },
  };
}

/** The reply once Discord refused its files: the text still goes out, and says the files did not. */
export function withoutFiles(reply: Reply): Reply {
  const names = (reply.files ?? []).map((f) => f.name).join(', ');
  const note = text('Sorry, I could not attach ', { code: names }, '. Please try again in a moment.');
  return { ...reply, files: undefined, blocks: [...reply.blocks, note] };
}
