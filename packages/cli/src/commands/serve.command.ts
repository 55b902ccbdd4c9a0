import { existsSync } from 'node:fs';
import compression from 'compression';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findRepoRoot } from '@labmig/core/app';
import { formatContentError } from '@labmig/core/content';
import { importContent } from '@labmig/core/importer';
import type { CliIo } from '../cli-io.ts';
import { parseOptions } from '../parse-options.ts';
import { cliConfig, withApp } from '../with-app.ts';

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
 * `labmig serve`: runs migrations and the content import, then serves the SvelteKit production build
 * (`apps/web/build/handler.js`) with node:http on HOST:PORT (default 127.0.0.1:3000) until SIGINT/SIGTERM.
 * A broken content file is reported and the previous course version keeps being served.
 */
export async function serveCommand(args: string[], io: CliIo): Promise<number> {
  parseOptions(args, {});
  const config = cliConfig(io);
  const handlerFile = path.join(webBuildDir(io), 'handler.js');
  if (!existsSync(handlerFile)) {
    io.stderr.write(
      `labmig serve: the web app is not built (${handlerFile} is missing). Run "npm run build" or "npm start".\n`,
    );
    return 1;
  }
  await withApp(io, async (app) => {
    const result = await importContent(app, config.contentDir);
    if (result.ok) for (const c of result.courses) io.stdout.write(`content: ${c.slug} ${c.action}\n`);
    else {
      for (const e of result.errors) io.stderr.write(formatContentError(e) + '\n');
      io.stderr.write('labmig serve: content not imported; the previous version stays in place.\n');
    }
  });
  const { handler } = (await import(pathToFileURL(handlerFile).href)) as { handler: NodeHandler };
  const compress = createCompressor();
  const server = createServer((req, res) =>
    compress(req, res, () =>
      handler(req, res, () => {
        res.statusCode = 404;
        res.end('Not found');
      }),
    ),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  io.stdout.write(
    `labmig campus: http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}/\n`,
  );
  if (config.origin) io.stdout.write(`public origin: ${config.origin}\n`);
  await waitForStop(io.signal);
  io.stdout.write('labmig campus: stopping\n');
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  // Give requests in flight a moment, then cut what is left (keep-alive sockets, slow clients).
  setTimeout(() => server.closeAllConnections(), 2000).unref();
  await closed;
  return 0;
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
