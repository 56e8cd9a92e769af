// The PostgreSQL engines (PGlite always, the real server when TEST_DATABASE_URL is set) against what the store's SQL
// relies on: named parameters and aliases, rollback, numbers and booleans as SQLite gives them, day arithmetic on
// epoch milliseconds, the JSON functions the fragments use, concurrency, claims, and migrations.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SetupError } from '../../src/setup-error.ts';
import { openPostgres } from '../../src/store/postgres/engine.ts';
import { migrationCount } from '../../src/store/postgres/migrations.ts';
import type { Database, Runner } from '../../src/store/sql/database.ts';
import { type OpenedEngine, POSTGRES_ENGINES } from './engines.ts';

const NOW = Date.parse('2026-11-10T09:00:00Z');

async function addMember(r: Runner, id: number, name = `m${id}`): Promise<void> {
  await r.run('insert into members (id, display_name, created_at) values (@id, @name, @now)', { id, name, now: NOW });
}

async function addDeliveries(r: Runner, n: number, prefix: string): Promise<void> {
  await r.run(
    `insert into deliveries (key, platform, target, payload, status, nonce, next_attempt_at, due_at, created_at)
     -- @now::bigint: with an int4 operand (g) PostgreSQL would infer int4 for the parameter, and overflow.
     select @prefix || g, 'slack', '{}', '{}', 'pending', 'n' || g, @now::bigint + g, @now, @now
     from generate_series(1, @n::int) g`,
    { prefix, n, now: NOW },
  );
}

/** A sender's claim, as the outbox makes it on PostgreSQL: rows another transaction holds are skipped, not waited on. */
const claim = (r: Runner, owner: string, limit: number) =>
  r.all<{ id: number }>(
    `update deliveries set status = 'claimed', owner = @owner
     where id in (select id from deliveries where status = 'pending' and platform = 'slack' and next_attempt_at <= @now
       order by next_attempt_at, id limit @limit for update skip locked)
     returning id`,
    { owner, now: NOW + 1_000_000, limit },
  );

function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: still waiting after ${ms} ms`)), ms)),
  ]);
}

describe.each(POSTGRES_ENGINES.map((e) => [e.name, e] as const))('%s engine', (_name, engine) => {
  let opened: OpenedEngine;
  let db: Database;
  beforeAll(async () => {
    opened = await engine.open();
    db = opened.db;
  });
  afterAll(() => opened?.dispose());
  beforeEach(() =>
    db.transaction(async (r) => {
      await r.run('delete from deliveries');
      await r.run('delete from progress_events');
      await r.run('delete from member_stats');
      await r.run('delete from members');
      await r.run('delete from topics');
      await r.run('delete from roadmaps');
    }),
  );

  it('binds named parameters and returns rows keyed by the quoted aliases', async () => {
    const row = await db.transaction((r) =>
      r.get<Record<string, unknown>>(
        `select @id::int as "memberId", @name::text as "displayName", @id::int + 1 as "nextId",
           'a@b.c' as "mail", @missing::text as "none"`,
        { id: 41, name: 'Ada', missing: undefined },
      ),
    );
    expect(row).toEqual({ memberId: 41, displayName: 'Ada', nextId: 42, mail: 'a@b.c', none: null });
    expect(await db.transaction((r) => r.get('select 1 as "one" where false'))).toBeUndefined();
    const { changes } = await db.transaction(async (r) => {
      await addMember(r, 1);
      await addMember(r, 2);
      return r.run('update members set display_name = @name where id >= @from', { name: 'x', from: 1 });
    });
    expect(changes).toBe(2);
  });

  it('rolls back everything on a throw and rethrows the same error; the engine stays usable', async () => {
    const boom = new Error('boom');
    await expect(
      db.transaction(async (r) => {
        await addMember(r, 7);
        throw boom;
      }),
    ).rejects.toBe(boom);
    // A failing statement (duplicate key) after a write: both undone.
    await expect(
      db.transaction(async (r) => {
        await addMember(r, 8);
        await addMember(r, 8);
      }),
    ).rejects.toThrow(/duplicate key/);
    // More failures than the pool has connections: each is rolled back and given back, or the next would wait.
    for (let i = 0; i < 12; i++) await expect(db.transaction(() => Promise.reject(boom))).rejects.toBe(boom);
    const n = await db.transaction((r) => r.get<{ n: number }>('select count(*) as "n" from members'));
    expect(n).toEqual({ n: 0 });
  });

  it('refuses a query on a runner whose transaction has ended', async () => {
    let kept: Runner | undefined;
    await db.transaction(async (r) => {
      kept = r;
    });
    await expect(kept!.get('select 1')).rejects.toThrow(/transaction that has ended/);
  });

  it('returns counts, sums and bigint times as numbers, not strings', async () => {
    const row = await db.transaction(async (r) => {
      await addMember(r, 1);
      await addMember(r, 2);
      return r.get<Record<string, unknown>>(
        'select count(*) as "n", sum(created_at) as "total", max(created_at) as "latest", avg(id) as "mean" from members',
      );
    });
    expect(row).toEqual({ n: 2, total: 2 * NOW, latest: NOW, mean: 1.5 });
  });

  it('stores booleans as booleans: bound from JS, compared with a boolean, and `= 1` is an error', async () => {
    const rows = await db.transaction(async (r) => {
      await addDeliveries(r, 2, 'b');
      await r.run("update deliveries set possible_duplicate = @duplicate where key = 'b1'", { duplicate: true });
      return r.all<{ key: string; possibleDuplicate: unknown }>(
        'select key, possible_duplicate as "possibleDuplicate" from deliveries order by key',
      );
    });
    expect(rows).toEqual([
      { key: 'b1', possibleDuplicate: true },
      { key: 'b2', possibleDuplicate: false },
    ]);
    const flagged = await db.transaction((r) =>
      r.all('select key from deliveries where possible_duplicate = @yes', { yes: true }),
    );
    expect(flagged).toEqual([{ key: 'b1' }]);
    // SQLite's spelling does not port: the fragments must compare with a boolean.
    await expect(
      db.transaction((r) => r.all('select key from deliveries where possible_duplicate = 1')),
    ).rejects.toThrow(/boolean = integer/);
  });

  it('computes local days from epoch ms in bigint, without overflow, per offset segment', async () => {
    const at = Date.parse('2026-11-10T23:30:00Z');
    const day = await db.transaction(async (r) => {
      await addMember(r, 1);
      await r.run("insert into roadmaps (id, title, source_hash, loaded_at) values ('r', 'R', 'h', @now)", {
        now: NOW,
      });
      await r.run(
        "insert into topics (id, roadmap_id, path, position, section_slug, section_title, slug, title, summary, resources) values (1, 'r', 'r/t', 0, 's', 'S', 't', 'T', '', '[]')",
      );
      await r.run('insert into progress_events (member_id, topic_id, to_state, at) values (1, 1, @state, @at)', {
        state: 'done',
        at,
      });
      // localDaySql's shape with bigint: before the switch +1 h (Paris winter), after it +2 h.
      return r.all<{ day: number }>(
        `select ((e.at + cast(case when e.at < @u0 then @o0 else @oLast end as bigint)) / 86400000) as "day"
         from progress_events e`,
        { u0: at + 1, o0: 3_600_000, oLast: 7_200_000 },
      );
    });
    expect(day).toEqual([{ day: Math.floor((at + 3_600_000) / 86_400_000) }]);
    expect(day[0]!.day).toBe(Math.floor(Date.parse('2026-11-11T00:30:00Z') / 86_400_000));
    // The trap in today's SQLite text: an integer cast of epoch ms overflows int4 on PostgreSQL.
    await expect(db.transaction((r) => r.get('select cast(@at as integer) as "x"', { at }))).rejects.toThrow(
      /out of range/,
    );
  });

  it('has the JSON functions the fragments use: ids from a JSON array, objects and arrays as JSON text', async () => {
    const ids = await db.transaction((r) =>
      r.all<{ id: number }>('select value::bigint as "id" from json_array_elements_text(@ids::json)', {
        ids: JSON.stringify([3, 1, 2]),
      }),
    );
    expect(ids).toEqual([{ id: 3 }, { id: 1 }, { id: 2 }]);
    const row = await db.transaction((r) =>
      r.get<{ target: string; ids: string; nonce: string }>(
        `select json_build_object('kind', 'user', 'workspaceId', @workspace::text, 'id', coalesce(null, ''))::text
           as "target",
           (select json_agg(g order by g)::text from generate_series(1, 3) g) as "ids",
           lower(substr(replace(gen_random_uuid()::text, '-', ''), 1, 24)) as "nonce"`,
        { workspace: 'T1' },
      ),
    );
    expect(JSON.parse(row!.target)).toEqual({ kind: 'user', workspaceId: 'T1', id: '' });
    expect(JSON.parse(row!.ids)).toEqual([1, 2, 3]);
    expect(row!.nonce).toMatch(/^[0-9a-f]{24}$/);
  });

  it('lists the foreign keys that point at a table from the catalogue, as `forget` needs (no sqlite_master)', async () => {
    const referencing = await db.transaction((r) =>
      r.all<{ table: string; from: string; to: string }>(
        `select cl.relname as "table", a.attname as "from", fa.attname as "to"
         from pg_constraint c
           join pg_class cl on cl.oid = c.conrelid
           join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
           join pg_attribute fa on fa.attrelid = c.confrelid and fa.attnum = c.confkey[1]
         where c.contype = 'f' and c.confrelid = ('public.' || @parent)::regclass order by 1, 2`,
        { parent: 'identities' },
      ),
    );
    expect(referencing).toEqual([
      { table: 'link_attempts', from: 'identity_id', to: 'id' },
      { table: 'link_codes', from: 'identity_id', to: 'id' },
      { table: 'schedules', from: 'identity_id', to: 'id' },
    ]);
  });

  it('runs transactions from several callers at once, each committed', async () => {
    const callers = 4;
    if (engine.concurrent) {
      // Each waits until all have written inside their own transaction: only a pool of connections gets there.
      let arrived = 0;
      let allIn!: () => void;
      const barrier = new Promise<void>((resolve) => (allIn = resolve));
      const work = Array.from({ length: callers }, (_, i) =>
        db.transaction(async (r) => {
          await addMember(r, 100 + i);
          if (++arrived === callers) allIn();
          await barrier;
        }),
      );
      await within(5000, Promise.all(work), 'transactions on the pool');
    } else {
      // One connection: they take turns, and none sees another's uncommitted row.
      const seen = await Promise.all(
        Array.from({ length: callers }, (_, i) =>
          db.transaction(async (r) => {
            const before = await r.get<{ n: number }>('select count(*) as "n" from members where id = @id', {
              id: 100 + i,
            });
            await addMember(r, 100 + i);
            return before!.n;
          }),
        ),
      );
      expect(seen).toEqual([0, 0, 0, 0]);
    }
    const n = await db.transaction((r) => r.get<{ n: number }>('select count(*) as "n" from members'));
    expect(n).toEqual({ n: callers });
  });

  it('gives two claiming transactions disjoint rows (for update skip locked)', async () => {
    await db.transaction((r) => addDeliveries(r, 6, 'c'));
    let first: number[];
    let second: number[];
    if (engine.concurrent) {
      // The first holds its rows uncommitted while the second claims: skip locked passes them by instead of waiting.
      let mayCommit!: () => void;
      const hold = new Promise<void>((resolve) => (mayCommit = resolve));
      let claimed!: (ids: number[]) => void;
      const firstClaim = new Promise<number[]>((resolve) => (claimed = resolve));
      const firstTx = db.transaction(async (r) => {
        claimed((await claim(r, 'a', 3)).map((x) => x.id));
        await hold;
      });
      try {
        first = await firstClaim;
        second = (
          await within(
            5000,
            db.transaction((r) => claim(r, 'b', 3)),
            'second claim',
          )
        ).map((x) => x.id);
      } finally {
        mayCommit();
        await firstTx;
      }
    } else {
      first = (await db.transaction((r) => claim(r, 'a', 3))).map((x) => x.id);
      second = (await db.transaction((r) => claim(r, 'b', 3))).map((x) => x.id);
    }
    expect(first).toHaveLength(3);
    expect(second).toHaveLength(3);
    expect(first.filter((id) => second.includes(id))).toEqual([]);
    const owners = await db.transaction((r) =>
      r.all<{ owner: string; n: number }>(
        'select owner, count(*) as "n" from deliveries group by owner order by owner',
      ),
    );
    expect(owners).toEqual([
      { owner: 'a', n: 3 },
      { owner: 'b', n: 3 },
    ]);
  });

  it('migrates twice as a no-op, and reports ready', async () => {
    await db.migrate();
    await db.migrate();
    const applied = await db.transaction((r) =>
      r.get<{ n: number }>('select count(*) as "n" from drizzle.__drizzle_migrations'),
    );
    expect(applied).toEqual({ n: migrationCount() });
    expect(await db.ready()).toBe(true);
  });

  it('is not ready before migrating; two replicas migrating at once both succeed', async () => {
    const fresh = await engine.open({ migrate: false });
    try {
      expect(await fresh.db.ready()).toBe(false);
      const other = fresh.replica() ?? fresh.db;
      await Promise.all([fresh.db.migrate(), other.migrate()]);
      expect(await fresh.db.ready()).toBe(true);
      expect(await other.ready()).toBe(true);
      const applied = await fresh.db.transaction((r) =>
        r.get<{ n: number }>('select count(*) as "n" from drizzle.__drizzle_migrations'),
      );
      expect(applied).toEqual({ n: migrationCount() });
    } finally {
      await fresh.dispose();
    }
  });
});

describe('an unreachable PostgreSQL server', () => {
  it('is one SetupError naming host and port (never the password), and not ready', async () => {
    const db = openPostgres('postgres://bot:s3cret@127.0.0.1:1/coach');
    try {
      const error = await db.migrate().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(SetupError);
      expect((error as SetupError).message).toBe(
        'DATABASE_URL: cannot reach PostgreSQL at 127.0.0.1:1 (ECONNREFUSED).\n' +
          '  Start the server, or correct the host and port in DATABASE_URL.',
      );
      await expect(db.transaction(async () => 1)).rejects.toBeInstanceOf(SetupError);
      expect(await db.ready()).toBe(false);
    } finally {
      await db.close();
    }
  });
});
