// Bolt's InstallationStore over the installations the app keeps for the adapter: sealed before they leave it.
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Clock } from '../../clock.ts';
import type { SlackInstallations } from './installations.ts';
import type { Sealer } from './seal.ts';

/** An org-wide install answers for every team in the enterprise; otherwise the team id is the key. */
export function installationKey(q: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean }): string {
  const id = q.isEnterpriseInstall ? q.enterpriseId : q.teamId;
  if (!id) throw new Error('an installation query needs a team id (or an enterprise id for org-wide installs)');
  return id;
}

export function createInstallationStore(deps: {
  installations: SlackInstallations;
  sealer: Sealer;
  clock: Clock;
}): InstallationStore & {
  botToken(workspaceId: string): Promise<string | undefined>;
} {
  const { installations, sealer, clock } = deps;
  const load = async (id: string): Promise<Installation | undefined> => {
    const row = await installations.find(id);
    return row ? (JSON.parse(sealer.open(row.sealed)) as Installation) : undefined;
  };
  return {
    async storeInstallation(installation) {
      const isEnterpriseInstall = Boolean(installation.isEnterpriseInstall);
      const id = installationKey({
        teamId: installation.team?.id,
        enterpriseId: installation.enterprise?.id,
        isEnterpriseInstall,
      });
      await installations.save({
        id,
        teamId: installation.team?.id ?? null,
        enterpriseId: installation.enterprise?.id ?? null,
        isEnterpriseInstall,
        botUserId: installation.bot?.userId ?? null,
        sealed: sealer.seal(JSON.stringify(installation)),
        installedAt: clock.now().getTime(),
      });
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const found = await load(installationKey(query));
      if (!found) throw new Error(`no Slack installation for ${installationKey(query)}`);
      return found;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await installations.remove(installationKey(query));
    },
    /** The bot token for a team (outbound sends), from a team install or its enterprise's org-wide install. */
    async botToken(workspaceId) {
      return (await load(workspaceId))?.bot?.token;
    },
  };
}
