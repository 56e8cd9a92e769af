// A command is data: its name, how to call it, and run(). Help, aliases and Discord's definitions derive from it.
import type { CommandStore, MemberRow, RoadmapView, WorkspaceRow } from '../../store/port.ts';
import type { Invocation } from '../model/invocation.ts';
import type { Reply } from '../model/reply.ts';
import type { DashboardBase } from './dashboard.ts';

export interface ArgSpec {
  name: string;
  kind: 'topic' | 'section' | 'text' | 'choice';
  required: boolean;
  description: string;
  choices?: readonly string[];
}

export interface CommandContext {
  store: CommandStore; // bound to the command's one transaction
  now: number; // ms since the epoch, from the injected clock
  invocation: Invocation;
  workspace: WorkspaceRow;
  member: MemberRow;
  roadmap: RoadmapView;
  commands: readonly Command[];
  /** Where the dashboard is reached from each platform; absent where the bot serves none (tests, tools). */
  dashboardBase?: DashboardBase;
}

export interface Command {
  name: string;
  aliases?: readonly string[];
  args: readonly ArgSpec[]; // in the order they are typed after the verb
  summary: string;
  examples: readonly string[];
  /** Seldom typed: a platform menu with little room (Discord allows 25 subcommands) may leave it to free text. */
  rare?: boolean;
  /** rest: the text after the verb, trimmed (may be empty). Throws UserError to refuse. */
  run(ctx: CommandContext, rest: string): Promise<Reply>;
}

/** "done <topic>", "topics [section]" */
export function usage(command: Command): string {
  return [command.name, ...command.args.map((a) => (a.required ? `<${a.name}>` : `[${a.name}]`))].join(' ');
}
