// Regenerates the binary test files and ReadStat's CSV of each (the stored oracle).
// Run from packages/stats:  npx tsx test/io/generate-fixtures.ts   (needs `readstat` on PATH)
import { execFileSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { ORACLE_FILES, binaryTestFiles } from './oracle-files.ts';

const dir = new URL('../fixtures/io/', import.meta.url).pathname;
// shared/ sits beside the repository: <shared>/reference/lfs.
const reference = new URL('../../../../../shared/reference/lfs/', import.meta.url).pathname;
copyFileSync(reference + 'lfs_small.sav', dir + 'lfs_small.sav');
copyFileSync(reference + 'lfs_small.dta', dir + 'lfs_small.dta');
for (const [name, bytes] of Object.entries(binaryTestFiles())) writeFileSync(dir + name, bytes);
for (const name of ORACLE_FILES) {
  const csv = execFileSync('readstat', [dir + name, '-'], {
    maxBuffer: 1 << 28,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  writeFileSync(`${dir}${name}.readstat.csv.gz`, gzipSync(csv, { level: 9 }));
}
console.log(`wrote ${ORACLE_FILES.length} oracle CSVs`);
