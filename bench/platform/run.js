// `npm run bench:platform`: the shared platform services under load, on this machine. Prints JSON on stdout:
// - storage: a 1 GiB stream into the local file storage (throughput, peak extra memory of the process);
// - jobs: 2,000 queued jobs drained by two runners on SQLite (and on PostgreSQL when DATABASE_URL_TEST is set):
//   jobs per second, and a check that each ran exactly once;
// - events: 2,000 events to 200 subscribers, publish-to-delivery latency (in-process; PostgreSQL LISTEN/NOTIFY
//   across two connections when DATABASE_URL_TEST is set);
// - workers: the event loop's worst delay while a 2 s CPU task runs in the worker pool.
// Not part of npm test. Options: --storage-mib 1024 --jobs 2000 --events 2000 --subscribers 200
import { register } from 'tsx/esm/api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

register();
const core = await import('@labmig/core/storage');
const { createTestDatabase, testDialects } = await import('@labmig/db/testing');
const { z } = await import('zod');

const { values } = parseArgs({
  options: {
    'storage-mib': { type: 'string', default: '1024' },
    jobs: { type: 'string', default: '2000' },
    events: { type: 'string', default: '2000' },
    subscribers: { type: 'string', default: '200' },
  },
});
const log = (text) => process.stderr.write(text + '\n');
const round = (n, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function benchStorage(mib) {
  const dir = mkdtempSync(join(tmpdir(), 'labmig-bench-files-'));
  const storage = await core.createLocalFileStorage(dir);
  const base = process.memoryUsage();
  let peak = 0;
  const source = (async function* () {
    for (let i = 0; i < mib; i++) {
      yield Buffer.alloc(1 << 20, i % 256);
      if (i % 8 === 0) {
        const m = process.memoryUsage();
        peak = Math.max(peak, m.rss - base.rss);
      }
    }
  })();
  const started = performance.now();
  const stored = await storage.put('bench/big', source, { maxBytes: (mib + 1) << 20 });
  const seconds = (performance.now() - started) / 1000;
  rmSync(dir, { recursive: true });
  return {
    mib,
    seconds: round(seconds, 2),
    mibPerSecond: round(mib / seconds),
    peakExtraRssMib: round(peak / (1 << 20)),
    sha256: stored.sha256.slice(0, 12),
  };
}

async function benchJobs(dialect, count) {
  const test = await createTestDatabase(dialect);
  const ctx = { dialect, test, db: test.db };
  const { createTestApp } = await import('@labmig/core/testing');
  const app = await createTestApp(ctx);
  app.clock.set(new Date());
  const runs = new Map();
  const noop = core.defineJobType({
    type: 'bench.noop',
    payload: z.object({ n: z.number() }),
    run: async (_app, payload) => void runs.set(payload.n, (runs.get(payload.n) ?? 0) + 1),
  });
  for (let n = 0; n < count; n++) await core.enqueueJob(app, noop, { n });
  const catalogue = { types: [noop], schedules: [] };
  const runners = [1, 2].map(() => core.createJobRunner(app, catalogue, { concurrency: 8 }));
  const started = performance.now();
  while ((await Promise.all(runners.map((r) => r.runDue()))).some((n) => n > 0));
  const seconds = (performance.now() - started) / 1000;
  const exactlyOnce = runs.size === count && [...runs.values()].every((v) => v === 1);
  await app.close();
  await test.drop();
  return {
    dialect,
    jobs: count,
    runners: 2,
    seconds: round(seconds, 2),
    jobsPerSecond: Math.round(count / seconds),
    exactlyOnce,
  };
}

async function benchEvents(kind, count, subscribers) {
  let publisher;
  let receiver;
  let cleanup = async () => {};
  if (kind === 'memory') {
    publisher = receiver = core.createMemoryEventBus(core.systemClock, core.createLogger('silent'));
  } else {
    const test = await createTestDatabase('postgres');
    const target = test.target;
    publisher = core.createPostgresEventBus(test.db, target, core.systemClock, core.createLogger('silent'));
    receiver = core.createPostgresEventBus(test.db, target, core.systemClock, core.createLogger('silent'));
    cleanup = async () => {
      await receiver.close();
      await test.drop();
    };
  }
  const latencies = [];
  let delivered = 0;
  const sentAt = new Map();
  for (let s = 0; s < subscribers; s++)
    receiver.subscribe(['thread:bench'], {
      onEvent: (e) => {
        delivered++;
        if (s === 0) latencies.push(performance.now() - sentAt.get(e.data.n));
      },
    });
  await receiver.listener?.()?.ready;
  const started = performance.now();
  for (let n = 0; n < count; n++) {
    sentAt.set(n, performance.now());
    await publisher.publish('thread:bench', 'post.created', { n });
  }
  const end = Date.now() + 30_000;
  while (delivered < count * subscribers && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  await cleanup();
  return {
    bus: kind,
    events: count,
    subscribers,
    delivered,
    seconds: round(seconds, 2),
    latencyMs: {
      p50: round(pct(latencies, 50), 2),
      p99: round(pct(latencies, 99), 2),
      max: round(latencies.at(-1), 2),
    },
  };
}

async function benchWorkers() {
  const pool = core.createWorkerPool({ size: 1 });
  const spin = core.defineCpuTask(
    'bench.spin',
    new URL('../../packages/core/src/workers/testing/sample.task.ts', import.meta.url).href,
  );
  await pool.run(spin, { ms: 1 });
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  await pool.run(spin, { ms: 2000 });
  delay.disable();
  await pool.close();
  return {
    cpuTaskMs: 2000,
    eventLoopDelayMs: { p99: round(delay.percentile(99) / 1e6), max: round(delay.max / 1e6) },
  };
}

const report = {
  machine: { cpus: cpus().length, loadavg: loadavg().map((l) => round(l, 2)), node: process.version },
};
log('storage…');
report.storage = await benchStorage(Number(values['storage-mib']));
report.jobs = [];
for (const dialect of testDialects()) {
  log(`jobs on ${dialect}…`);
  report.jobs.push(await benchJobs(dialect, Number(values.jobs)));
}
report.events = [];
log('events in-process…');
report.events.push(await benchEvents('memory', Number(values.events), Number(values.subscribers)));
if (testDialects().includes('postgres')) {
  log('events over LISTEN/NOTIFY…');
  report.events.push(await benchEvents('postgres', Number(values.events), Number(values.subscribers)));
}
log('worker pool…');
report.workers = await benchWorkers();
process.stdout.write(JSON.stringify(report, null, 2) + '\n');
process.exit(0);
