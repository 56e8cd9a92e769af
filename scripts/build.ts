// `npm run build`: bundles src/main.ts ahead of time into dist/ (docs/decisions/019), so the production process starts
// without compiling TypeScript or resolving hundreds of small files. What stays outside the bundle is loaded from
// node_modules as before; the platform adapters and PostgreSQL's engine become chunks of their own, imported only when
// configured (docs/decisions/009), so their external libraries load only then too.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

export const ROOT = new URL('..', import.meta.url).pathname;
export const BUNDLE = 'dist/main.js';

/** Loaded from node_modules at run time, never bundled. */
const EXTERNAL = [
  // The platform libraries, loaded only when their platform is configured (and large enough to matter).
  '@slack/bolt',
  'discord.js',
  // Native code, or files found beside the package's own modules: a WebAssembly image, worker and daemon scripts.
  'better-sqlite3',
  'pg',
  '@electric-sql/pglite',
  'pino', // its transports start worker threads from files of its own
  'pino-pretty', // required by name, only when logging to a terminal (src/log.ts)
  'node-cron', // forks a daemon script beside its module for background tasks
];

/** Bundles `entry` into `outdir` (a folder one below the root, as src/app-root.ts expects): the bot by default; the
 *  scheduler benchmark bundles its sender process the same way, so it runs what production runs. */
export async function buildBundle({ entry = 'src/main.ts', outdir = 'dist' } = {}): Promise<void> {
  // Emptied first: chunks are named by their content's hash, so each build of changed sources adds new files, and
  // the old ones would pile up beside them. Only ever a folder of its own: '', '.' or '..' would empty the checkout.
  if (!/^\.?[\w-]+$/.test(outdir)) throw new Error(`outdir is one folder below the root, not "${outdir}"`);
  rmSync(join(ROOT, outdir), { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    outdir,
    bundle: true,
    splitting: true, // a dynamic import() stays one: the lazily loaded parts become chunks
    format: 'esm',
    platform: 'node',
    target: 'node22',
    external: EXTERNAL,
    sourcemap: true,
    // Bundled CommonJS packages call require() for Node's own modules, which an ES module does not have.
    banner: {
      js: "import { createRequire as __require_ } from 'node:module'; const require = __require_(import.meta.url);",
    },
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildBundle();
