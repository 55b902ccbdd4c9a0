// The production server for the benchmarks (bench:quiz, bench:live): the built SvelteKit app served by `labmig serve`
// (as the e2e suite starts it), in a child process on 127.0.0.1 with the benchmark's temp SQLite database.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { join } from 'node:path';

/**
 * Builds apps/web when its production build is missing (or when asked). Returns whether it built. `name` (e.g.
 * `bench:quiz`) starts the progress line.
 */
export function ensureWebBuild(repoRoot, force, name) {
  if (!force && existsSync(join(repoRoot, 'apps/web/build/handler.js'))) return false;
  process.stderr.write(`${name}: building the web app (apps/web: vite build)…\n`);
  const r = spawnSync('npx', ['vite', 'build'], { cwd: join(repoRoot, 'apps/web'), stdio: ['ignore', 2, 2] });
  if (r.status !== 0) throw new Error('the web build failed; run "npm run build" and look at its output');
  return true;
}

/**
 * Copies apps/web/build into a private folder under bench/.cache (inside the repository, so the server bundle
 * finds node_modules), holding the web app's build lock so that no build half-written by someone else is copied.
 * The server then runs this copy: a rebuild during the benchmark cannot change the code under test. `name` (e.g.
 * `bench:quiz`) starts the lock's progress lines.
 * @returns {Promise<string>} the copy's folder (remove its parent when done)
 */
export async function privateBuildCopy(repoRoot, name) {
  const { acquireBuildLock } = await import(join(repoRoot, 'apps/web/build-lock.js'));
  const cache = join(repoRoot, 'bench/.cache');
  mkdirSync(cache, { recursive: true });
  const target = join(mkdtempSync(join(cache, 'build-')), 'build');
  const release = acquireBuildLock(join(repoRoot, 'apps/web'), {
    log: (m) => process.stderr.write(`${name}: ${m}\n`),
  });
  try {
    cpSync(join(repoRoot, 'apps/web/build'), target, { recursive: true });
  } finally {
    release();
  }
  return target;
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node packages/cli/bin/labmig.js serve` (or, with `stub`, the harness's contract stub) and waits (at most `timeoutMs`) until /healthz answers 200.
 * @returns {Promise<{ origin: string, pid: number, stop: () => Promise<void>, stderr: () => string, handled: () => { step: string, ms: number }[], errorLines: () => number }>}
 */
export async function startServer({
  repoRoot,
  databasePath,
  webBuild,
  profileDir,
  stub = false,
  timeoutMs = 60_000,
}) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const command = stub
    ? [join(repoRoot, 'bench/quiz/contract-stub.js')]
    : [join(repoRoot, 'packages/cli/bin/labmig.js'), 'serve'];
  const child = spawn(
    process.execPath,
    [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), ...command],
    {
      cwd: repoRoot,
      env: {
        ...env,
        NODE_ENV: 'production',
        DATABASE_PATH: databasePath,
        ...(webBuild ? { LABMIG_WEB_BUILD: webBuild } : {}),
        HOST: '127.0.0.1',
        PORT: String(port),
        ORIGIN: origin,
        // info, the production default: the per-request log line carries the server's own handling time.
        LOG_LEVEL: 'info',
        TZ: 'UTC',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  // The server's log (JSON lines on stderr): its own handling time of each benchmark request (`request` entries
  // with the bench's x-request-id), errors, and the first 20 KB of anything else.
  let stderr = '';
  let partial = '';
  /** @type {{ step: string, ms: number }[]} */
  const handled = [];
  let errorLines = 0;
  child.stderr.on('data', (d) => {
    const lines = (partial + d).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const m = /"msg":"request".*"requestId":"bench-([a-z]+)-[0-9a-z]+".*"ms":(\d+)/.exec(line);
      if (m) handled.push({ step: m[1], ms: Number(m[2]) });
      else {
        if (line.includes('"level":"error"')) errorLines++;
        if (stderr.length < 20_000) stderr += `${line}\n`;
      }
    }
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`labmig serve exited (${child.exitCode}): ${stderr.slice(-2000)}`);
    if ((await healthStatus(origin)) === 200)
      return {
        origin,
        pid: child.pid,
        stop,
        stderr: () => stderr,
        handled: () => handled,
        errorLines: () => errorLines,
      };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`labmig serve did not answer /healthz within ${timeoutMs} ms: ${stderr.slice(-2000)}`);
}

function healthStatus(origin) {
  return new Promise((resolve) => {
    const req = http.get(`${origin}/healthz`, { timeout: 2_000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}
