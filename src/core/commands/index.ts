// The explicit command list. Adding a verb: write its file, add it here. Help and platform menus follow.
import type { Command } from './command.ts';
import { dashboard } from './dashboard.ts';
import { digest } from './digest.ts';
import { exportData } from './export.ts';
import { forget } from './forget.ts';
import { help } from './help.ts';
import { holiday } from './holiday.ts';
import { leaderboard } from './leaderboard.ts';
import { link } from './link.ts';
import { next } from './next.ts';
import { note } from './note.ts';
import { notes } from './notes.ts';
import { privacy } from './privacy.ts';
import { progress } from './progress.ts';
import { remind } from './remind.ts';
import { review } from './review.ts';
import { done, reset, skip, start } from './set-state.ts';
import { settings } from './settings.ts';
import { snooze } from './snooze.ts';
import { streak } from './streak.ts';
import { team } from './team.ts';
import { timezone } from './timezone.ts';
import { topic } from './topic.ts';
import { topics } from './topics.ts';
import { track } from './track.ts';
import { unlink } from './unlink.ts';

export const COMMANDS: readonly Command[] = [
  next,
  topics,
  topic,
  start,
  done,
  skip,
  reset,
  progress,
  review,
  track,
  link,
  unlink,
  settings,
  leaderboard,
  team,
  streak,
  timezone,
  privacy,
  note,
  notes,
  exportData,
  forget,
  remind,
  snooze,
  holiday,
  digest,
  dashboard,
  help,
];
