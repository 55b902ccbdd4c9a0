// `npm run bench:live`: live forum delivery on one server process. Seeds a temp SQLite database (a cohort, N learners
// with a session each, a tutor, one discussion), starts `labmig serve` on 127.0.0.1, opens N concurrent Server-Sent
// Events streams on the discussion (one learner each), then makes real posts through the web (the tutor's reply form,
// an HTTP POST) and measures, for every client, the time from sending the POST to receiving its `post.created` event.
// Prints JSON on stdout: p50/p95/p99/max delivery latency, deliveries missing, server memory per client (RSS growth
// from no clients to N), server CPU while posting, the machine's load. Loopback only; stops by itself (hard deadline).
// Not part of npm test. Options: --clients 2000 --posts 15 --interval-ms 1000 --deadline-s 300
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { register } from 'tsx/esm/api';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '2000' },
    posts: { type: 'string', default: '15' },
    'interval-ms': { type: 'string', default: '1000' },
    'deadline-s': { type: 'string', default: '300' },
  },
});
const CLIENTS = Number(values.clients);
const POSTS = Number(values.posts);
const INTERVAL = Number(values['interval-ms']);
const log = (text) => process.stderr.write(`bench:live: ${text}\n`);
const round = (n, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

// Each client is a socket here and one in the server: raise the open-file limit when it is too low for them
// (re-running this script under `bash -c 'ulimit -n …'`; the server inherits the limit).
const needed = CLIENTS * 2 + 512;
const current = Number(spawnSync('bash', ['-c', 'ulimit -n'], { encoding: 'utf8' }).stdout.trim()) || 0;
if (current < needed && !process.env.LABMIG_BENCH_LIVE_RAISED) {
  log(`open-file limit ${current} < ${needed}: raising it with ulimit -n`);
  const r = spawnSync(
    'bash',
    ['-c', `ulimit -n ${needed} && exec "$0" "$@"`, process.execPath, ...process.argv.slice(1)],
    { stdio: 'inherit', env: { ...process.env, LABMIG_BENCH_LIVE_RAISED: '1' } },
  );
  if (r.status !== 0)
    log(`could not run with ulimit -n ${needed} (raise the hard limit, e.g. in /etc/security/limits.conf)`);
  process.exit(r.status ?? 1);
}

register();
const { ensureWebBuild, privateBuildCopy, startServer } = await import('../lib/server.js');
const { createBenchCohort, enrolWithSessions, withContentApp } = await import('../lib/seed.js');

/** Seeds the database: the course, a cohort, N learners and a tutor (sessions inserted as sign-in writes them). */
function seed(databasePath) {
  return withContentApp({ repoRoot, databasePath }, async (app, { core }) => {
    const { listForums, startThread } = await import('@labmig/core/forums');
    const cohort = await createBenchCohort(app, core, {
      courseSlug: 'measuring-labour-migration',
      title: 'Live benchmark cohort',
      capacity: CLIENTS + 10,
    });
    const people = await enrolWithSessions(
      app,
      core,
      cohort.id,
      Array.from({ length: CLIENTS + 1 }, (_, i) =>
        i === 0
          ? { email: 'bench-tutor@bench.test', name: 'Bench Tutor', role: 'tutor' }
          : { email: `bench-live-${i}@bench.test`, name: `Bench Learner ${i}`, role: 'learner' },
      ),
    );
    const tutor = core.actorOf(people[0].user);
    const general = (await listForums(app, tutor, cohort.id, 'en')).forums.find((f) => f.kind === 'general');
    const { threadId } = await startThread(app, tutor, cohort.id, {
      forumId: general.id,
      title: 'Live benchmark',
      body: 'Replies to this discussion reach every open page.',
    });
    return {
      cohortId: cohort.id,
      threadId,
      tutor: people[0].cookie,
      learners: people.slice(1).map((p) => p.cookie),
    };
  });
}

/** The server process's resident memory (KiB) and CPU time (s), from /proc. */
function processStats(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = 100; // USER_HZ on Linux
  return { rssKib, cpuSeconds: (Number(stat[11]) + Number(stat[12])) / ticks };
}

/** Opens one SSE stream; resolves once the server says `: connected`. Calls onEvent(type, data, at) per event. */
function openStream(origin, path, cookie, onEvent) {
  return new Promise((resolve, reject) => {
    const req = http.get(
      `${origin}${path}`,
      { agent: false, headers: { cookie, accept: 'text/event-stream' }, timeout: 60_000 },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          reject(new Error(`stream answered ${res.statusCode}`));
          return;
        }
        res.setEncoding('utf8');
        let buffer = '';
        let connected = false;
        res.on('data', (chunk) => {
          const at = performance.now();
          buffer += chunk;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (!connected && block.includes(': connected')) {
              connected = true;
              resolve({ close: () => req.destroy() });
            }
            const type = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (type) onEvent(type, data ? JSON.parse(data) : {}, at);
          }
        });
        res.on('error', () => {});
      },
    );
    req.on('timeout', () => req.destroy(new Error('stream timeout')));
    req.on('error', (e) => (req.destroyed ? undefined : reject(e)));
    req.on('error', reject);
  });
}

/** Posts a reply through the discussion's form (multipart, as the page sends it); returns the HTTP status. */
async function postReply(origin, path, cookie, body) {
  const form = new FormData();
  form.set('body', body);
  const res = await fetch(`${origin}${path}?/reply`, {
    method: 'POST',
    body: form,
    headers: { cookie, origin, accept: 'text/html' },
    redirect: 'manual',
  });
  await res.arrayBuffer();
  return res.status;
}

const tempDir = mkdtempSync(join(tmpdir(), 'labmig-bench-live-'));
let server;
let buildCopy;
const streams = [];
const deadline = setTimeout(
  async () => {
    log(`deadline of ${values['deadline-s']} s reached: stopping`);
    for (const s of streams) s.close();
    await server?.stop();
    process.exit(2);
  },
  Number(values['deadline-s']) * 1000,
);

try {
  ensureWebBuild(repoRoot, false, 'bench:live');
  buildCopy = await privateBuildCopy(repoRoot, 'bench:live');
  const databasePath = join(tempDir, 'live.sqlite');
  log(`seeding ${CLIENTS} learners…`);
  const seeded = await seed(databasePath);
  server = await startServer({ repoRoot, databasePath, webBuild: buildCopy });
  const threadPath = `/cohorts/${seeded.cohortId}/threads/${seeded.threadId}`;
  await new Promise((r) => setTimeout(r, 1000));
  const idle = processStats(server.pid);

  // Every client's arrival time of each post number.
  const sentAt = new Map();
  const latencies = [];
  const received = new Map();
  let connectFailures = 0;
  log(`opening ${CLIENTS} streams…`);
  const openStarted = performance.now();
  for (let i = 0; i < CLIENTS; i += 100) {
    const batch = seeded.learners.slice(i, i + 100).map((cookie, k) =>
      openStream(server.origin, `${threadPath}/live`, cookie, (type, data, at) => {
        if (type !== 'post.created' || !sentAt.has(data.number)) return;
        const key = `${i + k}:${data.number}`;
        if (received.has(key)) return;
        received.set(key, true);
        latencies.push(at - sentAt.get(data.number));
      }).then(
        (s) => streams.push(s),
        () => connectFailures++,
      ),
    );
    await Promise.all(batch);
  }
  const openSeconds = (performance.now() - openStarted) / 1000;
  await new Promise((r) => setTimeout(r, 2000));
  const connected = processStats(server.pid);
  log(
    `${streams.length} streams open (${connectFailures} failed) in ${round(openSeconds)} s; posting ${POSTS} replies…`,
  );

  const cpuBefore = processStats(server.pid).cpuSeconds;
  const postStarted = performance.now();
  const statuses = [];
  const postMs = [];
  for (let n = 2; n < POSTS + 2; n++) {
    sentAt.set(n, performance.now());
    statuses.push(await postReply(server.origin, threadPath, seeded.tutor, `Benchmark reply ${n}`));
    postMs.push(performance.now() - sentAt.get(n));
    const expected = streams.length * (n - 1);
    const until = performance.now() + INTERVAL;
    while (performance.now() < until || (received.size < expected && performance.now() < until + 10_000))
      await new Promise((r) => setTimeout(r, 20));
  }
  const postSeconds = (performance.now() - postStarted) / 1000;
  const cpuSeconds = processStats(server.pid).cpuSeconds - cpuBefore;
  const load = loadavg();

  latencies.sort((a, b) => a - b);
  const expected = streams.length * POSTS;
  const result = {
    clients: CLIENTS,
    connected: streams.length,
    connectFailures,
    openSeconds: round(openSeconds, 2),
    posts: POSTS,
    postStatuses: [...new Set(statuses)],
    deliveries: received.size,
    missing: expected - received.size,
    latencyMs: latencies.length
      ? {
          p50: round(pct(latencies, 50)),
          p95: round(pct(latencies, 95)),
          p99: round(pct(latencies, 99)),
          max: round(latencies.at(-1)),
        }
      : null,
    /** The POST's own round trip (the reply saved and the 303 back), for comparison with delivery. */
    postRoundTripMs: {
      p50: round(
        pct(
          [...postMs].sort((a, b) => a - b),
          50,
        ),
      ),
      max: round(Math.max(...postMs)),
    },
    targetP99Ms: 1000,
    meetsTarget: latencies.length > 0 && pct(latencies, 99) < 1000 && expected === received.size,
    server: {
      rssIdleMib: round(idle.rssKib / 1024),
      rssConnectedMib: round(connected.rssKib / 1024),
      kibPerClient: streams.length ? round((connected.rssKib - idle.rssKib) / streams.length, 1) : null,
      cpuSecondsWhilePosting: round(cpuSeconds, 2),
      cpuPercentWhilePosting: round((100 * cpuSeconds) / postSeconds),
    },
    machine: { cpus: cpus().length, loadavg1m: round(load[0], 2), loadavg5m: round(load[1], 2) },
    measuredFrom: 'POST sent → event received by each client (includes the post itself)',
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  clearTimeout(deadline);
  for (const s of streams) s.close();
  await server?.stop();
  rmSync(tempDir, { recursive: true, force: true });
  if (buildCopy) rmSync(dirname(buildCopy), { recursive: true, force: true });
}
