// Builds `labmig stats` into plain JavaScript (dist/), so that the command starts without compiling TypeScript:
// dist/labmig-stats.js (the CLI and the engine, one file) and dist/csv-worker.js (the CSV reader's worker thread).
// Run by `npm install` (postinstall) and, when the sources changed since, by the `labmig` command before it
// runs `labmig stats` (ensureStatsCli). Uses esbuild, which the toolchain already installs.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const entry = join(dist, 'labmig-stats.js');
const worker = join(dist, 'csv-worker.js');

/** Newest modification time (ms) of the sources and of this script. */
function newestSource(dir = join(root, 'src')) {
  let newest = statSync(fileURLToPath(import.meta.url)).mtimeMs;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
        newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  walk(dir);
  return newest;
}

function builtAt() {
  try {
    return Math.min(statSync(entry).mtimeMs, statSync(worker).mtimeMs);
  } catch {
    return -1;
  }
}

/** Builds dist/ now. */
export async function buildStatsCli() {
  const { build } = await import('esbuild');
  mkdirSync(dist, { recursive: true });
  const common = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    legalComments: 'none',
    // Bundled CommonJS dependencies may call require(): give the ES module one.
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  };
  // Write beside, then move in: a concurrent `labmig stats` never loads a half-written file. Readers that most runs
  // do not need (Parquet, Arrow) go to chunks loaded on demand.
  const tmp = join(dist, `.build-${process.pid}`);
  await build({
    ...common,
    entryPoints: {
      'labmig-stats': join(root, 'src/cli/index.ts'),
      'csv-worker': join(root, 'src/node/csv-worker.ts'),
    },
    outdir: tmp,
    splitting: true,
    chunkNames: 'chunk-[hash]',
  });
  // chunks first (a new build's chunks have new names), the entry points last, then the old chunks go
  const chunks = readdirSync(tmp).filter((f) => f.startsWith('chunk-'));
  for (const f of chunks) renameSync(join(tmp, f), join(dist, f));
  renameSync(join(tmp, 'csv-worker.js'), worker);
  renameSync(join(tmp, 'labmig-stats.js'), entry);
  rmSync(tmp, { recursive: true, force: true });
  for (const f of readdirSync(dist))
    if (f.startsWith('chunk-') && !chunks.includes(f)) rmSync(join(dist, f), { force: true });
}

/**
 * The URL of the built CLI module, building it first when it is missing or older than the sources.
 * @returns a file URL to import; it exports `runStatsCli`.
 */
export async function ensureStatsCli() {
  if (builtAt() < newestSource()) await buildStatsCli();
  return pathToFileURL(entry).href;
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  await buildStatsCli();
}
