// Workspaces: a Slack team, a Discord guild, or the local terminal. Each follows one roadmap.
import type { WorkspaceQueries, WorkspaceRow } from '../port.ts';
import type { Runner } from '../sql/database.ts';
import type { ChangeVersion } from './change-version.ts';
import { assignments, toWorkspace, WORKSPACE_COLUMNS, workspaceColumns } from './columns.ts';

const BY_EXTERNAL_ID = `select ${workspaceColumns()} from workspaces where platform = @platform and external_id = @externalId`;
// A workspace's first commands can reach two replicas (or two connections) at once: the second insert waits for the
// first to commit and then does nothing, and the row is read back, rather than failing the command on the unique key.
// A new workspace's zone is UTC, whose offsets the migration wrote: its kept local days are complete from the start.
const INSERT = `insert into workspaces (platform, external_id, name, roadmap_id, created_at, days_zone, days_from)
  values (@platform, @externalId, @name, @roadmapId, @now, 'UTC', 0) on conflict (platform, external_id) do nothing
  returning ${workspaceColumns()}`;

/** Every command reads its workspace's row first; the rows change only when an admin changes a setting. So a row is
 *  kept for the process, with the change version it was read at (SQLite's data_version: another connection has
 *  committed since when it differs), and read again only then (docs/decisions/026). Rows are frozen: they are shared. */
export interface WorkspaceCache {
  rows: Map<string, { checkedAt: number; row: Readonly<WorkspaceRow> }>;
}

export const createWorkspaceCache = (): WorkspaceCache => ({ rows: new Map() });

export function workspaceQueries(r: Runner, cache: WorkspaceCache, version: ChangeVersion): WorkspaceQueries {
  // A transaction that has written a workspace row neither reads the cache nor fills it: what it wrote may still roll
  // back, and this connection's own commits do not move the change version.
  let wrote = false;
  const written = () => {
    wrote = true;
    cache.rows.clear();
  };
  const read = async (platform: string, externalId: string) => {
    const row = await r.get<WorkspaceRow>(BY_EXTERNAL_ID, { platform, externalId });
    return row && toWorkspace(row);
  };
  const find = async (platform: string, externalId: string) => {
    const checkedAt = wrote ? undefined : await version();
    if (checkedAt === undefined) return read(platform, externalId); // an engine without a counter: every time
    const key = `${platform}\n${externalId}`;
    const hit = cache.rows.get(key);
    if (hit?.checkedAt === checkedAt) return hit.row;
    const row = await read(platform, externalId);
    if (row) cache.rows.set(key, { checkedAt, row: Object.freeze(row) });
    else cache.rows.delete(key);
    return row;
  };
  return {
    find,
    async update(id, settings) {
      const set = assignments(WORKSPACE_COLUMNS, settings);
      if (set) written();
      const sql = set
        ? `update workspaces set ${set} where id = @id returning ${workspaceColumns()}`
        : `select ${workspaceColumns()} from workspaces where id = @id`;
      return toWorkspace((await r.get<WorkspaceRow>(sql, { ...settings, id }))!);
    },
    async ensure(input) {
      const found = await find(input.platform, input.externalId);
      if (found) return found;
      written();
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
