// Spaced-review cards (one per member and finished topic) and the log of every answer. The scheduling itself is the
// core's (src/core/review); this group only keeps its state.
import type { ReviewCardRow, ReviewQueries } from '../port.ts';
import type { Runner } from '../sql/database.ts';
import { unplanned } from '../sql/fragments.ts';

const STATE_COLUMNS = `due_at as "dueAt", stability as "stability", difficulty as "difficulty",
  elapsed_days as "elapsedDays", scheduled_days as "scheduledDays", learning_steps as "learningSteps",
  reps as "reps", lapses as "lapses", state as "state", last_review_at as "lastReviewAt"`;
const CARD = `select id as "id", member_id as "memberId", topic_id as "topicId", created_at as "createdAt",
  ${STATE_COLUMNS} from review_cards`;
const CREATE = `insert into review_cards (member_id, topic_id, due_at, stability, difficulty, elapsed_days,
    scheduled_days, learning_steps, reps, lapses, state, last_review_at, created_at)
  values (@memberId, @topicId, @dueAt, @stability, @difficulty, @elapsedDays, @scheduledDays, @learningSteps, @reps,
    @lapses, @state, @lastReviewAt, @now)
  on conflict (member_id, topic_id) do nothing`;
const DUE_COUNT = 'select count(*) as "n" from review_cards where member_id = @memberId and due_at <= @now';
// Sorted here, not by the SQL: no index hands a member's cards out in id order, and SQLite's sorter cost more than
// the whole lookup (16 µs against 5 µs for a member with no cards, decision 025).
const OF_MEMBER = `${CARD} where member_id = @memberId`;
const UPDATE = `update review_cards set due_at = @dueAt, stability = @stability, difficulty = @difficulty,
    elapsed_days = @elapsedDays, scheduled_days = @scheduledDays, learning_steps = @learningSteps, reps = @reps,
    lapses = @lapses, state = @state, last_review_at = @lastReviewAt
  where id = @cardId`;
const LOG = `insert into review_logs (card_id, rating, state, due_at, stability, difficulty, elapsed_days,
    last_elapsed_days, scheduled_days, learning_steps, reviewed_at)
  values (@cardId, @rating, @state, @dueAt, @stability, @difficulty, @elapsedDays, @lastElapsedDays, @scheduledDays,
    @learningSteps, @reviewedAt)`;
const REMOVE_LOGS = `delete from review_logs where card_id in
  (select id from review_cards where member_id = @memberId and topic_id = @topicId)`;
const REMOVE = 'delete from review_cards where member_id = @memberId and topic_id = @topicId';
// The team's estimated recall: FSRS's forgetting curve R = (1 + factor·t / S)^decay (t: whole days since the last
// review, as ts-fsrs counts them) over every reviewed card of a live topic, averaged per visible member, then over
// members, so one keen reviewer does not speak for the team. The core passes the curve's constants (src/core/review)
// and a stride: only members whose scrambled id is a multiple of it are read, so a large team costs a bounded number of
// cards (the modulo of a prime scrambles ids, so a stride never lines up with how ids were handed out).
const TEAM_RECALL = `
  select avg(recall) as "recall", count(*) as "members" from (
    select i.member_id, avg(power(1 + cast(@factor as double precision)
        * (case when c.last_review_at < @now then floor((@now - c.last_review_at) / 86400000.0) else 0 end) / c.stability,
      cast(@decay as double precision))) as recall
    from identities i join members m on m.id = i.member_id join review_cards c on c.member_id = i.member_id
      join topics t on t.id = c.topic_id
    where i.workspace_id = @ws and (i.member_id * 2654435761) % 4294967291 % @stride = 0 and m.privacy <> 'hide'
      and c.last_review_at is not null and t.roadmap_id = @roadmapId and t.retired_at is null
    group by i.member_id) per_member`;
const REVIEWS_DONE = `
  select count(*) as "answers", count(distinct c.member_id) as "members"
  from review_logs l join review_cards c on c.id = l.card_id join members m on m.id = c.member_id
  where l.reviewed_at >= @from and l.reviewed_at < @to and m.privacy <> 'hide'
    and exists (select 1 from identities i where i.member_id = c.member_id and i.workspace_id = @ws)`;

export function reviewQueries(r: Runner): ReviewQueries {
  const member = unplanned(r.dialect, '@memberId');
  const ONE = `${CARD} where member_id = ${member} and topic_id = ${unplanned(r.dialect, '@topicId')}`;
  // The id breaks ties between cards due at the same instant (done in one go), so the order is the same every time.
  const DUE = `${CARD} where member_id = ${member} and due_at <= @now order by due_at, id limit ${unplanned(r.dialect, '@limit')}`;
  const NEXT_DUE = `select min(due_at) as "at" from review_cards where member_id = ${member}`;
  const ANSWER_TIMES = `select l.reviewed_at as "at" from review_logs l join review_cards c on c.id = l.card_id
    where c.member_id = ${member} order by l.reviewed_at`;
  return {
    async create(memberId, topicId, state, now) {
      await r.run(CREATE, { ...state, memberId, topicId, now });
    },
    card: (memberId, topicId) => r.get<ReviewCardRow>(ONE, { memberId, topicId }),
    due: (memberId, now, limit) => r.all<ReviewCardRow>(DUE, { memberId, now, limit }),
    async dueCount(memberId, now) {
      return Number((await r.get<{ n: number }>(DUE_COUNT, { memberId, now }))!.n);
    },
    async nextDueAt(memberId) {
      const at = (await r.get<{ at: number | null }>(NEXT_DUE, { memberId }))?.at;
      return at === null || at === undefined ? undefined : Number(at);
    },
    forMember: async (memberId) => (await r.all<ReviewCardRow>(OF_MEMBER, { memberId })).sort((a, b) => a.id - b.id),
    async record(cardId, next, log) {
      await r.run(LOG, { ...log, cardId });
      await r.run(UPDATE, { ...next, cardId });
    },
    async answerTimes(memberId) {
      return (await r.column<number>(ANSWER_TIMES, { memberId })).map(Number);
    },
    async teamRecall({ workspaceId, roadmapId, now, curve, stride }) {
      const row = await r.get<{ recall: number | null; members: number }>(TEAM_RECALL, {
        ws: workspaceId,
        roadmapId,
        now,
        stride,
        ...curve,
      });
      const members = Number(row?.members ?? 0);
      return members && row?.recall !== null ? { recall: Number(row!.recall), members } : undefined;
    },
    async doneIn(workspaceId, from, to) {
      const row = (await r.get<{ answers: number; members: number }>(REVIEWS_DONE, { ws: workspaceId, from, to }))!;
      return { answers: Number(row.answers), members: Number(row.members) };
    },
    async remove(memberId, topicId) {
      // Logs first: the engine's cascade would do it, but an explicit delete does not depend on foreign keys being on.
      await r.run(REMOVE_LOGS, { memberId, topicId });
      return (await r.run(REMOVE, { memberId, topicId })).changes;
    },
  };
}
