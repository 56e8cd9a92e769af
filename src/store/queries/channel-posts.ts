// When a board was last posted in each channel, so members' posts are spaced out across restarts and processes.
import type { ChannelPostQueries } from '../port.ts';
import type { Runner } from '../sql/database.ts';

const LAST =
  'select posted_at as "at" from channel_posts where workspace_id = @workspaceId and channel_id = @channelId';
const RECORD = `insert into channel_posts (workspace_id, channel_id, posted_at) values (@workspaceId, @channelId, @now)
  on conflict (workspace_id, channel_id) do update set posted_at = excluded.posted_at`;

export function channelPostQueries(r: Runner): ChannelPostQueries {
  return {
    async lastAt(workspaceId, channelId) {
      return (await r.get<{ at: number }>(LAST, { workspaceId, channelId }))?.at;
    },
    async record(workspaceId, channelId, now) {
      await r.run(RECORD, { workspaceId, channelId, now });
    },
  };
}
