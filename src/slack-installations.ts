// The Slack adapter's installations over the store: each call its own transaction (the adapter never sees the store).
import type { SlackInstallations } from './adapters/slack/installations.ts';
import type { Store } from './store/port.ts';

export function slackInstallationsOver(store: Store): SlackInstallations {
  return {
    save: (row) => store.transaction((tx) => tx.slackInstallations.save(row)),
    find: (id) => store.transaction((tx) => tx.slackInstallations.find(id)),
    remove: (id) => store.transaction((tx) => tx.slackInstallations.remove(id)),
  };
}
