// Spaced-review benchmark (issue 16). Two stores:
// - 10,000 members in four time zones with 30 review cards each (300,000 cards, due dates spread from ten days ago to
//   80 days ahead, FSRS states with stabilities of 1–40 days), on the core seed: the due-reviews query a nudge runs
//   (target p99 < 5 ms), a nudge composed with its reviews, and `team` with the team's recall (target p99 < 25 ms).
// - 100,000 members with daily nudges due in the same minute and 30 cards each (3,000,000 cards): the tick's enqueue
//   (target < 2 s, the scheduler's), then 5,000 of those nudges composed with their reviews by the real composer and
//   sent through the real sender to a local endpoint allowing 1,000/s (target ≥ 95% of it, the scheduler's).
import { join } from 'node:path';
import { fixedClock } from '../src/clock.ts';
import { syncContent } from '../src/content/sync.ts';
import { createCore } from '../src/core/index.ts';
import { buildNudge, REVIEWS_IN_NUDGE } from '../src/core/outbound/nudge.ts';
import { dueReviews } from '../src/core/review/due.ts';
import { FORGETTING_CURVE } from '../src/core/review/fsrs.ts';
import { SAMPLE } from '../src/core/review/team-recall.ts';
import { createLog } from '../src/log.ts';
import { createSender } from '../src/schedule/sender.ts';
import { createStore } from '../src/store/index.ts';
import type { MemberRow, RoadmapView, Store, WorkspaceRow } from '../src/store/port.ts';
import { CONTENT_DIR, tempDir } from '../test/helpers.ts';
import { openMigratedSqlite } from '../test/store/open-test-database.ts';
import { startRateLimitedFake } from './schedule.ts';
import { seededStore } from './seed.ts';
import { judge, report, timeEach } from './stats.ts';

const CARDS = 30;
const RUNS = 5_000;
const NIGHT_MEMBERS = 100_000;
const RATE = 1000;
const SENDS = 5000;
const DAY = 86_400_000;
const NOW = Date.parse('2026-11-26T09:00:00Z');
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata'];

/** Members get one of four zones; each gets a card for each of the roadmap's first 30 topics, in SQL both engines run.
 *  Due dates are whole local-ish days from 10 days overdue to 80 ahead (about one in eight due), each card last
 *  reviewed its interval before it is due, with a stability near that interval, as FSRS would leave it. */
export function reviewCardsSql(now: number): string {
  const hash = '(m.id * 7919 + t.id * 104729)';
  return `
    update members set time_zone = case id % 4 ${ZONES.map((z, i) => `when ${i} then '${z}'`).join(' ')} end;
    insert into review_cards (member_id, topic_id, due_at, stability, difficulty, elapsed_days, scheduled_days,
        learning_steps, reps, lapses, state, last_review_at, created_at)
      select m.id, t.id, ${now} + (${hash} % 91 - 10) * ${DAY}, 1 + ${hash} % 40 + 0.5, 5.0, 0, 1 + ${hash} % 40, 0,
        1 + ${hash} % 5, ${hash} % 2, 2, ${now} + (${hash} % 91 - 10 - 1 - ${hash} % 40) * ${DAY}, 0
      from members m cross join (select id from topics where roadmap_id = 'backend' and retired_at is null
        order by position limit ${CARDS}) t;`;
}

export async function runReviewsBench(print: (line: string) => void = console.log): Promise<void> {
  await dueAndTeam(print);
  await hundredThousandNudges(print);
}

async function dueAndTeam(print: (line: string) => void) {
  const tmp = tempDir();
  try {
    const { db, store, clock } = await seededStore(tmp);
    const start = performance.now();
    db.sqlite.exec(`${reviewCardsSql(NOW)} analyze;`);
    const count = (sql: string) => (db.sqlite.prepare(sql).get() as { n: number }).n;
    print(
      `reviews: ${count('select count(*) n from members')} members, ${count('select count(*) n from review_cards')} ` +
        `cards (${count(`select count(*) n from review_cards where due_at <= ${NOW}`)} due) seeded in ` +
        `${(performance.now() - start).toFixed(0)} ms`,
    );
    const now = clock.now().getTime();
    const roadmap = (await store.transaction((tx) => tx.content.roadmap('backend')))!;
    const member = (i: number) => ((i * 7919) % 10_000) + 1;
    const due = (i: number) => store.transaction((tx) => tx.reviews.due(member(i), now, 50));
    await timeEach(1000, due); // warm caches and the JIT
    print(report('due-reviews query', await timeEach(RUNS, due), 5));
    const attach = (i: number) =>
      store.transaction((tx) => dueReviews(tx.reviews, member(i), roadmap.topics, now, REVIEWS_IN_NUDGE + 1));
    print(report("a nudge's reviews", await timeEach(RUNS, attach), 5));
    const workspace = (await store.transaction((tx) => tx.workspaces.find('bench', 'bench')))!;
    const memberRow = (id: number): MemberRow => ({
      id,
      displayName: `Member ${id - 1}`,
      timeZone: ZONES[id % 4]!,
      privacy: 'show',
      streakMode: 'daily',
      createdAt: 0,
    });
    const nudgeAt = (at: number) => (i: number) =>
      store.transaction((tx) => buildNudge(tx, memberRow(member(i)), workspace, at));
    await timeEach(200, nudgeAt(now));
    // Eleven days earlier no card is due yet (the seed's most overdue is ten days): the same nudge without reviews.
    print(report('nudge, no review due', await timeEach(2000, nudgeAt(now - 11 * DAY))));
    print(report('nudge with reviews', await timeEach(2000, nudgeAt(now))));

    const core = createCore({ store, clock, log: createLog('error'), defaultRoadmap: 'backend' });
    const team = (i: number) =>
      core.handle({
        platform: 'bench',
        workspace: { id: 'bench' },
        user: { id: `u${(i * 7919) % 10_000}`, displayName: 'Member' },
        place: { direct: true },
        text: 'team',
      });
    await timeEach(30, team);
    const recall = (await team(0)).blocks.find((b) => b.type === 'progress');
    print(report('team (with recall)', await timeEach(300, team), 25));
    print(
      `  ${recall?.type === 'progress' ? `${recall.label} ${recall.done}% ${recall.note}` : 'no team recall shown'}`,
    );
    await recallQueries(store, workspace, roadmap, now, 10_000, print);
    await store.close();
  } finally {
    tmp.cleanup();
  }
}

async function hundredThousandNudges(print: (line: string) => void) {
  const tmp = tempDir();
  try {
    const db = await openMigratedSqlite(join(tmp.dir, 'nudges.db'));
    const store = createStore(db);
    await syncContent(CONTENT_DIR, store, NOW - DAY);
    let start = performance.now();
    seedNudges(db.sqlite);
    const cards = (db.sqlite.prepare('select count(*) n from review_cards').get() as { n: number }).n;
    print(
      `nudges: ${NIGHT_MEMBERS} members with a nudge due at once and ${cards} cards seeded in ` +
        `${((performance.now() - start) / 1000).toFixed(1)} s`,
    );
    const clock = fixedClock(new Date(NOW));
    const core = createCore({ store, clock, log: createLog('error'), defaultRoadmap: 'backend' });
    start = performance.now();
    const { queued } = await core.outbound.queueDue(NOW);
    const enqueueMs = performance.now() - start;
    print(
      `enqueue ${queued} nudges         ${(enqueueMs / 1000).toFixed(2)} s  (target < 2 s: ` +
        `${judge(`enqueue ${queued} nudges with reviews`, `${(enqueueMs / 1000).toFixed(2)} s`, '< 2 s', enqueueMs < 2000)})`,
    );

    // The first SENDS go to the fake; the rest stay queued for a platform this sender does not run.
    db.sqlite.prepare("update deliveries set platform = 'bench' where id <= ?").run(SENDS);
    const fake = await startRateLimitedFake(RATE);
    let withReviews = 0;
    const sender = createSender({
      store,
      clock,
      log: createLog('silent'),
      adapters: [
        {
          platform: 'bench',
          outbound: {
            async send(target, message) {
              if (message.buttons.some((b) => b.command.startsWith('review reveal '))) withReviews++;
              await fake.post(target.id);
            },
            limits: { perSecond: RATE, burst: RATE, perTargetMs: 0, inFlight: 50 },
          },
        },
      ],
      outbound: core.outbound, // the real composer: each nudge built at send time, its reviews attached
    });
    const drain = async () => {
      const [accepted, started] = [fake.accepted, performance.now()];
      await sender.drain();
      return (fake.accepted - accepted) / ((performance.now() - started) / 1000);
    };
    const line = (what: string, throughput: number) =>
      `send ${SENDS} ${what} at ${RATE}/s allowed  ${throughput.toFixed(0)}/s = ` +
      `${((throughput / RATE) * 100).toFixed(1)}% (target ≥ 95%: ` +
      `${judge(`send ${what}`, `${((throughput / RATE) * 100).toFixed(1)}%`, '≥ 95%', throughput >= 0.95 * RATE)})`;
    const throughput = await drain();
    print(`${line('composed nudges', throughput)}; ${withReviews} carried reviews; 429s ${fake.refused}`);
    // The next SENDS, their members' cards removed: the same composer and sender with no review to attach.
    db.sqlite.exec(`
      delete from review_cards where member_id in (select s.member_id from deliveries d
        join schedules s on s.id = d.schedule_id where d.id > ${SENDS} and d.id <= ${2 * SENDS});
      update deliveries set platform = 'bench' where id > ${SENDS} and id <= ${2 * SENDS};`);
    withReviews = 0;
    print(`${line('nudges, no cards', await drain())}; ${withReviews} carried reviews`);
    await fake.close();
    const workspace = (await store.transaction((tx) => tx.workspaces.find('discord', 'W1')))!;
    const roadmap = (await store.transaction((tx) => tx.content.roadmap('backend')))!;
    await recallQueries(store, workspace, roadmap, NOW, NIGHT_MEMBERS, print);
    const team = (i: number) =>
      core.handle({
        platform: 'discord',
        workspace: { id: 'W1' },
        user: { id: `U${((i * 7919) % NIGHT_MEMBERS) + 1}`, displayName: 'Member' },
        place: { direct: true },
        text: 'team',
      });
    await timeEach(5, team);
    print(report(`team, ${NIGHT_MEMBERS} members`, await timeEach(30, team)));
    await store.close();
  } finally {
    tmp.cleanup();
  }
}

/** The team-recall query alone: sampled as `team` runs it, and over every member (what sampling saves). */
async function recallQueries(
  store: Store,
  workspace: WorkspaceRow,
  roadmap: RoadmapView,
  now: number,
  visible: number,
  print: (line: string) => void,
) {
  const query = (stride: number) => () =>
    store.transaction((tx) =>
      tx.reviews.teamRecall({ workspaceId: workspace.id, roadmapId: roadmap.id, now, curve: FORGETTING_CURVE, stride }),
    );
  const stride = Math.ceil(visible / SAMPLE);
  const sampled = await query(stride)();
  const every = await query(1)();
  print(report(`team recall, sample 1/${stride}`, await timeEach(50, query(stride))));
  print(report('team recall, every member', await timeEach(5, query(1))));
  print(
    `  sampled ${(sampled!.recall * 100).toFixed(2)}% over ${sampled!.members} members; ` +
      `every member ${(every!.recall * 100).toFixed(2)}% over ${every!.members}`,
  );
}

/** One workspace, NIGHT_MEMBERS members each with an identity and a daily nudge due at NOW (the same instant in four
 *  zones), a track chosen by four in five, some progress, and 30 review cards. */
function seedNudges(sqlite: import('better-sqlite3').Database) {
  const times = ['09:00', '10:00', '04:00', '14:30']; // NOW in each of ZONES
  sqlite.transaction(() => {
    sqlite.exec(`
      insert into workspaces (platform, external_id, name, roadmap_id, created_at)
        values ('discord', 'W1', 'Bench', 'backend', 0);
      with recursive seq(n) as (select 1 union all select n + 1 from seq where n < ${NIGHT_MEMBERS})
      insert into members (id, display_name, created_at) select n, 'Member ' || n, 0 from seq;
      insert into identities (workspace_id, platform_user_id, member_id, display_name, created_at)
        select 1, 'U' || id, id, display_name, 0 from members;
      insert into schedules (kind, workspace_id, member_id, identity_id, local_time, time_zone, days, next_due_at,
          created_at)
        select 'nudge', 1, m.id, i.id, case m.id % 4 ${times.map((t, k) => `when ${k} then '${t}'`).join(' ')} end,
          case m.id % 4 ${ZONES.map((z, k) => `when ${k} then '${z}'`).join(' ')} end, 127, ${NOW}, 0
        from members m join identities i on i.member_id = m.id;
      insert into track_choices (member_id, roadmap_id, section_slug, group_slug, chosen_at)
        select id, 'backend', 'choose-your-backend-language', 'nodejs', 0 from members where id % 5 <> 0;
      insert into progress (member_id, topic_id, state, updated_at)
        select m.id, t.id, 'learning', 0 from members m join topics t on t.position = m.id % 30 where m.id % 3 = 0;
      ${reviewCardsSql(NOW)}
      analyze;`);
  })();
}

if (import.meta.url === `file://${process.argv[1]}`) await runReviewsBench();
