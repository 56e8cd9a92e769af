// The platforms the bot can run on, listed once. Adding one: a folder under src/adapters/ with its platform.ts,
// and a line here. The terminal chat is not listed: it is what runs when none of these is configured.

import { discord } from './adapters/discord/platform.ts';
import type { Platform } from './adapters/platform.ts';
import { slack } from './adapters/slack/platform.ts';

export const PLATFORMS: readonly Platform[] = [slack, discord];
