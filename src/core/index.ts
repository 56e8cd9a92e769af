// The core: Invocation in, Reply out. Knows the store and the clock; nothing of Slack, Discord or the terminal.
import type { Clock } from '../clock.ts';
import type { Log } from '../log.ts';
import type { Store } from '../store/index.ts';
import type { Command } from './commands/command.ts';
import { COMMANDS } from './commands/index.ts';
import { UserError } from './errors.ts';
import { parse } from './grammar.ts';
import type { Invocation } from './invocation.ts';
import { reply, text, type Reply } from './reply.ts';

export interface CoreDeps {
  store: Store;
  clock: Clock;
  log: Log;
  defaultRoadmap: string; // what a new workspace follows
  commands?: readonly Command[];
}

export type Core = ReturnType<typeof createCore>;

export function createCore({ store, clock, log, defaultRoadmap, commands = COMMANDS }: CoreDeps) {
  return {
    commands,
    /** Never throws: a refusal or a bug both come back as a Reply, and nothing a failed command wrote is kept. */
    async handle(invocation: Invocation): Promise<Reply> {
      try {
        const { command, rest } = parse(invocation.text, commands);
        return store.transaction(() => {
          const now = clock.now().getTime();
          const workspace = store.workspaces.ensure({
            platform: invocation.platform, externalId: invocation.workspace.id, name: invocation.workspace.name,
            roadmapId: defaultRoadmap, now,
          });
          const roadmap = store.content.roadmap(workspace.roadmapId);
          if (!roadmap) throw new Error(`workspace ${workspace.id} follows roadmap "${workspace.roadmapId}", which is not loaded`);
          const member = store.members.resolve({
            workspaceId: workspace.id, platformUserId: invocation.user.id, displayName: invocation.user.displayName,
            timeZone: invocation.user.timeZone, now,
          });
          return command.run({ store, now, invocation, workspace, member, roadmap, commands }, rest);
        });
      } catch (error) {
        if (error instanceof UserError) return refusal(error);
        log.error('command failed', { err: error, platform: invocation.platform, workspace: invocation.workspace.id });
        return reply({ blocks: [text('Sorry, something went wrong on my side and nothing was changed. Please try again in a moment.')] });
      }
    },
  };
}

function refusal(error: UserError): Reply {
  return reply({
    blocks: [text(...error.spans), ...(error.detail.blocks ?? []), ...(error.detail.hint ? [text(error.detail.hint)] : [])],
    buttons: error.detail.buttons ?? [],
  });
}
