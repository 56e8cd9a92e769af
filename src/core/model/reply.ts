// A platform-neutral message. Renderers turn it into Block Kit, Discord embeds or plain text, escaping every span:
// formatting is structure (strong, link, code), never markup inside a string.
export type Span =
  | string
  | { strong: string }
  | { code: string }
  | { link: string; url: string }
  | { user: string; name?: true }; // text a user typed: renderers quote it as plain text; a display name reads unquoted

export type Block =
  | { type: 'text'; spans: Span[] }
  | { type: 'fields'; fields: { label: string; value: Span[] }[] }
  | { type: 'progress'; label: string; done: number; total: number; note?: string }
  | { type: 'list'; items: Span[][] };

export interface Button {
  label: string;
  command: string; // the command text it runs, e.g. "done backend/apis/graphql/resolvers"
  style?: 'primary' | 'danger';
}

export interface Reply {
  heading?: string;
  blocks: Block[];
  buttons: Button[];
  visibility: 'private' | 'channel'; // private: only the asker sees it (ephemeral)
  files?: { name: string; mime: string; content: string }[]; // attachments, e.g. `export`'s JSON; adapters upload them
}

export const text = (...spans: Span[]): Block => ({ type: 'text', spans });
export const list = (items: Span[][]): Block => ({ type: 'list', items });

export function reply(parts: Partial<Reply> & { blocks: Block[] }): Reply {
  return { buttons: [], visibility: 'private', ...parts };
}

/** The text of a span list with no formatting, for plain renderers and tests. */
export function plain(spans: Span[]): string {
  return spans
    .map((s) =>
      typeof s === 'string' ? s : 'strong' in s ? s.strong : 'code' in s ? s.code : 'link' in s ? s.link : s.user,
    )
    .join('');
}
