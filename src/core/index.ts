// The core's one public face: handle an invocation (Invocation in, Reply out), suggest topics as a member types, and
// the outbound rules the scheduler follows (what is due, each message, when a schedule pauses). Knows the store and the
// clock; nothing of Slack, Discord, the terminal or the scheduler.
import type { Clock } from '../clock.ts';
import type { Log } from '../log.ts';
import type { Store, Tx } from '../store/port.ts';
import type { Command } from './commands/command.ts';
import type { DashboardBase } from './commands/dashboard.ts';
import { COMMANDS } from './commands/index.ts';
import { parse } from './grammar.ts';
import { UserError } from './model/errors.ts';
import type { Invocation } from './model/invocation.ts';
import { type Reply, reply, text } from './model/reply.ts';
import { createComposer, type DueDelivery } from './outbound/compose.ts';
import { CATCH_UP_MS, type QueueDueResult, queueDue } from './outbound/queue-due.ts';
import { adoptZone, failedForGood, withPausedNotice } from './outbound/schedule-hooks.ts';
import { suggestTopics, type TopicSuggestion } from './roadmap/suggest-topics.ts';
import { canonicalZone } from './time/time-zones.ts';

export interface CoreDeps {
  store: Store;
  clock: Clock;
  log: Log;
  defaultRoadmap: string; // what a new workspace follows
  commands?: readonly Command[];
  observe?: (event: CommandEvent) => void; // metrics: one call per handled command
  dashboardBase?: DashboardBase; // where `dashboard` links point, per platform
}

export interface CommandEvent {
  verb: string; // the command's name, or "unknown" when the text did not parse
  platform: string;
  outcome: 'ok' | 'refused' | 'error';
  seconds: number;
}

export type Core = ReturnType<typeof createCore>;

/** What the scheduler asks the core, as functions: it holds none of these rules itself. */
export interface CoreOutbound {
  /** Puts every schedule due by `now` in the outbox (or skips it: holiday, too late) and moves it on. */
  queueDue(
    now: number,
    opts?: { count?: (platform: string, outcome: string) => void; batch?: number },
  ): Promise<QueueDueResult>;
  /** A delivery's message now; undefined when it should no longer go (turned off, paused or snoozed since). */
  compose(delivery: DueDelivery, now: number): Promise<Reply | undefined>;
  /** A delivery failed for good; true when that paused its schedule. */
  failedForGood(tx: Tx, scheduleId: number, reason: string): Promise<boolean>;
  /** How late a delivery may still go: older ones are reported missed, not sent. */
  readonly catchUpMs: number;
}
export type { TopicSuggestion };
/** Topics matching what a member has typed, from the roadmap their workspace follows (the default one before its
 *  first command); at most `limit`, best first. */
export type SuggestTopics = (
  platform: string,
  workspaceExternalId: string,
  typed: string,
  limit?: number,
) => Promise<TopicSuggestion[]>;

export function createCore({
  store,
  clock,
  log,
  defaultRoadmap,
  commands = COMMANDS,
  observe,
  dashboardBase,
}: CoreDeps) {
  return {
    commands,
    suggestTopics: ((platform, workspaceExternalId, typed, limit = 25) =>
      store.transaction(async (tx) => {
        const workspace = await tx.workspaces.find(platform, workspaceExternalId);
        const roadmap = await tx.content.roadmap(workspace?.roadmapId ?? defaultRoadmap);
        return roadmap ? suggestTopics(roadmap, typed, limit) : [];
      })) satisfies SuggestTopics,
    outbound: {
      queueDue: (now, opts = {}) => queueDue({ store, ...opts }, now),
      compose: createComposer({ store }),
      failedForGood: (tx, scheduleId, reason) => failedForGood(tx, scheduleId, reason),
      catchUpMs: CATCH_UP_MS,
    } satisfies CoreOutbound,
    /** Never throws: a refusal or a bug both come back as a Reply, and nothing a failed command wrote is kept. */
    async handle(invocation: Invocation): Promise<Reply> {
      const started = performance.now();
      let verb = 'unknown';
      const rid = invocation.id;
      const done = (outcome: CommandEvent['outcome'], result: Reply): Reply => {
        const seconds = (performance.now() - started) / 1000;
        observe?.({ verb, platform: invocation.platform, outcome, seconds });
        log.debug('command handled', {
          rid,
          verb,
          platform: invocation.platform,
          outcome,
          ms: Math.round(seconds * 1e4) / 10,
        });
        return result;
      };
      try {
        const { command, rest } = parse(invocation.text, commands);
        verb = command.name;
        return done(
          'ok',
          // One transaction, and the command sees only it (tx): everything it writes lands together, or nothing.
          await store.transaction(async (tx) => {
            const now = clock.now().getTime();
            const workspace = await tx.workspaces.ensure({
              platform: invocation.platform,
              externalId: invocation.workspace.id,
              name: invocation.workspace.name,
              roadmapId: defaultRoadmap,
              now,
            });
            const roadmap = await tx.content.roadmap(workspace.roadmapId);
            if (!roadmap)
              throw new Error(
                `workspace ${workspace.id} follows roadmap "${workspace.roadmapId}", which is not loaded`,
              );
            // A platform's zone is used only when this runtime knows it, under its canonical name.
            const platformZone = canonicalZone(invocation.user.timeZone);
            const member = await adoptZone(
              tx,
              await tx.members.resolve({
                workspaceId: workspace.id,
                platformUserId: invocation.user.id,
                displayName: invocation.user.displayName,
                timeZone: platformZone,
                now,
              }),
              platformZone,
            );
            return withPausedNotice(
              tx,
              member,
              await command.run(
                { store: tx, now, invocation, workspace, member, roadmap, commands, dashboardBase },
                rest,
              ),
            );
          }),
        );
      } catch (error) {
        if (error instanceof UserError) return done('refused', refusal(error));
        log.error('command failed', {
          rid,
          err: error,
          verb,
          platform: invocation.platform,
          workspace: invocation.workspace.id,
        });
        return done(
          'error',
          reply({
            blocks: [
              text('Sorry, something went wrong on my side and nothing was changed. Please try again in a moment.'),
            ],
          }),
        );
      }
    },
  };
}

function refusal(error: UserError): Reply {
  return reply({
    blocks: [
      text(...error.spans),
      ...(error.detail.blocks ?? []),
      ...(error.detail.hint ? [text(error.detail.hint)] : []),
    ],
    buttons: error.detail.buttons ?? [],
  });
}
