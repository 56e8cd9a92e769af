// Module boundaries, stated as data and checked on the real import graph. Imports are read with the TypeScript
// compiler (multi-line imports, side-effect imports, re-exports, import(), require()), and relative imports are
// followed transitively, so a core file that imports a scheduler file that imports node-cron breaks the rule too.
// Type-only imports are erased at run time: they are not followed, and count only where a rule says so. A rule may
// also leave out import() calls: what they load comes only when the code runs (a platform's create()).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(new URL('..', import.meta.url).pathname);

interface Rule {
  name: string;
  from: string; // a folder under the root (every module in it) or one module
  forbid: string[]; // package names ("pkg", "@scope/*"), folders of ours ("src/adapters/") or modules ("src/app.ts")
  allow?: string[]; // exceptions among the forbidden folders (files or folders)
  types?: boolean; // type-only imports of the forbidden folders count too (they are still not followed)
  lazy?: boolean; // import() calls neither count nor are followed: they load only when the code runs
}

const PLATFORM_LIBRARIES = ['@slack/*', 'discord.js', '@discordjs/*'];
const DATABASE_LIBRARIES = ['drizzle-orm', 'better-sqlite3', 'pg', '@electric-sql/*'];

const COMPOSITION = ['src/app.ts', 'src/main.ts', 'src/platforms.ts'];
// The store's insides: what queries there are and which engine runs them. Only its port is named by the core, the
// scheduler and content loading; the composition root (src/open-store.ts, src/main.ts) opens an engine.
const STORE_INSIDES = ['src/store/'];
const STORE_PORT = ['src/store/port.ts'];

const RULES: Rule[] = [
  {
    name: 'the core knows no platform, adapter, scheduler, server, cron or database driver',
    from: 'src/core/',
    forbid: [
      ...PLATFORM_LIBRARIES,
      ...DATABASE_LIBRARIES,
      'node-cron',
      'src/adapters/',
      'src/schedule/',
      'src/server/',
      ...COMPOSITION,
    ],
  },
  {
    name: 'content loading knows no platform, adapter, scheduler, server, cron or database driver',
    from: 'src/content/',
    forbid: [
      ...PLATFORM_LIBRARIES,
      ...DATABASE_LIBRARIES,
      'node-cron',
      'src/adapters/',
      'src/schedule/',
      'src/server/',
      ...COMPOSITION,
    ],
  },
  {
    // The core's rules reach it as functions (core.outbound); its types may be named.
    name: 'the scheduler names no platform and reaches the core only through what it is given',
    from: 'src/schedule/',
    forbid: [...PLATFORM_LIBRARIES, ...DATABASE_LIBRARIES, 'src/adapters/', 'src/core/', ...COMPOSITION],
    allow: ['src/adapters/adapter.ts'],
  },
  {
    name: 'adapters translate: they read neither the store nor a database, and send through no scheduler',
    from: 'src/adapters/',
    forbid: [...DATABASE_LIBRARIES, 'src/store/', 'src/schedule/', ...COMPOSITION],
    types: true,
  },
  {
    name: 'the core reaches the store only through its port (types; the Tx it is handed)',
    from: 'src/core/',
    forbid: STORE_INSIDES,
    allow: STORE_PORT,
    types: true,
  },
  {
    name: 'the scheduler reaches the store only through its port',
    from: 'src/schedule/',
    forbid: STORE_INSIDES,
    allow: STORE_PORT,
    types: true,
  },
  {
    name: 'content loading reaches the store only through its port',
    from: 'src/content/',
    forbid: STORE_INSIDES,
    allow: STORE_PORT,
    types: true,
  },
  {
    name: 'the HTTP server reaches no store: it is handed what it shows',
    from: 'src/server/',
    forbid: [...STORE_INSIDES, ...DATABASE_LIBRARIES],
    types: true,
  },
  {
    // Bolt and discord.js take a few hundred milliseconds and tens of megabytes to load: only a configured platform's.
    name: "the bot starts without any platform library: each is imported in its platform's create()",
    from: 'src/main.ts',
    forbid: PLATFORM_LIBRARIES,
    lazy: true,
  },
];

type Import = { specifier: string; target?: string; typeOnly: boolean; dynamic: boolean };
const parsed = new Map<string, Import[]>(); // by file and source: every rule walks the same files

/** The modules a file imports: specifier, resolved file (undefined for a package), and whether only types come. */
function imports(file: string, source: string): Import[] {
  const key = `${file}\0${source}`;
  let found = parsed.get(key);
  if (!found) parsed.set(key, (found = parse(file, source)));
  return found;
}

function parse(file: string, source: string): Import[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: { specifier: string; typeOnly: boolean; dynamic: boolean }[] = [];
  const add = (specifier: string, typeOnly = false, dynamic = false) =>
    found.push({ specifier, typeOnly: Boolean(typeOnly), dynamic });
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause &&
          !clause.name &&
          clause.namedBindings &&
          ts.isNamedImports(clause.namedBindings) &&
          clause.namedBindings.elements.length > 0 &&
          clause.namedBindings.elements.every((e) => e.isTypeOnly));
      add(node.moduleSpecifier.text, typeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node.isTypeOnly);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expr = node.moduleReference.expression;
      if (ts.isStringLiteral(expr)) add(expr.text, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.arguments.length >= 1 && ts.isStringLiteralLike(node.arguments[0]!)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword)
        add((node.arguments[0] as ts.StringLiteralLike).text, false, true);
      else if (ts.isIdentifier(callee) && callee.text === 'require')
        add((node.arguments[0] as ts.StringLiteralLike).text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  const exists = (path: string) => overrides.has(path) || existsSync(path);
  return found.map(({ specifier, typeOnly, dynamic }) => {
    if (!specifier.startsWith('.')) return { specifier, typeOnly, dynamic };
    const target = resolve(dirname(file), specifier);
    return {
      specifier,
      typeOnly,
      dynamic,
      target: exists(target) ? target : exists(`${target}.ts`) ? `${target}.ts` : join(target, 'index.ts'),
    };
  });
}

const packageName = (specifier: string) =>
  specifier
    .replace(/^node:/, '')
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

function forbids(rule: Rule, specifier: string, target: string | undefined): boolean {
  if (target) {
    const path = relative(ROOT, target);
    if (rule.allow?.some((a) => path === a || (a.endsWith('/') && path.startsWith(a)))) return false;
    return rule.forbid.some((f) => (f.endsWith('/') ? path.startsWith(f) : f.endsWith('.ts') && path === f));
  }
  const name = packageName(specifier);
  return rule.forbid.some((f) => f === name || (f.endsWith('/*') && name.startsWith(f.slice(0, -1))));
}

/** Every chain of runtime imports from a module under rule.from to
 *  something it forbids, e.g. "a.ts → b.ts → node-cron". */
function violations(rule: Rule, read: (file: string) => string | undefined = readSource): string[] {
  const found: string[] = [];
  for (const start of modulesUnder(join(ROOT, rule.from))) {
    const seen = new Set<string>([start]);
    const queue: { file: string; path: string[] }[] = [{ file: start, path: [relative(ROOT, start)] }];
    while (queue.length) {
      const { file, path } = queue.shift()!;
      const source = read(file);
      if (source === undefined) continue;
      for (const { specifier, target, typeOnly, dynamic } of imports(file, source)) {
        if (typeOnly && !(rule.types && path.length === 1)) continue; // erased at run time
        if (dynamic && rule.lazy) continue; // loaded only when the code runs
        const step = target ? relative(ROOT, target) : specifier;
        if (forbids(rule, specifier, target)) found.push([...path, step].join(' → '));
        else if (target && !typeOnly && !seen.has(target)) {
          seen.add(target);
          queue.push({ file: target, path: [...path, step] });
        }
      }
    }
  }
  return found;
}

const overrides = new Map<string, string>(); // the self-test below plants violations here, never on disk
function readSource(file: string): string | undefined {
  return overrides.get(file) ?? (existsSync(file) && file.endsWith('.ts') ? readFileSync(file, 'utf8') : undefined);
}

function modulesUnder(dir: string): string[] {
  if (dir.endsWith('.ts')) return [dir];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? modulesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('module boundaries', () => {
  it.each(RULES.map((r) => [r.name, r]))('%s', (_name, rule) => {
    expect(modulesUnder(join(ROOT, rule.from)).length).toBeGreaterThan(rule.from.endsWith('.ts') ? 0 : 1);
    expect(violations(rule)).toEqual([]);
  });

  it('catches every way a forbidden import can slip in', () => {
    const core = RULES[0]!;
    const grammar = join(ROOT, 'src/core/grammar.ts');
    const plant = (source: string) => {
      overrides.set(grammar, `${readFileSync(grammar, 'utf8')}\n${source}\n`);
      try {
        return violations(core, readSource);
      } finally {
        overrides.delete(grammar);
      }
    };
    expect(plant("import {\n  Client,\n  Events,\n} from 'discord.js';")).toContain('src/core/grammar.ts → discord.js');
    expect(plant("import 'node-cron';")).toContain('src/core/grammar.ts → node-cron');
    expect(plant("const cron = require('node-cron');")).toContain('src/core/grammar.ts → node-cron');
    expect(plant("export { default } from '@slack/bolt';")).toContain('src/core/grammar.ts → @slack/bolt');
    expect(plant("const mod = await import('better-sqlite3');")).toContain('src/core/grammar.ts → better-sqlite3');
    // A relative import into a forbidden folder, and through an allowed-looking file to a forbidden package.
    const ticker = readdirSync(join(ROOT, 'src/schedule')).find((f) => f === 'ticker.ts');
    if (ticker)
      expect(plant("import { createScheduler } from '../schedule/ticker.ts';")).toContain(
        'src/core/grammar.ts → src/schedule/ticker.ts',
      );
    const helper = join(ROOT, 'src/core/innocent-helper.ts');
    overrides.set(helper, "import cron from 'node-cron';\nexport const x = cron;\n");
    try {
      expect(plant("import { x } from './innocent-helper.ts';")).toContain(
        'src/core/grammar.ts → src/core/innocent-helper.ts → node-cron',
      );
    } finally {
      overrides.delete(helper);
    }
    // A type-only import loads nothing at run time.
    expect(plant("import type { Client } from 'discord.js';").filter((v) => v.includes('discord.js'))).toEqual([]);
  });

  it('checks the scheduler, the adapters and the entry point too', () => {
    const rule = (from: string) => RULES.find((r) => r.from === from)!;
    /** The violations of `from`'s rule with `source` appended to `file`; <src/…> in it becomes the path from `file`. */
    const plant = (from: string, file: string, source: string) => {
      const path = join(ROOT, file);
      const planted = source.replace(/<(src\/[^>]+)>/g, (_, target: string) => {
        if (!existsSync(join(ROOT, target))) throw new Error(`planted import of ${target}, which does not exist`);
        return relative(dirname(path), join(ROOT, target));
      });
      overrides.set(path, `${readFileSync(path, 'utf8')}\n${planted}\n`);
      try {
        return violations(rule(from), readSource);
      } finally {
        overrides.delete(path);
      }
    };
    const sender = 'src/schedule/sender.ts';
    expect(
      plant('src/schedule/', sender, "import { createDiscordOutbound } from '<src/adapters/discord/send.ts>';"),
    ).toContain('src/schedule/sender.ts → src/adapters/discord/send.ts');
    expect(plant('src/schedule/', sender, "import { RateLimitError } from 'discord.js';")).toContain(
      'src/schedule/sender.ts → discord.js',
    );
    expect(plant('src/schedule/', sender, "import { CATCH_UP_MS } from '<src/core/outbound/queue-due.ts>';")).toContain(
      'src/schedule/sender.ts → src/core/outbound/queue-due.ts',
    );
    expect(
      plant('src/schedule/', sender, "import type { QueueDueResult } from '<src/core/outbound/queue-due.ts>';"),
    ).toEqual([]); // a type only
    const render = 'src/adapters/slack/render.ts';
    expect(plant('src/adapters/', render, "import { createStore } from '<src/store/index.ts>';")).toContain(
      'src/adapters/slack/render.ts → src/store/index.ts',
    );
    expect(plant('src/adapters/', render, "import type { Store } from '<src/store/index.ts>';")).toContain(
      'src/adapters/slack/render.ts → src/store/index.ts',
    );
    expect(plant('src/adapters/', render, "import { createScheduler } from '<src/schedule/ticker.ts>';")).toContain(
      'src/adapters/slack/render.ts → src/schedule/ticker.ts',
    );
    // A platform's library: fine inside create() (import()), a violation of the entry point's rule at the top.
    const platform = 'src/adapters/discord/platform.ts';
    expect(plant('src/main.ts', platform, "import { Client } from 'discord.js';")).toContain(
      'src/main.ts → src/platforms.ts → src/adapters/discord/platform.ts → discord.js',
    );
    expect(plant('src/main.ts', platform, "export const load = () => import('discord.js');")).toEqual([]);
    expect(
      plant('src/main.ts', platform, "import { createDiscordAdapter } from './index.ts';").some((v) =>
        v.endsWith('→ discord.js'),
      ),
    ).toBe(true);
  });
});
