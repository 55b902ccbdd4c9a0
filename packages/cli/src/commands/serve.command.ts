import cluster, { type Worker } from 'node:cluster';
import { existsSync } from 'node:fs';
import compression from 'compression';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findRepoRoot, type Config } from '@labmig/core/app';
import { formatContentError } from '@labmig/core/content';
import { importContent } from '@labmig/core/importer';
import { UsageError, type CliIo } from '../cli-io.ts';
import { parseOptions, positiveInteger } from '../parse-options.ts';
import { cliConfig, withApp } from '../with-app.ts';
import { buildFiles } from './build-files.ts';

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * The SvelteKit build folder: `<repo>/apps/web/build` unless the io or `LABMIG_WEB_BUILD` names another (the
 * browser tests serve a private copy, so rebuilding during a test run cannot change the server under test).
 */
export function webBuildDir(io: CliIo): string {
  return (
    io.webBuildDir ??
    (io.env.LABMIG_WEB_BUILD
      ? path.resolve(io.cwd, io.env.LABMIG_WEB_BUILD)
      : path.join(findRepoRoot(io.cwd), 'apps', 'web', 'build'))
  );
}

/**
 * `labmig serve [--workers N]`: runs migrations and the content import, then serves the SvelteKit production build
 * (`apps/web/build/handler.js`) with node:http on HOST:PORT (default 127.0.0.1:3000) until SIGINT/SIGTERM.
 * A broken content file is reported and the previous course version keeps being served.
 *
 * `--workers N` (PostgreSQL only) forks N server processes with node:cluster that share the port: each runs its
 * own job runner and live-event listener, jobs are claimed once (SKIP LOCKED) and events reach every process
 * (LISTEN/NOTIFY). A worker that dies is started again. On SQLite one process serves (its event bus is in-process).
 */
export async function serveCommand(args: string[], io: CliIo): Promise<number> {
  const options = parseOptions(args, { workers: { type: 'string' }, 'cluster-worker': { type: 'boolean' } });
  const workers = positiveInteger(options.workers, 'workers') ?? 1;
  const config = cliConfig(io);
  if (workers > 64) throw new UsageError('--workers must be at most 64');
  if (workers > 1 && config.database.kind !== 'postgres')
    throw new UsageError(
      '--workers needs PostgreSQL (set DATABASE_URL): on SQLite one process serves, and its live events stay in that process',
    );
  const handlerFile = path.join(webBuildDir(io), 'handler.js');
  if (!existsSync(handlerFile)) {
    io.stderr.write(
      `labmig serve: the web app is not built (${handlerFile} is missing). Run "npm run build" or "npm start".\n`,
    );
    return 1;
  }
  // A cluster worker serves only: the primary already migrated and imported.
  if (options['cluster-worker']) return serveHere(handlerFile, config, io, { quiet: true });
  await withApp(io, async (app) => {
    const result = await importContent(app, config.contentDir);
    if (result.ok) for (const c of result.courses) io.stdout.write(`content: ${c.slug} ${c.action}\n`);
    else {
      for (const e of result.errors) io.stderr.write(formatContentError(e) + '\n');
      io.stderr.write('labmig serve: content not imported; the previous version stays in place.\n');
    }
  });
  if (workers === 1) return serveHere(handlerFile, config, io, { quiet: false });
  return serveCluster(workers, handlerFile, config, io);
}

/** Serves the web build in this process until stopped. */
async function serveHandler(
  handlerFile: string,
  config: Config,
  io: CliIo,
): Promise<{ server: Server; port: number }> {
  // Body sizes are limited per route by the web app (1 MiB, or an upload route's total), so that uploads can
  // stream; adapter-node's single limit (BODY_SIZE_LIMIT, read when the handler loads) is lifted unless set.
  process.env.BODY_SIZE_LIMIT ??= 'Infinity';
  // adapter-node reads ORIGIN once, when its handler is imported. Without it, it would take the origin from the Host
  // header with https, refuse every form posted over plain http (CSRF check) and let the Host header choose the
  // origin; so it always gets the configured one (ORIGIN, or http://HOST:PORT).
  process.env.ORIGIN = config.origin;
  const { handler } = (await import(pathToFileURL(handlerFile).href)) as { handler: NodeHandler };
  const compress = createCompressor();
  const files = buildFiles(path.dirname(handlerFile));
  let toldRebuilt = false;
  const notFound = (res: ServerResponse) => {
    res.statusCode = 404;
    res.end('Not found');
  };
  const server = createServer((req, res) => {
    if (files.gone(req.url)) {
      if (!toldRebuilt)
        io.stderr.write(
          `labmig serve: ${req.url} was in the web build when this server started and is gone: the build was replaced; restart the server.\n`,
        );
      toldRebuilt = true;
      return notFound(res);
    }
    compress(req, res, () => handler(req, res, () => notFound(res)));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  return { server, port: (server.address() as AddressInfo).port };
}

async function serveHere(
  handlerFile: string,
  config: Config,
  io: CliIo,
  { quiet }: { quiet: boolean },
): Promise<number> {
  const { server, port } = await serveHandler(handlerFile, config, io);
  if (!quiet) announce(config, io, port, '');
  await waitForStop(io.signal);
  if (!quiet) io.stdout.write('labmig campus: stopping\n');
  // adapter-node's shutdown event: the web app stops its job runner (running jobs finish or are queued again).
  process.emit('sveltekit:shutdown' as never);
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  // Give requests in flight a moment, then cut what is left (keep-alive sockets, slow clients, event streams).
  setTimeout(() => server.closeAllConnections(), 2000).unref();
  await closed;
  return 0;
}

/**
 * The cluster's primary: forks `count` workers running `labmig serve --cluster-worker`, restarts one that dies
 * (at most 10 times a minute), and on stop asks each to finish (SIGTERM), killing what is left after 10 s.
 */
async function serveCluster(count: number, handlerFile: string, config: Config, io: CliIo): Promise<number> {
  cluster.setupPrimary({
    exec: fileURLToPath(new URL('../../bin/labmig.js', import.meta.url)),
    args: ['serve', '--cluster-worker'],
    execArgv: [],
  });
  const env = { ...process.env, ...io.env, LABMIG_WEB_BUILD: path.dirname(handlerFile) };
  let stopping = false;
  const restarts: number[] = [];
  const fork = () => cluster.fork(env);
  const listening = new Promise<void>((resolve) => {
    let up = 0;
    cluster.on('listening', () => {
      if (++up === count) resolve();
    });
  });
  const onExit = (worker: Worker, code: number | null, signal: string | null) => {
    if (stopping) return;
    const now = Date.now();
    restarts.push(now);
    while (restarts.length > 0 && restarts[0]! < now - 60_000) restarts.shift();
    io.stderr.write(
      `labmig serve: worker ${worker.process.pid} stopped (${signal ?? `code ${code}`}); starting another\n`,
    );
    if (restarts.length <= 10) fork();
    else io.stderr.write('labmig serve: workers keep dying (10 in a minute); not starting more\n');
  };
  cluster.on('exit', onExit);
  for (let i = 0; i < count; i++) fork();
  await listening;
  announce(config, io, config.port, ` (${count} worker processes)`);
  await waitForStop(io.signal);
  stopping = true;
  io.stdout.write('labmig campus: stopping\n');
  const all = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
  const exited = Promise.all(
    all.map(
      (w) => new Promise<void>((resolve) => (w.isDead() ? resolve() : w.once('exit', () => resolve()))),
    ),
  );
  for (const w of all) w.process.kill('SIGTERM');
  const kill = setTimeout(() => all.forEach((w) => w.process.kill('SIGKILL')), 10_000);
  await exited;
  clearTimeout(kill);
  cluster.off('exit', onExit);
  cluster.removeAllListeners('listening');
  return 0;
}

/**
 * Says where the campus listens, last (the line a person looks for): the public origin before it when forms are
 * accepted from another address than the one listened on, and a warning when that origin is missing.
 */
function announce(config: Config, io: CliIo, port: number, suffix: string): void {
  const url = campusUrl(config.host, port);
  if (config.origin.replace(/\/+$/, '') !== url.replace(/\/+$/, ''))
    io.stdout.write(`public origin: ${config.origin}\n`);
  if (!io.env.ORIGIN?.trim() && /^(0\.0\.0\.0|::|\[::\])$/.test(config.host))
    io.stderr.write(
      `labmig serve: HOST ${config.host} listens on every address, but forms are only accepted from ${config.origin}. ` +
        'Set ORIGIN to the address people open, such as ORIGIN=https://campus.example.org.\n',
    );
  io.stdout.write(`labmig campus: ${url}${suffix}\n`);
}

function campusUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
}

/**
 * Gzip/deflate for dynamic responses (HTML pages, JSON, CSV): many learners are on slow connections. Static
 * assets arrive precompressed from the build and are left alone, and so are event streams, which must not
 * be buffered.
 */
function createCompressor(): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  const middleware = compression({
    threshold: 1024,
    filter: (req, res) =>
      !String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream') &&
      compression.filter(req, res),
  });
  return (req, res, next) => middleware(req as never, res as never, next);
}

function waitForStop(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal) {
      if (signal.aborted) return resolve();
      signal.addEventListener('abort', () => resolve(), { once: true });
      return;
    }
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
