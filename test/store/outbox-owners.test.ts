// Outbox claims and their owners on a real SQLite file: a dead owner's claims come back at once (waited rows plain,
// started ones interrupted), a live owner's never; two processes claiming at once never get the same row; and a
// database an older version left mid-send is upgraded without losing a row.
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, tempDir } from '../helpers.ts';
import { openMigratedSqlite } from './open-test-database.ts';

const NINE = Date.parse('2026-11-26T09:00:00Z');
const ROOT = new URL('../..', import.meta.url).pathname;
let app: TestApp;
beforeEach(async () => {
  app = await createTestApp({ now: '2026-11-26T08:00:00Z' });
});
afterEach(() => app.close());

async function due(members: number) {
  for (let i = 1; i <= members; i++)
    await app.say('remind 09:00 UTC', { platform: 'discord', workspace: 'G1', id: `u${i}` });
  await app.core.outbound.queueDue(NINE);
}
const rows = () =>
  app.sqlite
    .prepare(
      'select id, status, owner, interrupted_at interruptedAt, sending_since sendingSince from deliveries order by id',
    )
    .all();
const claim = async (owner: string, limit: number) =>
  await app.q.deliveries.claim({ platform: 'discord', owner, now: NINE, limit });

describe('a dead owner', () => {
  it(
    "gets its claims taken back: those that waited plainly, those mid-request as interrupted; a live owner's " + 'stay',
    async () => {
      await due(5);
      await app.q.outboxOwners.beat('dead', 1_000);
      await app.q.outboxOwners.beat('alive', 20_000);
      const [a, b] = await claim('dead', 2);
      const [c, d] = await claim('alive', 2);
      await app.q.deliveries.sending(b!.id, 'dead', NINE + 5);
      await app.q.deliveries.sending(d!.id, 'alive', NINE + 6);
      expect(await app.q.deliveries.sending(a!.id, 'alive', NINE + 7)).toBe(false); // not its claim

      const recovered = await app.q.outboxOwners.recoverDead('me', 16_000); // beats before 16 s are too old
      expect(recovered).toEqual({ released: 1, interrupted: [{ id: b!.id, platform: 'discord' }] });
      expect(rows()).toEqual([
        { id: a!.id, status: 'pending', owner: null, interruptedAt: null, sendingSince: null },
        { id: b!.id, status: 'pending', owner: null, interruptedAt: NINE + 5, sendingSince: null },
        { id: c!.id, status: 'claimed', owner: 'alive', interruptedAt: null, sendingSince: null },
        { id: d!.id, status: 'sending', owner: 'alive', interruptedAt: null, sendingSince: NINE + 6 },
        expect.objectContaining({ status: 'pending', owner: null }),
      ]);
      // the dead owner is forgotten
      expect(app.sqlite.prepare('select id from outbox_owners order by id').pluck().all()).toEqual(['alive']);
      // Its late writes change nothing: the rows are no longer its own.
      expect(await app.q.deliveries.sent(b!.id, 'dead', NINE + 9)).toBe(false);
      expect(await app.q.deliveries.byKey('2:2026-11-26')).toMatchObject({ status: 'pending' });
    },
  );

  it(
    'keeps the first cut-off instant over later ones, ' + 'and counts an owner missing from the table as dead',
    async () => {
      await due(1);
      for (const [owner, at] of [
        ['one', NINE + 1],
        ['two', NINE + 2],
      ] as const) {
        const [row] = await claim(owner, 1); // 'two' never beat: it has no heartbeat row at all
        await app.q.deliveries.sending(row!.id, owner, at);
        await app.q.outboxOwners.recoverDead('me', 0);
      }
      expect(rows()).toEqual([expect.objectContaining({ status: 'pending', interruptedAt: NINE + 1 })]);
    },
  );

  it('retiring gives back all an owner holds at once, and leaves the table', async () => {
    await due(3);
    await app.q.outboxOwners.beat('me', Date.now());
    await app.q.outboxOwners.beat('other', Date.now());
    const [a, b] = await claim('me', 2);
    await claim('other', 1);
    await app.q.deliveries.sending(b!.id, 'me', NINE + 3);
    expect(await app.q.outboxOwners.retire('me')).toEqual({
      released: 1,
      interrupted: [{ id: b!.id, platform: 'discord' }],
    });
    expect(rows()).toMatchObject([
      { id: a!.id, status: 'pending' },
      { id: b!.id, status: 'pending', interruptedAt: NINE + 3 },
      { status: 'claimed', owner: 'other' },
    ]);
    expect(app.sqlite.prepare('select id from outbox_owners').pluck().all()).toEqual(['other']);
  });
});

it('lets two processes claim from one database file at once without ever taking the same row', async () => {
  await due(600);
  const file = app.sqlite.name;
  const start = (owner: string) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/store/claim-child.ts', file, owner], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const ready = new Promise<void>((resolve) => child.stdout.on('data', () => out.startsWith('ready\n') && resolve()));
    const ids = new Promise<number[]>((resolve, reject) =>
      child.on('close', (code) =>
        code === 0
          ? resolve(JSON.parse(out.slice('ready\n'.length)) as number[])
          : reject(new Error(`claim child exited ${code}`)),
      ),
    );
    return { child, ready, ids };
  };
  const children = [start('one'), start('two')];
  await Promise.all(children.map((c) => c.ready));
  for (const c of children) c.child.stdin.end('go\n');
  const [one, two] = (await Promise.all(children.map((c) => c.ids))) as [number[], number[]];
  expect(one.length).toBeGreaterThan(0);
  expect(two.length).toBeGreaterThan(0);
  expect([...one, ...two].sort((x, y) => x - y)).toEqual(Array.from({ length: 600 }, (_, i) => i + 1)); // each once
  const owners = app.sqlite.prepare('select owner, count(*) n from deliveries group by owner order by owner').all();
  expect(owners).toEqual([
    { owner: 'one', n: one.length },
    { owner: 'two', n: two.length },
  ]);
}, 60_000);

it(
  'upgrades a database an older version left mid-send: its rows count as interrupted, and pending rows learn their ' +
    'workspace',
  async () => {
    const tmp = tempDir();
    try {
      const older = join(tmp.dir, 'migrations');
      cpSync(join(ROOT, 'migrations', 'sqlite'), older, { recursive: true });
      const journalFile = join(older, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
      writeFileSync(
        journalFile,
        JSON.stringify({ ...journal, entries: journal.entries.filter((e) => e.tag < '0009') }),
      );
      const file = join(tmp.dir, 'coach.db');
      const sqlite = new Database(file);
      migrate(drizzle(sqlite), { migrationsFolder: older });
      const insert = sqlite.prepare(`insert into deliveries (key, platform, target, payload, status, nonce, attempts,
        next_attempt_at, due_at, created_at)
      values (?, 'slack', '{"kind":"user","workspaceId":"T1","id":"U1"}', '{}', ?, 'n', 1, ?, 0, 0)`);
      insert.run('leased', 'sending', NINE + 300_000); // claimed at NINE under the old five-minute lease
      insert.run('waiting', 'pending', NINE);
      insert.run('done', 'sent', NINE);
      sqlite.close();

      const upgraded = await openMigratedSqlite(file);
      expect(
        upgraded.sqlite
          .prepare('select key, status, interrupted_at i, target_workspace w from deliveries order by id')
          .all(),
      ).toEqual([
        { key: 'leased', status: 'pending', i: NINE, w: 'T1' },
        { key: 'waiting', status: 'pending', i: null, w: 'T1' },
        { key: 'done', status: 'sent', i: null, w: '' }, // settled: it is never claimed again
      ]);
      upgraded.sqlite.close();
    } finally {
      tmp.cleanup();
    }
  },
);
