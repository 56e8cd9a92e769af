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
const INSERT_IDENTITY = `insert into identities (workspace_id, platform_user_id, member_id, display_name, created_at)
  values (@workspaceId, @platformUserId, @memberId, @displayName, @now)`;

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
      await r.run(INSERT_IDENTITY, {
        workspaceId: input.workspaceId,
        platformUserId: input.platformUserId,
        memberId: member.id,
        displayName: input.displayName,
        now: input.now,
      });
      return member;
    },
    async updateSettings(memberId, settings) {
      const set = assignments(MEMBER_COLUMNS, settings);
      if (set) await r.run(`update members set ${set} where id = @memberId`, { ...settings, memberId });
    },
  };
}
