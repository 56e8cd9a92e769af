// A member's state on each topic, the append-only log of its changes, and their track choices.
import type { ProgressQueries, TopicState } from '../port.ts';
import type { Runner } from '../sql/database.ts';
import { unplanned } from '../sql/fragments.ts';

const BY_MEMBER =
  'select topic_id as "topicId", state as "state", updated_at as "updatedAt" from progress where member_id = @memberId';
const STATE = 'select state as "state" from progress where member_id = @memberId and topic_id = @topicId';
const CLEAR = 'delete from progress where member_id = @memberId and topic_id = @topicId';
const UPSERT = `insert into progress (member_id, topic_id, state, updated_at) values (@memberId, @topicId, @state, @now)
  on conflict (member_id, topic_id) do update set state = excluded.state, updated_at = excluded.updated_at`;
const LOG = `insert into progress_events (member_id, topic_id, from_state, to_state, at)
  values (@memberId, @topicId, @from, @to, @now)`;
const TRACKS = `select section_slug as "sectionSlug", group_slug as "groupSlug" from track_choices
  where member_id = @memberId and roadmap_id = @roadmapId`;
const CHOOSE = `insert into track_choices (member_id, roadmap_id, section_slug, group_slug, chosen_at)
  values (@memberId, @roadmapId, @sectionSlug, @groupSlug, @now)
  on conflict (member_id, roadmap_id, section_slug) do update set group_slug = excluded.group_slug,
    chosen_at = excluded.chosen_at`;

export function progressQueries(r: Runner): ProgressQueries {
  const EVENT_TIMES = `select at as "at" from progress_events where member_id = ${unplanned(r.dialect, '@memberId')} order by at`;
  return {
    async forMember(memberId) {
      const rows = await r.all<{ topicId: number; state: TopicState; updatedAt: number }>(BY_MEMBER, { memberId });
      return new Map(rows.map((x) => [x.topicId, { state: x.state, updatedAt: x.updatedAt }]));
    },
    async set(memberId, topicId, state, now) {
      const previous = (await r.get<{ state: TopicState }>(STATE, { memberId, topicId }))?.state ?? null;
      if (previous === state) return previous;
      if (state === null) await r.run(CLEAR, { memberId, topicId });
      else await r.run(UPSERT, { memberId, topicId, state, now });
      await r.run(LOG, { memberId, topicId, from: previous, to: state, now });
      return previous;
    },
    async eventTimes(memberId) {
      return r.column<number>(EVENT_TIMES, { memberId });
    },
    async tracks(memberId, roadmapId) {
      const rows = await r.all<{ sectionSlug: string; groupSlug: string }>(TRACKS, { memberId, roadmapId });
      return new Map(rows.map((x) => [x.sectionSlug, x.groupSlug]));
    },
    async chooseTrack(memberId, roadmapId, sectionSlug, groupSlug, now) {
      await r.run(CHOOSE, { memberId, roadmapId, sectionSlug, groupSlug, now });
    },
  };
}
