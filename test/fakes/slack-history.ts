// The fake Slack's message history: what chat.postMessage posted, per channel, and conversations.history over it as
// Slack answers — newest first, metadata only when asked for, and missing_scope without the scope a DM's history needs.
import type { SlackCall } from './slack-api.ts';

export interface PostedMessage {
  channel: string;
  ts: string;
  text: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

export function createSlackHistory(scopes: readonly string[]) {
  const posted: PostedMessage[] = [];
  let seq = 0;
  const parse = (raw: unknown) => (typeof raw === 'string' ? JSON.parse(raw) : raw) as PostedMessage['metadata'];

  return {
    posted,
    /** Records a post; its ts is unique and increasing, as Slack's are within a channel. */
    post(c: SlackCall): { channel: string; ts: string } {
      const ts = `${Math.floor(Date.now() / 1000)}.${String(++seq).padStart(6, '0')}`;
      const channel = String(c.params.channel);
      posted.push({
        channel,
        ts,
        text: String(c.params.text ?? ''),
        ...(c.params.metadata ? { metadata: parse(c.params.metadata) } : {}),
      });
      return { channel, ts };
    },
    /** conversations.history: a DM (D…) needs im:history; a channel, channels:history. */
    history(c: SlackCall): Record<string, unknown> {
      const channel = String(c.params.channel);
      const needed = channel.startsWith('D') ? 'im:history' : 'channels:history';
      if (!scopes.includes(needed)) return { ok: false, error: 'missing_scope', needed, provided: scopes.join(',') };
      const withMetadata = String(c.params.include_all_metadata) === 'true';
      const limit = Number(c.params.limit ?? 100);
      const messages = posted
        .filter((m) => m.channel === channel)
        .reverse()
        .slice(0, limit)
        .map((m) => ({
          type: 'message',
          subtype: 'bot_message',
          bot_id: 'BBOT',
          text: m.text,
          ts: m.ts,
          ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}),
        }));
      return { messages, has_more: posted.filter((m) => m.channel === channel).length > limit, pin_count: 0 };
    },
  };
}
