// Writes the Parquet and Arrow IPC fixtures with other tools than labmig's readers, so that the readers are checked
// against files they did not write: Parquet by arrow-rs (the Rust Arrow implementation, through parquet-wasm),
// Arrow IPC by apache-arrow (the reference JavaScript implementation). The values are the first 300 rows of
// lfs_small.csv (a few columns), plus nulls and a column of every type; columnar-source.csv holds the same table.
//
// Not a project dependency: run it in a scratch folder that has them,
//   npm install parquet-wasm@0.8.0 apache-arrow@21.2.0 && node make-columnar-fixtures.mjs OUT_DIR
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(join(process.cwd(), 'x.js'));
const arrow = require('apache-arrow');
const pq = require('parquet-wasm/node');
const out = process.argv[2] ?? '.';
mkdirSync(out, { recursive: true });

const n = 300;
const id = Int32Array.from({ length: n }, (_, i) => i + 1);
const sex = Array.from({ length: n }, (_, i) => (i % 11 === 0 ? null : i % 2 ? 'male' : 'female'));
const place = Array.from({ length: n }, (_, i) => ['Kraków', 'Zürich', 'Дакар', 'São Paulo', ''][i % 5]);
const age = Array.from({ length: n }, (_, i) => (i % 13 === 0 ? null : 15 + ((i * 7) % 60)));
const weight = Float64Array.from({ length: n }, (_, i) => 100 + i * 1.25 + (i % 3) / 7);
const big = Array.from({ length: n }, (_, i) => BigInt(i) * 1000000007n - 5n);
const flag = Array.from({ length: n }, (_, i) => (i % 17 === 0 ? null : i % 3 === 0));
const small = Int8Array.from({ length: n }, (_, i) => (i % 200) - 100);

const table = arrow.tableFromArrays({
  id,
  sex: arrow.vectorFromArray(sex, new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32())),
  place: arrow.vectorFromArray(place, new arrow.Utf8()),
  age: arrow.vectorFromArray(age, new arrow.Float64()),
  weight,
  big: arrow.vectorFromArray(big, new arrow.Int64()),
  flag: arrow.vectorFromArray(flag, new arrow.Bool()),
  small,
});

writeFileSync(join(out, 'arrow_js.arrow'), arrow.tableToIPC(table, 'file'));
writeFileSync(join(out, 'arrow_js.arrows'), arrow.tableToIPC(table, 'stream'));

for (const [name, compression] of [
  ['arrow_rs_snappy.parquet', pq.Compression.SNAPPY],
  ['arrow_rs_zstd.parquet', pq.Compression.ZSTD],
  ['arrow_rs_plain.parquet', pq.Compression.UNCOMPRESSED],
]) {
  const props = new pq.WriterPropertiesBuilder().setCompression(compression).setMaxRowGroupSize(128).build();
  // writeParquet takes ownership of the table: one per file
  const wasmTable = pq.Table.fromIPCStream(arrow.tableToIPC(table, 'stream'));
  writeFileSync(join(out, name), pq.writeParquet(wasmTable, props));
}

const esc = (v) =>
  v === null ? '' : typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v);
const lines = ['id,sex,place,age,weight,big,flag,small'];
for (let i = 0; i < n; i++)
  lines.push(
    [id[i], sex[i], place[i], age[i], weight[i], big[i], flag[i] === null ? null : flag[i] ? 1 : 0, small[i]]
      .map(esc)
      .join(','),
  );
writeFileSync(join(out, 'columnar-source.csv'), lines.join('\n') + '\n');
