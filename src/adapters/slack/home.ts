// The App Home tab: my next topic with its buttons, then my progress per section — two core replies on one view.
import type { types, webApi } from '@slack/bolt';
import type { Reply } from '../../core/model/reply.ts';
import type { Handle } from '../adapter.ts';
import type { Profiles } from './profiles.ts';
import { type Asker, invocation } from './receive.ts';
import { LIMITS, render } from './render.ts';

export function homeView(next: Reply, progress: Reply): types.HomeView {
  const half = Math.floor((LIMITS.homeBlocks - 1) / 2);
  const top = render(next, { maxBlocks: half, firstAction: 0 });
  // Action ids must be unique across the whole view, so the progress buttons are numbered after next's.
  const bottom = render(progress, { maxBlocks: half, firstAction: next.buttons.length });
  return { type: 'home', blocks: [...top.blocks, { type: 'divider' }, ...bottom.blocks] };
}

export async function publishHome(
  deps: { client: webApi.WebClient; handle: Handle; profiles: Profiles },
  asker: Asker,
): Promise<void> {
  const profile = await deps.profiles.get(deps.client.token ?? '', asker.teamId, asker.userId, asker.userId);
  const home = { ...asker, channelId: undefined };
  const next = await deps.handle(invocation(home, profile, 'next'));
  const progress = await deps.handle(invocation(home, profile, 'progress'));
  await deps.client.views.publish({ user_id: asker.userId, view: homeView(next, progress) });
}
