#!/usr/bin/env node
// npm run bench:lab-browser — the Lab's engine in Chromium (issue 16, point 7): Debian's /usr/bin/chromium loads a
// harness page from a server of its own on 127.0.0.1, which starts the real engine worker of the production build
// (build/client/_app/immutable/workers/engine.worker-*.js), reads the practice lfs_small.sav and computes the ILMS
// tables and SDG 10.7.1 with the practice mapping. JSON on stdout: timings per run (read, classify, tables, total),
// their medians, the machine and its load. Not part of npm test. Options: --runs N (default 5), --file NAME (a file of
// content/data/lab, default lfs_small.sav).
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from '@playwright/test';

const web = resolve(import.meta.dirname, '..');
const repo = resolve(web, '../..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(arg('--runs', '5'));
const file = arg('--file', 'lfs_small.sav');
const log = (s) => process.stderr.write(`${s}\n`);

const client = join(web, 'build', 'client');
const workersDir = join(client, '_app', 'immutable', 'workers');
const findWorker = () =>
  existsSync(workersDir) ? readdirSync(workersDir).find((f) => /^engine\.worker-.*\.js$/.test(f)) : undefined;
if (!findWorker()) {
  log('no production build with the engine worker: building apps/web …');
  const built = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], { cwd: repo, stdio: ['ignore', 2, 2] });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const worker = findWorker();
const data = join(repo, 'content', 'data', 'lab');

// The harness: no framework, the protocol of apps/web/src/lib/lab/README.md spoken directly.
const HARNESS = `<!doctype html><meta charset="utf-8"><title>labmig engine bench</title>
<script type="module">
const call = (w, msg) => new Promise((resolve, reject) => {
  w.onmessage = (e) => e.data.type === 'result' ? resolve(e.data.result) : e.data.type === 'error' ? reject(new Error(e.data.error.code + ': ' + e.data.error.message)) : null;
  w.onerror = (e) => reject(new Error(e.message));
  w.postMessage(msg);
});
window.runOnce = async (workerUrl, dataUrl, mappingUrl) => {
  const f0 = performance.now();
  const blob = await (await fetch(dataUrl, { cache: 'no-store' })).blob();
  const mapping = await (await fetch(mappingUrl, { cache: 'no-store' })).json();
  const t0 = performance.now();
  const w = new Worker(workerUrl, { type: 'module' });
  const opened = await call(w, { id: 1, op: 'open', file: blob, name: ${JSON.stringify(file)} });
  const t1 = performance.now();
  const tables = await call(w, { id: 2, op: 'tables', mapping });
  const t2 = performance.now();
  const suggestion = await call(w, { id: 3, op: 'suggest' });
  await call(w, { id: 4, op: 'validate', mapping: suggestion.mapping });
  const t3 = performance.now();
  w.terminate();
  return { fetchMs: t0 - f0, readMs: t1 - t0, workerReadMs: opened.readMs, classifyMs: tables.timings.classifyMs,
    tablesMs: tables.timings.tablesMs, sdgMs: tables.timings.sdgMs, tablesTotalMs: t2 - t1, totalMs: t2 - t0,
    suggestAndValidateMs: t3 - t2, rows: opened.rows, tables: tables.tables.length };
};
</script>`;

const TYPES = { '.js': 'text/javascript', '.json': 'application/json', '.html': 'text/html' };
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  if (path === '/bench.html') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    return res.end(HARNESS);
  }
  const [root, rel] = path.startsWith('/data/') ? [data, path.slice(6)] : [client, path.slice(1)];
  const full = normalize(join(root, rel));
  if (!full.startsWith(root) || !existsSync(full) || !statSync(full).isFile()) {
    res.writeHead(404);
    return res.end();
  }
  res.writeHead(200, { 'content-type': TYPES[extname(full)] ?? 'application/octet-stream' });
  createReadStream(full).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

const load = { before: loadavg() };
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const results = [];
try {
  const page = await browser.newPage();
  await page.goto(`${origin}/bench.html`);
  for (let i = 0; i < runs; i++) {
    const r = await page.evaluate(
      ([w, d, m]) => window.runOnce(w, d, m),
      [`/_app/immutable/workers/${worker}`, `/data/${file}`, '/data/lfs_small.mapping.json'],
    );
    log(
      `run ${i + 1}/${runs}: read ${r.readMs.toFixed(0)} ms, classify ${r.classifyMs.toFixed(0)} ms, tables ${r.tablesMs.toFixed(0)} ms, SDG ${r.sdgMs.toFixed(0)} ms, total ${r.totalMs.toFixed(0)} ms`,
    );
    results.push(r);
  }
  load.after = loadavg();
  const median = (key) => {
    const v = results.map((r) => r[key]).sort((a, b) => a - b);
    return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  };
  const keys = [
    'readMs',
    'classifyMs',
    'tablesMs',
    'sdgMs',
    'tablesTotalMs',
    'totalMs',
    'suggestAndValidateMs',
  ];
  const round = (x) => Math.round(x * 10) / 10;
  process.stdout.write(
    `${JSON.stringify(
      {
        bench: 'lab-browser',
        date: new Date().toISOString(),
        file,
        rows: results[0]?.rows,
        tables: results[0]?.tables,
        worker: { file: worker, bytes: statSync(join(workersDir, worker)).size },
        browser: `chromium ${browser.version()}`,
        machine: { cpus: cpus().length, model: cpus()[0]?.model, memoryGb: round(totalmem() / 2 ** 30) },
        load: { before: load.before.map(round), after: load.after.map(round) },
        targetMs: 2000,
        median: Object.fromEntries(keys.map((k) => [k, round(median(k))])),
        max: Object.fromEntries(keys.map((k) => [k, round(Math.max(...results.map((r) => r[k])))])),
        runs: results.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v)]))),
      },
      null,
      2,
    )}\n`,
  );
} finally {
  await browser.close();
  server.close();
}
