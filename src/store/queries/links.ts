// Account linking: one-time codes (kept hashed), failed attempts, and joining or splitting members.
import { createHash, randomInt } from 'node:crypto';
import type { IdentityRow, LinkQueries, MemberRow, TopicState } from '../port.ts';
import type { Runner } from '../sql/database.ts';
import { identityColumns, memberColumns } from './columns.ts';

// No 0/O, 1/I/L: a code read aloud or copied from a phone survives.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const RANK = { done: 3, learning: 2, skipped: 1 } as const;

export const hashCode = (code: string) => createHash('sha256').update(code).digest('hex');

const IDENTITY = `select ${identityColumns()} from identities where workspace_id = @workspaceId
  and platform_user_id = @platformUserId`;
const IDENTITY_BY_ID = `select ${identityColumns()} from identities where id = @id`;
const IDENTITIES_OF = `select ${identityColumns()} from identities where member_id = @memberId`;
const DROP_UNUSED = 'delete from link_codes where identity_id = @identityId and used_at is null';
const ADD_CODE = `insert into link_codes (code_hash, identity_id, created_at, expires_at)
  values (@codeHash, @identityId, @now, @expiresAt)`;
const CODE = `select code_hash as "codeHash", identity_id as "identityId", expires_at as "expiresAt",
  used_at as "usedAt" from link_codes where code_hash = @codeHash`;
const USE_CODE = 'update link_codes set used_at = @now where code_hash = @codeHash';
const FAILURE = 'insert into link_attempts (identity_id, at) values (@identityId, @now)';
const FAILURES = 'select count(*) as "n" from link_attempts where identity_id = @identityId and at >= @since';

const PROGRESS_OF = `select topic_id as "topicId", state as "state", updated_at as "updatedAt" from progress
  where member_id = @memberId`;
const UPSERT_PROGRESS = `insert into progress (member_id, topic_id, state, updated_at)
  values (@memberId, @topicId, @state, @updatedAt)
  on conflict (member_id, topic_id) do update set state = excluded.state, updated_at = excluded.updated_at`;
const INSERT_PROGRESS = `insert into progress (member_id, topic_id, state, updated_at)
  values (@memberId, @topicId, @state, @updatedAt)`;
const TRACKS_OF = `select roadmap_id as "roadmapId", section_slug as "sectionSlug", group_slug as "groupSlug",
  chosen_at as "chosenAt" from track_choices where member_id = @memberId`;
const INSERT_TRACK = `insert into track_choices (member_id, roadmap_id, section_slug, group_slug, chosen_at)
  values (@memberId, @roadmapId, @sectionSlug, @groupSlug, @chosenAt)`;
const MEMBER = `select ${memberColumns()} from members where id = @id`;
const INSERT_MEMBER = `insert into members (display_name, time_zone, privacy, streak_mode, created_at)
  values (@displayName, @timeZone, @privacy, @streakMode, @now) returning id as "id"`;
const CARD_STATE = `due_at, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state,
  last_review_at, created_at`;
const COPY_CARDS = `insert into review_cards (member_id, topic_id, ${CARD_STATE})
  select @fresh, topic_id, ${CARD_STATE} from review_cards where member_id = @from`;

interface ProgressRow {
  topicId: number;
  state: TopicState;
  updatedAt: number;
}
interface TrackRow {
  roadmapId: string;
  sectionSlug: string;
  groupSlug: string;
  chosenAt: number;
}

export function linkQueries(r: Runner): LinkQueries {
  /** The issuer's nudge wins: the other one ends (its queued sends are skipped), or moves over if the issuer has
   *  none. */
  async function mergeSchedules(survivorId: number, absorbedId: number): Promise<void> {
    const theirs = (
      await r.all<{ id: number }>('select id as "id" from schedules where member_id = @absorbedId', { absorbedId })
    ).map((s) => s.id);
    if (theirs.length === 0) return;
    const mine = await r.get('select id as "id" from schedules where member_id = @survivorId', { survivorId });
    if (!mine) {
      await r.run('update schedules set member_id = @survivorId where member_id = @absorbedId', {
        survivorId,
        absorbedId,
      });
      return;
    }
    const of = 'schedule_id in (select id from schedules where member_id = @absorbedId)';
    await r.run(
      `update deliveries set status = 'skipped', last_error = 'replaced: accounts linked'
      where ${of} and status in ('pending', 'sending')`,
      { absorbedId },
    );
    await r.run(`update deliveries set schedule_id = null where ${of}`, { absorbedId });
    await r.run('delete from schedules where member_id = @absorbedId', { absorbedId });
  }

  /** Review cards: per topic the card with more reviews wins (between equals, the survivor's); the loser's answers
   *  join the winner's log, so no review is lost. */
  async function mergeReviews(survivorId: number, absorbedId: number): Promise<void> {
    const cards = (memberId: number) =>
      r.all<{ id: number; topicId: number; reps: number }>(
        'select id as "id", topic_id as "topicId", reps as "reps" from review_cards where member_id = @memberId',
        { memberId },
      );
    const mine = new Map((await cards(survivorId)).map((c) => [c.topicId, c]));
    for (const theirs of await cards(absorbedId)) {
      const kept = mine.get(theirs.topicId);
      if (!kept) {
        await r.run('update review_cards set member_id = @survivorId where id = @id', { survivorId, id: theirs.id });
        continue;
      }
      const [winner, loser] = theirs.reps > kept.reps ? [theirs, kept] : [kept, theirs];
      await r.run('update review_logs set card_id = @winner where card_id = @loser', {
        winner: winner.id,
        loser: loser.id,
      });
      await r.run('delete from review_cards where id = @id', { id: loser.id });
      if (winner === theirs)
        await r.run('update review_cards set member_id = @survivorId where id = @id', { survivorId, id: theirs.id });
    }
  }

  return {
    identity: (workspaceId, platformUserId) => r.get<IdentityRow>(IDENTITY, { workspaceId, platformUserId }),
    identitiesOf: (memberId) => r.all<IdentityRow>(IDENTITIES_OF, { memberId }),

    async issueCode(identityId, now, ttlMs) {
      const code = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
      await r.run(DROP_UNUSED, { identityId });
      await r.run(ADD_CODE, { codeHash: hashCode(code), identityId, now, expiresAt: now + ttlMs });
      return code;
    },

    async redeem(code, now) {
      const row = await r.get<{ codeHash: string; identityId: number; expiresAt: number; usedAt: number | null }>(
        CODE,
        { codeHash: hashCode(code) },
      );
      if (!row || row.usedAt !== null || row.expiresAt <= now) return undefined;
      await r.run(USE_CODE, { now, codeHash: row.codeHash });
      return r.get<IdentityRow>(IDENTITY_BY_ID, { id: row.identityId });
    },

    async recordFailure(identityId, now) {
      await r.run(FAILURE, { identityId, now });
    },

    async failuresSince(identityId, since) {
      return (await r.get<{ n: number }>(FAILURES, { identityId, since }))!.n;
    },

    async merge(survivorId, absorbedId) {
      const mine = new Map(
        (await r.all<ProgressRow>(PROGRESS_OF, { memberId: survivorId })).map((p) => [p.topicId, p]),
      );
      for (const theirs of await r.all<ProgressRow>(PROGRESS_OF, { memberId: absorbedId })) {
        const kept = mine.get(theirs.topicId);
        // The most advanced state wins (done > learning > skipped); between equals, the latest time.
        const better =
          !kept ||
          RANK[theirs.state] > RANK[kept.state] ||
          (theirs.state === kept.state && theirs.updatedAt > kept.updatedAt);
        if (better) await r.run(UPSERT_PROGRESS, { ...theirs, memberId: survivorId });
      }
      await r.run('delete from progress where member_id = @absorbedId', { absorbedId });
      const chosen = new Set(
        (await r.all<TrackRow>(TRACKS_OF, { memberId: survivorId })).map((t) => `${t.roadmapId}/${t.sectionSlug}`),
      );
      for (const choice of await r.all<TrackRow>(TRACKS_OF, { memberId: absorbedId })) {
        if (!chosen.has(`${choice.roadmapId}/${choice.sectionSlug}`))
          await r.run(INSERT_TRACK, { ...choice, memberId: survivorId });
      }
      const move = { survivorId, absorbedId };
      await r.run('delete from track_choices where member_id = @absorbedId', move);
      await r.run('update progress_events set member_id = @survivorId where member_id = @absorbedId', move);
      await r.run('update notes set member_id = @survivorId where member_id = @absorbedId', move);
      await mergeSchedules(survivorId, absorbedId);
      await mergeReviews(survivorId, absorbedId);
      await r.run('update identities set member_id = @survivorId where member_id = @absorbedId', move);
      const absorbed = await r.get<MemberRow>(MEMBER, { id: absorbedId });
      const survivor = await r.get<MemberRow>(MEMBER, { id: survivorId });
      if (absorbed && survivor && !survivor.timeZone && absorbed.timeZone) {
        await r.run('update members set time_zone = @timeZone where id = @survivorId', {
          timeZone: absorbed.timeZone,
          survivorId,
        });
      }
      await r.run('delete from members where id = @absorbedId', move);
    },

    async split(identity, now) {
      const from = (await r.get<MemberRow>(MEMBER, { id: identity.memberId }))!;
      const fresh = (await r.get<{ id: number }>(INSERT_MEMBER, { ...from, displayName: identity.displayName, now }))!
        .id;
      for (const p of await r.all<ProgressRow>(PROGRESS_OF, { memberId: from.id }))
        await r.run(INSERT_PROGRESS, { ...p, memberId: fresh });
      for (const t of await r.all<TrackRow>(TRACKS_OF, { memberId: from.id }))
        await r.run(INSERT_TRACK, { ...t, memberId: fresh });
      // Its finished topics stay due for review as they were; the answers given so far stay with the shared member.
      await r.run(COPY_CARDS, { fresh, from: from.id });
      await r.run('update identities set member_id = @fresh where id = @id', { fresh, id: identity.id });
      // A nudge that DMs this account goes with it.
      await r.run('update schedules set member_id = @fresh where member_id = @from and identity_id = @identityId', {
        fresh,
        from: from.id,
        identityId: identity.id,
      });
      return fresh;
    },
  };
}
