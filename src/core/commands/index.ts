// The explicit command list. Adding a verb: write its file, add it here. Help and platform menus follow.
import type { Command } from './command.ts';
import { help } from './help.ts';
import { next } from './next.ts';
import { progress } from './progress.ts';
import { done, reset, skip, start } from './set-state.ts';
import { topic } from './topic.ts';
import { topics } from './topics.ts';
import { track } from './track.ts';
import { link } from './link.ts';
import { settings } from './settings.ts';
import { unlink } from './unlink.ts';

export const COMMANDS: readonly Command[] = [next, topics, topic, start, done, skip, reset, progress, track, link, unlink, settings, help];
