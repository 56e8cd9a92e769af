// What each dashboard page shows, as plain values: the store fills these in, the pages only draw them.

/** A calendar day, "YYYY-MM-DD", already in the zone that matters for it (the workspace's or the member's). */
export type IsoDate = string;

/** Which member table order was asked for; the source sorts (see sortMembers for the reference order). */
export interface MemberSort {
  by: 'progress' | 'activity';
  dir: 'asc' | 'desc';
}

/**
 * A member as the viewer may see them, under the same privacy rules as chat: shown members by name, anonymous ones
 * as "a teammate" with no id (nothing on the page or in the CSV can single them out), hidden ones left out of the
 * table. A member always sees themselves by name.
 */
export type ShownMember = { id: string; name: string } | { anonymous: true };

export interface MemberRow {
  who: ShownMember;
  /** The viewer's own row. */
  you: boolean;
  /** 0–100, whole or not: the page rounds. */
  progressPercent: number;
  done: number;
  total: number;
  /** Their latest progress event; null when they never made one. */
  lastActivity: Date | null;
  /** Current streak, in days. */
  currentStreak: number;
}

export interface TeamPage {
  workspace: { name: string; timeZone: string };
  /** The last 12 weeks, oldest first; weekStart is the Monday of each ISO week in the workspace's zone. */
  weekly: { weekStart: IsoDate; finished: number }[];
  /** Per section in roadmap order: members who started or finished a topic in it, and members who finished it. */
  funnel: { section: string; reached: number; finished: number }[];
  /** Counts over everyone in the workspace (hidden members included: a count singles nobody out). */
  members: { total: number; activeLast7Days: number };
  /** Already sorted as asked: the whole table, or one page of it (see `paging`). */
  table: MemberRow[];
  /** Set when the table is one page of a longer one: which page (from 1), its size, and the rows in all. */
  paging?: { page: number; size: number; rows: number };
}

export interface MemberPage {
  name: string;
  /** The member's own zone: the heatmap's days are days there. */
  timeZone: string;
  sections: { title: string; done: number; total: number }[];
  /**
   * Progress events per day over the last 26 weeks, in the member's zone. `today` fixes the grid (its week is the
   * last column); days with no entry count 0, days outside the 26 weeks are ignored.
   */
  activity: { today: IsoDate; days: { date: IsoDate; count: number }[] };
  streak: { current: number; longest: number; freezes: number };
  /** FSRS's estimated recall per section, 0–1; absent until one of the member's finished topics was reviewed. */
  retention?: { section: string; recall: number }[];
}

/**
 * One kind of message's outcomes on one day, each delivery counted once: sent at the first attempt, sent after one
 * or more retries, or given up on.
 */
export interface DeliveryOutcomes {
  sent: number;
  retried: number;
  failed: number;
}

export interface DeliveryPage {
  workspace: { name: string; timeZone: string };
  /** The last 7 days in the workspace's zone, oldest first. */
  days: { date: IsoDate; nudges: DeliveryOutcomes; digests: DeliveryOutcomes }[];
  /** Schedules the sender paused because deliveries kept failing. `target` is who or where, as the viewer may see it. */
  paused: { kind: 'nudge' | 'digest'; target: string; reason: string; since: Date }[];
}
