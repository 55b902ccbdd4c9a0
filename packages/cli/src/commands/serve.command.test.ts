import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeCourseFiles } from '@labmig/core/testing';
import { createCliSandbox, type CliSandbox } from '../testing/run-cli.ts';
import { BUILD_INPUTS, buildQuietly, needsBuild } from './start.command.ts';

let sandbox: CliSandbox;
beforeEach(() => {
  sandbox = createCliSandbox();
});
afterEach(() => sandbox.cleanup());

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function fetchWhenUp(url: string): Promise<Response> {
  for (let i = 0; i < 100; i++) {
    try {
      return await fetch(url);
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`${url} never answered`);
}

/** Starts `labmig serve` on a free port with a web build whose handler.js is `handlerSource`. */
async function serveBuild(build: string, handlerSource: string) {
  writeFileSync(path.join(build, 'handler.js'), handlerSource);
  const port = await freePort();
  const stop = new AbortController();
  const running = sandbox.run(['serve'], {
    signal: stop.signal,
    webBuildDir: build,
    env: { PORT: String(port) },
  });
  return {
    url: (pathname: string) => `http://127.0.0.1:${port}${pathname}`,
    port,
    stop: () => {
      stop.abort();
      return running;
    },
  };
}

describe('labmig serve', () => {
  it('migrates, imports the content, then serves the web build on HOST:PORT until stopped', async () => {
    await writeCourseFiles(path.join(sandbox.env.CONTENT_DIR, 'courses', 'tiny-course'));
    const build = path.join(sandbox.dir, 'build');
    mkdirSync(build);
    const { port, stop } = await serveBuild(
      build,
      "export const handler = (req, res, next) => { if (req.url === '/hello') res.end('hello from the web build'); " +
        "else if (req.url === '/origin') res.end(String(process.env.ORIGIN)); " +
        "else if (req.url === '/page') { res.setHeader('Content-Type', 'text/html'); res.end('<p>labour migration</p>'.repeat(200)); } " +
        'else next(); };\n',
    );
    const hello = await fetchWhenUp(`http://127.0.0.1:${port}/hello`);
    expect(await hello.text()).toBe('hello from the web build');
    expect((await fetch(`http://127.0.0.1:${port}/elsewhere`)).status).toBe(404);
    // Without ORIGIN the web server is told the README's default, http://HOST:PORT: else it would guess https from
    // the Host header and refuse every form posted over plain http.
    expect(await (await fetch(`http://127.0.0.1:${port}/origin`)).text()).toBe(`http://127.0.0.1:${port}`);
    // HTML is sent gzipped to a client that accepts it (fetch decompresses; the header tells what was sent).
    const page = await fetch(`http://127.0.0.1:${port}/page`, { headers: { 'accept-encoding': 'gzip' } });
    expect(page.headers.get('content-encoding')).toBe('gzip');
    expect(await page.text()).toBe('<p>labour migration</p>'.repeat(200));
    const result = await stop();
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('content: tiny-course created');
    // The URL is the last line printed (the one a person looks for); the origin is not repeated when it is the URL.
    expect(result.stdout.trimEnd().split('\n').at(-2)).toBe(`labmig campus: http://127.0.0.1:${port}/`);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('labmig campus: stopping');
    expect(result.stdout).not.toContain('public origin');
  });

  it('answers 404 for a file of the build removed while serving (a build replaced in place), and keeps serving', async () => {
    const build = path.join(sandbox.dir, 'build');
    mkdirSync(path.join(build, 'client', '_app', 'immutable'), { recursive: true });
    const asset = path.join(build, 'client', '_app', 'immutable', 'old.js');
    writeFileSync(asset, 'export {}');
    // The fake handler fails as adapter-node's static handler did: it opens a file it listed at start, unguarded.
    const { url, stop } = await serveBuild(
      build,
      "import { createReadStream } from 'node:fs';\n" +
        "export const handler = (req, res, next) => { if (req.url === '/hello') res.end('hello'); " +
        `else if (req.url === '/_app/immutable/old.js') createReadStream(${JSON.stringify(asset)}).pipe(res); ` +
        'else next(); };\n',
    );
    expect(await (await fetchWhenUp(url('/_app/immutable/old.js'))).text()).toBe('export {}');
    rmSync(asset);
    expect((await fetch(url('/_app/immutable/old.js'))).status).toBe(404);
    expect((await fetch(url('/_app/immutable/old.js'))).status).toBe(404);
    expect(await (await fetch(url('/hello'))).text()).toBe('hello');
    const result = await stop();
    expect(result.code).toBe(0);
    expect(result.stderr.match(/the build was replaced; restart the server/g)).toHaveLength(1);
  });

  it('explains what to do when the web app is not built', async () => {
    const result = await sandbox.run(['serve'], { webBuildDir: path.join(sandbox.dir, 'nowhere') });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the web app is not built');
  });
});

describe('needsBuild', () => {
  it('wants a build when handler.js is missing or older than a source file', () => {
    const root = sandbox.dir;
    const build = path.join(root, 'apps', 'web', 'build');
    const source = path.join(root, 'apps', 'web', 'src', 'routes', 'page.svelte');
    mkdirSync(path.dirname(source), { recursive: true });
    writeFileSync(source, 'x');
    expect(needsBuild(root, build)).toBe(true);
    mkdirSync(build, { recursive: true });
    writeFileSync(path.join(build, 'handler.js'), 'x');
    const t = Date.now() / 1000;
    utimesSync(source, t - 100, t - 100);
    utimesSync(path.join(build, 'handler.js'), t - 50, t - 50);
    expect(needsBuild(root, build)).toBe(false);
    utimesSync(source, t, t);
    expect(needsBuild(root, build)).toBe(true);
    expect(BUILD_INPUTS).toContain('packages/core/src');
  });
});

describe('buildQuietly (what `npm start` prints while it builds the web app)', () => {
  const warnings = Array.from(
    { length: 300 },
    (_, i) => `[vite-plugin-svelte] warning ${i}: a11y_something`,
  ).join('\n');
  function io() {
    let stdout = '';
    let stderr = '';
    return {
      out: () => stdout,
      err: () => stderr,
      io: {
        stdout: { write: (t: string) => (stdout += t) },
        stderr: { write: (t: string) => (stderr += t) },
        readStdin: async () => '',
        env: {},
        cwd: sandbox.dir,
      },
    };
  }
  const clock =
    (...times: number[]) =>
    () =>
      times.shift()!;

  it('prints one line with the time taken, not the build log', async () => {
    const t = io();
    const ok = await buildQuietly(t.io, async () => ({ code: 0, output: warnings }), clock(1000, 43_400));
    expect(ok).toBe(true);
    expect(t.out()).toBe('Building the web app… done in 42 s\n');
    expect(t.err()).toBe('');
  });

  it('shows the whole log on stderr when the build fails, so the error is visible', async () => {
    const t = io();
    const output = `${warnings}\nerror during build:\nsrc/routes/+page.svelte:3:1 Unexpected token`;
    const ok = await buildQuietly(t.io, async () => ({ code: 1, output }), clock(0, 5000));
    expect(ok).toBe(false);
    expect(t.out()).toBe('Building the web app… failed after 5 s\n');
    expect(t.err()).toContain('src/routes/+page.svelte:3:1 Unexpected token\n');
    expect(t.err()).toContain('warning 299');
    expect(t.err().trimEnd().split('\n').at(-1)).toBe(
      'labmig start: the web build failed (exit code 1); its log is above.',
    );
  });
});
