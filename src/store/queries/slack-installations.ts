// Slack installations: rows keyed by team (or enterprise) id; the payload arrives already sealed by the adapter.
import type { SlackInstallationQueries, SlackInstallationRow } from '../port.ts';
import type { Runner } from '../sql/database.ts';

const SAVE = `insert into slack_installations (id, team_id, enterprise_id, is_enterprise_install, bot_user_id, sealed,
    installed_at)
  values (@id, @teamId, @enterpriseId, @isEnterpriseInstall, @botUserId, @sealed, @installedAt)
  on conflict (id) do update set team_id = excluded.team_id, enterprise_id = excluded.enterprise_id,
    is_enterprise_install = excluded.is_enterprise_install, bot_user_id = excluded.bot_user_id,
    sealed = excluded.sealed, installed_at = excluded.installed_at`;
const FIND = `select id as "id", team_id as "teamId", enterprise_id as "enterpriseId",
    is_enterprise_install as "isEnterpriseInstall", bot_user_id as "botUserId", sealed as "sealed",
    installed_at as "installedAt"
  from slack_installations where id = @id`;
const REMOVE = 'delete from slack_installations where id = @id';

export function slackInstallationQueries(r: Runner): SlackInstallationQueries {
  return {
    async save(row) {
      await r.run(SAVE, { ...row });
    },
    async find(id) {
      const row = await r.get<SlackInstallationRow>(FIND, { id });
      return row && { ...row, isEnterpriseInstall: Boolean(row.isEnterpriseInstall) };
    },
    async remove(id) {
      return (await r.run(REMOVE, { id })).changes;
    },
  };
}
