// Members and their platform identities: one person may reach the bot from several accounts.
import type { MemberQueries, MemberRow } from '../port.ts';
import type { Runner } from '../sql/database.ts';
import { assignments, MEMBER_COLUMNS, memberColumns } from './columns.ts';

// Two lookups by unique key, not one join: on every command, and SQLite ran the join at 15–45 µs against 4–5 µs for
// each of these (10k members, decision 025).
const IDENTITY = `select id as "id", member_id as "memberId", display_name as "name" from identities
  where workspace_id = @workspaceId and platform_user_id = @userId`;
const MEMBER = `select ${memberColumns()} from members where id = @id`;
const RENAME_IDENTITY = 'update identities set display_name = @name where id = @id';
const RENAME_MEMBER = 'update members set display_name = @name where id = @id';
const INSERT_MEMBER = `insert into members (display_name, time_zone, created_at) values (@displayName, @timeZone, @now)
  returning ${memberColumns()}`;
// A new user's first two commands can reach two replicas at once: the second insert waits for the first to commit and
// then does nothing, so that command drops the member it made and goes on as the member the first one made.
const INSERT_IDENTITY = `insert into identities (workspace_id, platform_user_id, member_id, display_name, created_at)
  values (@workspaceId, @platformUserId, @memberId, @displayName, @now)
  on conflict (workspace_id, platform_user_id) do nothing returning id`;
const DELETE_MEMBER = 'delete from members where id = @id';

interface Identity {
  id: number;
  memberId: number;
  name: string;
}

export function memberQueries(r: Runner): MemberQueries {
  /** The member behind a platform account in a workspace, with the account's own name there. */
  const byIdentity = async (workspaceId: number, userId: string) => {
    const identity = await r.get<Identity>(IDENTITY, { workspaceId, userId });
    const member = identity && (await r.get<MemberRow>(MEMBER, { id: identity.memberId }));
    return identity && member ? { identity, member } : undefined;
  };
  return {
    async resolve(input) {
      const found = await byIdentity(input.workspaceId, input.platformUserId);
      if (found) {
        const { identity, member } = found;
        if (identity.name !== input.displayName) {
          await r.run(RENAME_IDENTITY, { name: input.displayName, id: identity.id });
          await r.run(RENAME_MEMBER, { name: input.displayName, id: member.id });
          return { ...member, displayName: input.displayName };
        }
        return member;
      }
      const member = (await r.get<MemberRow>(INSERT_MEMBER, {
        displayName: input.displayName,
        timeZone: input.timeZone ?? null,
        now: input.now,
      }))!;
      const inserted = await r.get<{ id: number }>(INSERT_IDENTITY, {
        workspaceId: input.workspaceId,
        platformUserId: input.platformUserId,
        memberId: member.id,
        displayName: input.displayName,
        now: input.now,
      });
      if (inserted) return member;
      await r.run(DELETE_MEMBER, { id: member.id });
      return (await byIdentity(input.workspaceId, input.platformUserId))!.member;
    },
    async updateSettings(memberId, settings) {
      const set = assignments(MEMBER_COLUMNS, settings);
      if (set) await r.run(`update members set ${set} where id = @memberId`, { ...settings, memberId });
    },
  };
}
