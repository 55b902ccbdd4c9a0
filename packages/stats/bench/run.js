// Benchmark of packages/stats (npm run bench:stats). Prints JSON on stdout. Not part of `npm test`.
//
// 1. End to end, as users run it: `labmig stats run --spec lfs-large.spec.json` (read the 1,029,956-person CSV, build
//    the design, the three domain estimates of ../shared/reference/lfs/r_timings.txt), each run a fresh process, and
//    R (`Rscript r-end-to-end.R`, survey package) doing the same in the same benchmark run when R is installed: wall
//    times, CPU times (user + system, all threads), peak RSS, both ratios, and the largest differences between the
//    two engines' numbers.
// 2. Steps in one process: reading, design, each estimate, the ILMS table set with SDG 10.7.1 (checked against
//    the values R printed in r_timings.txt).
// 3. Census size (skip with --no-census): a generated 20-million-person file, read and estimated end to end with
//    the same spec; wall time and peak RSS.
// Options: --runs N (labmig end-to-end runs, default 3), --r-runs N (default 1), --no-r, --no-census, --no-steps.
import { register } from 'tsx/esm/api';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import os from 'node:os';
import { generateLfs } from './generate-lfs.js';
import { checkAgainstR } from './r-reference.js';
import { compareRows, hasRSurvey, labmigRows, parseRRows, runTimed } from './e2e.js';
import { ensureStatsCli } from '../scripts/build-cli.js';

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const cache = join(here, '.cache');
const gz = resolve(repoRoot, '../shared/reference/lfs/lfs_large.csv.gz');
const rTimings = resolve(repoRoot, '../shared/reference/lfs/r_timings.txt');
const csv = join(cache, 'lfs_large.csv');
const bin = join(repoRoot, 'packages/cli/bin/labmig.js');
const load = () => Math.round(os.loadavg()[0] * 10) / 10;
const r3 = (x) => Math.round(x * 1000) / 1000;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

mkdirSync(cache, { recursive: true });
let origin = 'lfs_large.csv.gz';
if (!existsSync(csv)) {
  if (existsSync(gz)) {
    await pipeline(createReadStream(gz), createGunzip(), createWriteStream(`${csv}.part`));
  } else {
    origin = 'generated (lfs_large.csv.gz not found)';
    await generateLfs(`${csv}.part`, 1029956);
  }
  renameSync(`${csv}.part`, csv);
}
await ensureStatsCli();

/** `labmig stats run` on a spec, `runs` times, each a fresh process. */
async function labmigRuns(spec, runs, showStderr = false) {
  const out = [];
  let result;
  for (let k = 0; k < runs; k++) {
    const load_before = load();
    const args = [bin, 'stats', 'run', '--spec', spec, ...(showStderr ? [] : ['--no-progress'])];
    const r = await runTimed(process.execPath, args, { showStderr });
    result = JSON.parse(r.stdout);
    out.push({ seconds: r3(r.seconds), cpu_seconds: r.cpuSeconds, peak_rss_mb: r.peakRssMb, load_before });
  }
  return {
    runs: out,
    median_seconds: median(out.map((r) => r.seconds)),
    median_cpu_seconds: median(out.map((r) => r.cpu_seconds)),
    result,
  };
}

const endToEnd = {};
{
  const spec = join(here, 'lfs-large.spec.json');
  const ours = await labmigRuns(spec, opt('--runs', 3));
  endToEnd.labmig = {
    command: 'labmig stats run --spec lfs-large.spec.json',
    runs: ours.runs,
    median_seconds: ours.median_seconds,
    median_cpu_seconds: ours.median_cpu_seconds,
  };
  if (argv.includes('--no-r')) endToEnd.r = { skipped: '--no-r' };
  else if (!(await hasRSurvey()))
    endToEnd.r = { skipped: 'Rscript with the survey package is not installed' };
  else {
    const runs = [];
    let rows;
    for (let k = 0; k < opt('--r-runs', 1); k++) {
      const load_before = load();
      const r = await runTimed('Rscript', [join(here, 'r-end-to-end.R'), csv]);
      rows = parseRRows(r.stdout);
      runs.push({ seconds: r3(r.seconds), cpu_seconds: r.cpuSeconds, peak_rss_mb: r.peakRssMb, load_before });
    }
    const rMedian = median(runs.map((r) => r.seconds));
    const rCpu = median(runs.map((r) => r.cpu_seconds));
    endToEnd.r = {
      command: 'Rscript r-end-to-end.R lfs_large.csv',
      runs,
      median_seconds: rMedian,
      median_cpu_seconds: rCpu,
    };
    endToEnd.ratio_r_over_labmig = Math.round((rMedian / ours.median_seconds) * 10) / 10;
    // CPU seconds (user + system, all threads): what a loaded, shared machine disturbs least
    if (rCpu !== null && ours.median_cpu_seconds)
      endToEnd.cpu_ratio_r_over_labmig = Math.round((rCpu / ours.median_cpu_seconds) * 10) / 10;
    endToEnd.same_numbers = compareRows(rows, labmigRows(ours.result));
  }
}

let steps = { skipped: '--no-steps' };
if (!argv.includes('--no-steps')) steps = await inProcessSteps();

let census = { skipped: '--no-census' };
if (!argv.includes('--no-census')) {
  const file = join(cache, 'census_20m.csv');
  const persons = 20_000_000;
  if (!existsSync(file)) {
    const t0 = process.hrtime.bigint();
    await generateLfs(`${file}.part`, persons);
    renameSync(`${file}.part`, file);
    census.generated_seconds = r3(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  const { statSync } = await import('node:fs');
  const ours = await labmigRuns(join(here, 'census.spec.json'), 1, true);
  census = {
    persons,
    file_gb: Math.round((statSync(file).size / 2 ** 30) * 100) / 100,
    command: 'labmig stats run --spec census.spec.json',
    ...ours.runs[0],
    estimates: ours.result.results.reduce((s, r) => s + r.estimates.length, 0),
    target_peak_rss_mb: 4096,
  };
}

process.stdout.write(
  `${JSON.stringify({ machine: { cores: os.availableParallelism(), node: process.version }, data: origin, end_to_end: endToEnd, steps, census }, null, 2)}\n`,
);

/** Each step timed inside one process (TypeScript sources through tsx; compile time is outside the timings). */
async function inProcessSteps() {
  register();
  const { readDataFile } = await import('../src/node.ts');
  const stats = await import('../src/index.ts');

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  // Wall-clock seconds, and CPU seconds of this process (user + system), which the load of other processes on a
  // shared machine disturbs less.
  async function time(fn) {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    const value = await fn();
    const c = process.cpuUsage(c0);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, cpu: (c.user + c.system) / 1e6, value };
  }

  const read = await time(() => readDataFile(csv));
  const ds = read.value;
  const design = await time(() =>
    stats.createDesign(ds, { ids: ['psu'], strata: 'stratum', weights: 'weight', nest: true }),
  );
  const d = design.value;
  const e1 = await time(() => stats.estimateMean(d, ['lfs'], { by: ['sex', 'migrant'] }));
  const e2 = await time(() => stats.estimateMean(d, ['lfs'], { by: ['country_of_birth'] }));
  const e3 = await time(() => {
    const lfs = ds.column('lfs');
    const unemp = new Float64Array(ds.nrows);
    const lf = new Float64Array(ds.nrows);
    const u = lfs.levels.indexOf('unemployed');
    const e = lfs.levels.indexOf('employed');
    const codes = lfs.codes;
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i];
      unemp[i] = c === u ? 1 : 0;
      lf[i] = c === u || c === e ? 1 : 0;
    }
    // R's update(): new analysis variables on the same design (no re-indexing of PSUs and strata)
    const d2 = stats.updateDesign(d, [stats.numericColumn('unemp', unemp), stats.numericColumn('lf', lf)]);
    return stats.estimateRatio(d2, ['unemp'], 'lf', { by: ['sex', 'migrant'] });
  });
  const mapping = stats.parseMapping(
    JSON.parse(readFileSync(join(here, '../test/fixtures/migration/lfs-small.mapping.json'), 'utf8')),
  );
  const tables = await time(() => stats.computeMigrationTables(ds, mapping));
  clearInterval(sampler);
  const check =
    existsSync(rTimings) && origin === 'lfs_large.csv.gz'
      ? checkAgainstR(readFileSync(rTimings, 'utf8'), {
          unempBySexMigrant: e1.value,
          lfsByCountry: e2.value,
          urBySexMigrant: e3.value,
        })
      : { skipped: 'R reference values need lfs_large.csv.gz' };
  const maxRssMb = Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 2 ** 20;
  const r = (x) => Math.round(x * 1000) / 1000;
  return {
    data: { file: origin, rows: ds.nrows, columns: ds.columns.length, psus: d.stages[0].nClusters },
    seconds: {
      read: r(read.seconds),
      design: r(design.seconds),
      unemployment_share_by_sex_migrant: r(e1.seconds),
      lfs_by_country_of_birth: r(e2.seconds),
      unemployment_rate_ratio_by_sex_migrant: r(e3.seconds),
      ilms_tables_and_sdg_1071: r(tables.seconds),
    },
    cpu_seconds: {
      read: r(read.cpu),
      design: r(design.cpu),
      unemployment_share_by_sex_migrant: r(e1.cpu),
      lfs_by_country_of_birth: r(e2.cpu),
      unemployment_rate_ratio_by_sex_migrant: r(e3.cpu),
      ilms_tables_and_sdg_1071: r(tables.cpu),
    },
    load_average_1min: Math.round(os.loadavg()[0] * 10) / 10,
    tables: tables.value.tables.length,
    cells: tables.value.tables.reduce((s, t) => s + t.rows.length, 0),
    peak_rss_mb: Math.round(maxRssMb),
    targets: { read: 2, each_estimate: 0.3, tables: 3, peak_rss_mb: 800 },
    r_check: check,
  };
}
