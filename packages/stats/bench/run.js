// Benchmark of packages/stats on the 1,029,956-person synthetic LFS (npm run bench:stats). Prints JSON on stdout.
// Times: reading the CSV; R's three estimates from ../shared/reference/lfs/r_timings.txt (checked against R's printed
// values); the full ILMS core table set with SEs and SDG 10.7.1. Not part of `npm test`.
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

register();
const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const cache = join(here, '.cache');
const gz = resolve(repoRoot, '../shared/reference/lfs/lfs_large.csv.gz');
const rTimings = resolve(repoRoot, '../shared/reference/lfs/r_timings.txt');
const csv = join(cache, 'lfs_large.csv');

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
const result = {
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
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
