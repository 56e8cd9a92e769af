// What the Slack adapter keeps between runs: OAuth installations, sealed by the adapter before they leave it. The app
// hands it an implementation over the store; the adapter itself never reads the store.
export interface InstallationRow {
  id: string; // the team id, or the enterprise id for an org-wide install
  teamId: string | null;
  enterpriseId: string | null;
  isEnterpriseInstall: boolean;
  botUserId: string | null;
  sealed: string; // the whole installation, sealed (seal.ts)
  installedAt: number;
}

export interface SlackInstallations {
  /** Inserts or replaces the installation for its id (a reinstall brings a new token). */
  save(row: InstallationRow): Promise<void>;
  find(id: string): Promise<InstallationRow | undefined>;
  /** How many rows went (0 when it was not installed). */
  remove(id: string): Promise<number>;
}
