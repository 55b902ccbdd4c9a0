import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

// Two `labmig serve` processes of the production build on one PostgreSQL schema: a reply posted through the web on
// process A (the tutor's reply form, an HTTP POST with their session) reaches a learner's event stream open on
// process B, through LISTEN/NOTIFY. Needs PostgreSQL: skipped without DATABASE_URL_TEST, like the other PG tests.

const url = process.env.DATABASE_URL_TEST;
const webDir = join(import.meta.dirname, '..');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

test('on PostgreSQL, a reply posted through one server process reaches an event stream open on another', async ({}, info) => {
  test.skip(!url, 'needs PostgreSQL (DATABASE_URL_TEST)');
  test.skip(info.project.name !== 'js', 'HTTP only: run once');
  test.setTimeout(180_000);
  const schema = `e2e_live_${randomBytes(5).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), 'labmig-two-'));
  const env = { ...process.env, DATABASE_URL: url!, DATABASE_SCHEMA: schema, LOG_LEVEL: 'warn', TZ: 'UTC' };
  const seedScript = (action: string) =>
    execFileSync(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'seed-pg-live.ts'), action],
      {
        cwd: webDir,
        env,
        encoding: 'utf8',
      },
    );
  const servers: ChildProcess[] = [];
  const controller = new AbortController();
  try {
    const seeded = JSON.parse(seedScript('seed')) as {
      cohortId: string;
      threadId: string;
      tutor: string;
      learner: string;
    };
    const start = async (name: string) => {
      const port = await freePort();
      const origin = `http://127.0.0.1:${port}`;
      const child = spawn(process.execPath, [join(webDir, '../../packages/cli/bin/labmig.js'), 'serve'], {
        cwd: webDir,
        env: {
          ...env,
          LABMIG_WEB_BUILD: process.env.LABMIG_E2E_BUILD,
          FILES_DIR: join(dir, 'files'),
          ISSUER_KEYS_DIR: join(dir, 'keys'),
          HOST: '127.0.0.1',
          PORT: String(port),
          ORIGIN: origin,
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      servers.push(child);
      await expect
        .poll(async () => (await fetch(`${origin}/healthz`).catch(() => undefined))?.status, {
          message: `server ${name} answers /healthz`,
          timeout: 60_000,
        })
        .toBe(200);
      return origin;
    };
    const [a, b] = [await start('A'), await start('B')];
    const thread = `/cohorts/${seeded.cohortId}/threads/${seeded.threadId}`;

    // The learner's stream on B.
    const response = await fetch(`${b}${thread}/live`, {
      headers: { cookie: seeded.learner, accept: 'text/event-stream' },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    let text = '';
    void (async () => {
      const reader = response.body!.getReader();
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          text += new TextDecoder().decode(value);
        }
      } catch {
        // aborted at the end
      }
    })();
    await expect.poll(() => text, { timeout: 20_000 }).toContain(': connected');

    // The tutor's reply through A's form, as a browser without JavaScript sends it.
    const form = new FormData();
    form.set('body', 'Posted on process A.');
    const posted = await fetch(`${a}${thread}?/reply`, {
      method: 'POST',
      body: form,
      headers: { cookie: seeded.tutor, origin: a, accept: 'text/html' },
      redirect: 'manual',
    });
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toContain(`${thread}#post-2`);
    await expect.poll(() => text, { timeout: 20_000 }).toMatch(/event: post\.created\ndata: .*"number":2/);
    // The page reads the post itself through B's normal load.
    const page = await fetch(`${b}${thread}`, { headers: { cookie: seeded.learner } });
    expect(await page.text()).toContain('Posted on process A.');
  } finally {
    controller.abort();
    for (const s of servers) s.kill('SIGTERM');
    await Promise.all(
      servers.map((s) => (s.exitCode !== null ? undefined : new Promise((r) => s.once('exit', r)))),
    );
    seedScript('drop');
    rmSync(dir, { recursive: true, force: true });
  }
});
