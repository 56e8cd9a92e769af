// The explicit command list. Adding a verb: write its file, add it here. Help and platform menus follow.
import type { Command } from './command.ts';
import { exportData } from './export.ts';
import { forget } from './forget.ts';
import { help } from './help.ts';
import { leaderboard } from './leaderboard.ts';
import { note } from './note.ts';
import { notes } from './notes.ts';
import { privacy } from './privacy.ts';
import { streak } from './streak.ts';
import { team } from './team.ts';
import { timezone } from './timezone.ts';
import { next } from './next.ts';
import { progress } from './progress.ts';
import { done, reset, skip, start } from './set-state.ts';
import { topic } from './topic.ts';
import { topics } from './topics.ts';
import { track } from './track.ts';
import { link } from './link.ts';
import { settings } from './settings.ts';
import { unlink } from './unlink.ts';
import { remind } from './remind.ts';
import { snooze } from './snooze.ts';
import { holiday } from './holiday.ts';
import { digest } from './digest.ts';

export const COMMANDS: readonly Command[] = [next, topics, topic, start, done, skip, reset, progress, track, link, unlink, settings, leaderboard, team, streak, timezone, privacy, note, notes, exportData, forget, remind, snooze, holiday, digest, help];
