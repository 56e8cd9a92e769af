// Members and their platform identities: one person may reach the bot from several accounts.
import type { MemberQueries, MemberRow } from '../port.ts';
import type { Runner } from '../sql/database.ts';
import { assignments, MEMBER_COLUMNS, memberColumns } from './columns.ts';

const BY_IDENTITY = `select ${memberColumns('m')}, i.display_name as "identityName", i.id as "identityId"
  from identities i join members m on m.id = i.member_id
  where i.workspace_id = @workspaceId and i.platform_user_id = @userId`;
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

type Found = MemberRow & { identityName: string; identityId: number };

export function memberQueries(r: Runner): MemberQueries {
  return {
    async resolve(input) {
      const found = await r.get<Found>(BY_IDENTITY, { workspaceId: input.workspaceId, userId: input.platformUserId });
      if (found) {
        const { identityName, identityId, ...member } = found;
        if (identityName !== input.displayName) {
          await r.run(RENAME_IDENTITY, { name: input.displayName, id: identityId });
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
      const {
        identityName: _,
        identityId: __,
        ...theirs
      } = (await r.get<Found>(BY_IDENTITY, {
        workspaceId: input.workspaceId,
        userId: input.platformUserId,
      }))!;
      return theirs;
    },
    async updateSettings(memberId, settings) {
      const set = assignments(MEMBER_COLUMNS, settings);
      if (set) await r.run(`update members set ${set} where id = @memberId`, { ...settings, memberId });
    },
  };
}
