// `npm run bench:quiz`: a cohort of learners takes the week-1 weekly assessment against the production server
// (`labmig serve` with the built web app) on a temp SQLite database, over HTTP on 127.0.0.1. Each learner: POST
// start → GET the attempt page → one POST save per question → POST submit → GET review, with arrivals spread over
// the first `--arrive` seconds and think times between steps. Prints JSON on stdout (progress on stderr): requests/s,
// latency per step, errors, lost answers (checked in the database afterwards), machine and load. Not part of npm test.
// Options: --learners 500 --arrive 30 --think 1000..3000 --sockets 64 --timeout 30 --max-seconds 240 --seed 1
//          --warmup 3 --build (rebuild apps/web first) --keep (keep the temp database)
//          --profile DIR (the server writes a V8 CPU profile into DIR)
//          --server stub (harness development only: bench/quiz/contract-stub.js instead of labmig serve).
import { register } from 'tsx/esm/api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createHttpClient } from './http-client.js';
import { runLearner, seededRandom, STEPS } from './learner.js';
import {
  errorKinds,
  loadAverage,
  machineInfo,
  percentile,
  processCpuSeconds,
  round,
  summariseSteps,
  throughputTimeline,
} from './report.js';
import { ensureWebBuild, privateBuildCopy, startServer } from '../lib/server.js';

register();

/** Per step, the server's own handling time (p50/p99/max ms) from its request log. */
function handledSummary(handled) {
  const out = {};
  for (const step of STEPS) {
    const ms = handled
      .filter((h) => h.step === step)
      .map((h) => h.ms)
      .sort((a, b) => a - b);
    out[step] = ms.length
      ? { requests: ms.length, p50_ms: percentile(ms, 50), p99_ms: percentile(ms, 99), max_ms: ms.at(-1) }
      : null;
  }
  return out;
}
const { seedBenchDatabase } = await import('./seed.js');
const { checkSavedAnswers } = await import('./verify.js');

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values: opt } = parseArgs({
  options: {
    learners: { type: 'string', default: '500' },
    arrive: { type: 'string', default: '30' },
    think: { type: 'string', default: '1000..3000' },
    sockets: { type: 'string', default: '64' },
    timeout: { type: 'string', default: '30' },
    'max-seconds': { type: 'string', default: '240' },
    seed: { type: 'string', default: '1' },
    warmup: { type: 'string', default: '3' },
    build: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    server: { type: 'string', default: 'labmig' },
    profile: { type: 'string' },
  },
});
const learners = Number(opt.learners);
const warmup = Number(opt.warmup);
const arriveMs = Number(opt.arrive) * 1000;
const [thinkMin, thinkMax] = opt.think.split('..').map(Number);
const log = (text) => process.stderr.write(`bench:quiz: ${text}\n`);

const loadAtStart = loadAverage();
const stub = opt.server === 'stub';
let built;
const dir = mkdtempSync(join(tmpdir(), 'labmig-bench-quiz-'));
const databasePath = join(dir, 'bench.sqlite');
let server;
let webBuild;
const cleanUp = async () => {
  await server?.stop();
  if (webBuild) rmSync(dirname(webBuild), { recursive: true, force: true });
  if (!opt.keep) rmSync(dir, { recursive: true, force: true });
};
for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, () => cleanUp().finally(() => process.exit(130)));

try {
  built = stub ? false : ensureWebBuild(repoRoot, opt.build, 'bench:quiz');
  log(`seeding ${learners + warmup} learners into ${databasePath}`);
  const seeded = await seedBenchDatabase({
    repoRoot,
    databasePath,
    learners: learners + warmup,
    courseSlug: 'measuring-labour-migration',
  });
  if (!stub) webBuild = await privateBuildCopy(repoRoot, 'bench:quiz');
  server = await startServer({
    repoRoot,
    databasePath,
    webBuild,
    stub,
    profileDir: opt.profile && resolve(opt.profile),
  });
  log(`server ${server.origin} (pid ${server.pid}); warm-up with ${warmup} learner(s)`);
  const client = createHttpClient({
    origin: server.origin,
    maxSockets: Number(opt.sockets),
    timeoutMs: Number(opt.timeout) * 1000,
  });
  const random = seededRandom(Number(opt.seed));
  const plan = (i, stopAt, think) => ({
    cohortId: seeded.cohortId,
    quizId: seeded.quizId,
    cookie: seeded.cookies[i],
    random: seededRandom(Number(opt.seed) * 100_003 + i),
    think,
    questions: seeded.questions,
    stopAt,
  });
  // Warm-up (untimed): loads the route modules and fills the server's caches before the rush.
  const warmRuns = [];
  for (let i = 0; i < warmup; i++)
    warmRuns.push(
      await runLearner(
        client,
        plan(learners + i, Date.now() + 60_000, () => 0),
      ),
    );
  const warmFailure = warmRuns.find((r) => r.failed);
  if (warmFailure) process.exitCode = 1;

  const handledBefore = server.handled().length;
  // The bench's own event-loop lag: on a busy machine the client, too, waits for a CPU, and that wait is inside
  // the latencies it measures. The server's own handling times (its log) are reported beside them.
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const loadBefore = loadAverage();
  const cpuBefore = processCpuSeconds(server.pid);
  const started = performance.now();
  const stopAt = Date.now() + Number(opt['max-seconds']) * 1000;
  const think = () => thinkMin + random() * (thinkMax - thinkMin);
  const arrivals = Array.from({ length: learners }, () => random() * arriveMs);
  let finished = 0;
  const progress = setInterval(() => log(`${finished}/${learners} learners done`), 10_000);
  const runs = warmFailure
    ? []
    : await Promise.all(
        arrivals.map(async (at, i) => {
          await new Promise((r) => setTimeout(r, at));
          const run = await runLearner(client, plan(i, stopAt, think));
          finished++;
          return run;
        }),
      );
  clearInterval(progress);
  lag.disable();
  const seconds = (performance.now() - started) / 1000;
  const serverCpu = cpuBefore === null ? null : processCpuSeconds(server.pid) - cpuBefore;
  const loadAfter = loadAverage();
  client.close();
  await server.stop();
  const serverLog = server.stderr();
  const handled = server.handled().slice(handledBefore);

  const samples = runs.flatMap((r) => r.samples);
  const check = await checkSavedAnswers(databasePath, [...warmRuns, ...runs]);
  const steps = summariseSteps(samples, STEPS);
  const errors =
    samples.filter((s) => s.error).length + runs.filter((r) => r.failed && !r.samples.at(-1)?.error).length;
  const result = {
    benchmark: 'bench:quiz',
    when: new Date().toISOString(),
    server: stub
      ? 'CONTRACT STUB (bench/quiz/contract-stub.js) — harness development only, not the benchmark'
      : 'labmig serve (apps/web/build), SQLite, http://127.0.0.1',
    web_build: stub
      ? null
      : `${built ? 'built by this run' : 'existing apps/web/build'}, served from a private copy`,
    scenario: {
      learners,
      questions: seeded.questions,
      quiz: seeded.seeded.quiz,
      arrivals_over_s: arriveMs / 1000,
      think_ms: [thinkMin, thinkMax],
      max_sockets: Number(opt.sockets),
      warmup_learners: warmup,
      seed: Number(opt.seed),
    },
    ...(warmFailure ? { warmup_failed: warmFailure.failed } : {}),
    wall_seconds: round(seconds, 2),
    requests: samples.length,
    requests_per_second: round(samples.length / seconds),
    ...throughputTimeline(samples, started),
    retried_after_keep_alive_reset: client.retried(),
    learners_completed: runs.filter((r) => !r.failed).length,
    errors,
    error_kinds: errorKinds(samples),
    ...(runs.some((r) => r.failed) ? { first_failure: runs.find((r) => r.failed).failed } : {}),
    lost_answers: check.lost_answers,
    answers: check,
    steps,
    server_handling_ms: handledSummary(handled),
    server_cpu_seconds: serverCpu === null ? null : round(serverCpu, 2),
    server_errors_logged: server.errorLines(),
    ...(server.errorLines() > 0 ? { server_log_tail: serverLog.slice(-2000) } : {}),
    client_event_loop_lag_ms: {
      p99: round(lag.percentile(99) / 1e6),
      max: round(lag.max / 1e6),
    },
    machine: {
      ...machineInfo(),
      load_average_at_start: loadAtStart,
      load_average_before: loadBefore,
      load_average_after: loadAfter,
    },
    target: { errors: 0, lost_answers: 0, p99_submit_ms: 250 },
    target_met: errors === 0 && check.lost_answers === 0 && (steps.submit.p99_ms ?? Infinity) < 250,
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} catch (error) {
  log(`failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
process.exit(process.exitCode ?? 0);
