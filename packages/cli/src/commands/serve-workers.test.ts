import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { adminQuery } from '@labmig/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enqueueMail } from '@labmig/core/jobs';
import { loadConfig, openApp } from '@labmig/core/app';
import { createCliSandbox, type CliSandbox } from '../testing/run-cli.ts';

const url = process.env.DATABASE_URL_TEST;
const coreFile = (file: string) =>
  pathToFileURL(fileURLToPath(new URL(`../../../core/src/${file}`, import.meta.url))).href;
const coreApp = coreFile('app/index.ts');
const coreJobs = coreFile('jobs/index.ts');
const coreCatalogue = coreFile('job-catalogue.ts');
const sse = pathToFileURL(
  fileURLToPath(new URL('../../../../apps/web/src/lib/server/event-stream.ts', import.meta.url)),
).href;

// A stand-in for the web build that does what its hooks do (open the app, start the job runner) and serves two
// routes over the real event bus and the real SSE helper: /live?topic=… streams, POST /publish?topic=… publishes.
const HANDLER = `
const core = {
  ...(await import(${JSON.stringify(coreApp)})),
  ...(await import(${JSON.stringify(coreJobs)})),
  ...(await import(${JSON.stringify(coreCatalogue)})),
};
const { eventStreamResponse } = await import(${JSON.stringify(sse)});
const app = await core.openApp(core.loadConfig());
const runner = core.startJobRunner(app, core.JOB_CATALOGUE, { pollMs: 50 });
process.once('sveltekit:shutdown', () => void runner.stop());
export const handler = async (req, res, next) => {
  const url = new URL(req.url, 'http://campus.test');
  res.setHeader('x-pid', String(process.pid));
  const topic = url.searchParams.get('topic');
  if (url.pathname === '/live') {
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    const response = eventStreamResponse(app.events, new Request(url, { signal: abort.signal }), { topics: [topic], userId: 'tester' });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.flushHeaders();
    for await (const chunk of response.body) res.write(chunk);
    return;
  }
  if (url.pathname === '/publish' && req.method === 'POST') {
    await app.events.publish(topic, 'post.created', { postId: 'p1' });
    res.end('published');
    return;
  }
  next();
};
`;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Opens an SSE stream and collects its text. */
async function openStream(base: string, topic: string) {
  const abort = new AbortController();
  const response = await fetch(`${base}/live?topic=${topic}`, { signal: abort.signal });
  const reader = response.body!.getReader();
  let text = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        text += new TextDecoder().decode(value);
      }
    } catch {
      // aborted at the end of the test
    }
  })();
  return { pid: response.headers.get('x-pid'), text: () => text, close: () => abort.abort() };
}

async function until(condition: () => boolean | Promise<boolean>, ms = 20_000) {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

let sandbox: CliSandbox;
let schema: string;
beforeEach(async () => {
  sandbox = createCliSandbox();
  schema = `t_serve_${randomBytes(4).toString('hex')}`;
  if (url) await adminQuery(url, `CREATE SCHEMA ${schema}`);
});
afterEach(async () => {
  sandbox.cleanup();
  if (url) await adminQuery(url, `DROP SCHEMA ${schema} CASCADE`);
});

describe('labmig serve --workers', () => {
  it('refuses several workers on SQLite, saying why', async () => {
    const result = await sandbox.run(['serve', '--workers', '2']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--workers needs PostgreSQL (set DATABASE_URL)');
  });

  it.skipIf(!url)(
    'runs N processes on one port on PostgreSQL: events reach every process, each job runs once',
    async () => {
      const build = path.join(sandbox.dir, 'build');
      mkdirSync(build);
      writeFileSync(path.join(build, 'handler.js'), HANDLER);
      writeFileSync(path.join(build, 'package.json'), '{ "type": "module" }');
      const port = await freePort();
      const env = { DATABASE_URL: url!, DATABASE_SCHEMA: schema, PORT: String(port) };
      const stop = new AbortController();
      const running = sandbox.run(['serve', '--workers', '2'], {
        signal: stop.signal,
        webBuildDir: build,
        env,
      });
      const base = `http://127.0.0.1:${port}`;
      try {
        // Both workers are up once fresh connections have met two different processes (each loads the sources
        // through tsx first, which takes a while on a busy machine).
        const pids = new Set<string>();
        await until(async () => {
          const response = await fetch(`${base}/nothing`, { headers: { connection: 'close' } }).catch(
            () => undefined,
          );
          const pid = response?.headers.get('x-pid');
          if (pid) pids.add(pid);
          return pids.size === 2;
        }, 80_000);
        // New connections are dealt round-robin among the workers that listen: open streams until both have some
        // (the second worker may still be starting).
        const streams: Awaited<ReturnType<typeof openStream>>[] = [];
        await until(async () => {
          streams.push(await openStream(base, 'thread:t1'));
          return streams.length >= 4 && new Set(streams.map((s) => s.pid)).size === 2;
        });
        await until(() => streams.every((s) => s.text().includes(': connected')));
        await new Promise((r) => setTimeout(r, 500)); // both workers' LISTEN connections are up
        const publish = await fetch(`${base}/publish?topic=thread:t1`, { method: 'POST' });
        const publisher = publish.headers.get('x-pid');
        await until(() => streams.every((s) => s.text().includes('"postId":"p1"')), 5_000);
        expect(streams.some((s) => s.pid !== publisher)).toBe(true); // it crossed processes
        for (const s of streams) s.close();

        // 20 queued mails: the two workers' runners share them, and each is sent exactly once (to the outbox).
        const app = await openApp(loadConfig({ ...sandbox.env, ...env }));
        for (let i = 0; i < 20; i++)
          await enqueueMail(app, {
            to: `l${i}@example.org`,
            subject: `Mail ${i}`,
            text: 'x',
            kind: 'test',
            locale: 'en',
          });
        const outbox = async () =>
          (await app.db.selectFrom('outbox').select('subject').execute()).map((r) => r.subject).sort();
        await until(async () => (await outbox()).length >= 20);
        await new Promise((r) => setTimeout(r, 300));
        expect(await outbox()).toEqual(Array.from({ length: 20 }, (_, i) => `Mail ${i}`).sort());
        await app.close();
      } finally {
        stop.abort();
      }
      const result = await running;
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`labmig campus: http://127.0.0.1:${port}/ (2 worker processes)`);
    },
    150_000,
  );
});
