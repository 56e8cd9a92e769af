// Workspaces: a Slack team, a Discord guild, or the local terminal. Each follows one roadmap.
import type { WorkspaceQueries, WorkspaceRow } from '../port.ts';
import type { Runner } from '../sql/database.ts';
import { assignments, toWorkspace, WORKSPACE_COLUMNS, workspaceColumns } from './columns.ts';

const BY_EXTERNAL_ID = `select ${workspaceColumns()} from workspaces where platform = @platform and external_id = @externalId`;
// A workspace's first commands can reach two replicas (or two connections) at once: the second insert waits for the
// first to commit and then does nothing, and the row is read back, rather than failing the command on the unique key.
const INSERT = `insert into workspaces (platform, external_id, name, roadmap_id, created_at)
  values (@platform, @externalId, @name, @roadmapId, @now) on conflict (platform, external_id) do nothing
  returning ${workspaceColumns()}`;

export function workspaceQueries(r: Runner): WorkspaceQueries {
  const find = async (platform: string, externalId: string) => {
    const row = await r.get<WorkspaceRow>(BY_EXTERNAL_ID, { platform, externalId });
    return row && toWorkspace(row);
  };
  return {
    find,
    async update(id, settings) {
      const set = assignments(WORKSPACE_COLUMNS, settings);
      const sql = set
        ? `update workspaces set ${set} where id = @id returning ${workspaceColumns()}`
        : `select ${workspaceColumns()} from workspaces where id = @id`;
      return toWorkspace((await r.get<WorkspaceRow>(sql, { ...settings, id }))!);
    },
    async ensure(input) {
      const found = await find(input.platform, input.externalId);
      if (found) return found;
      const row = await r.get<WorkspaceRow>(INSERT, {
        platform: input.platform,
        externalId: input.externalId,
        name: input.name ?? null,
        roadmapId: input.roadmapId,
        now: input.now,
      });
      return row ? toWorkspace(row) : (await find(input.platform, input.externalId))!;
    },
  };
}
