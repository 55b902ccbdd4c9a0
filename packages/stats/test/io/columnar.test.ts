import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/dataset/dataset.types.ts';
import { parseCsv } from '../../src/io/csv/parse-csv.ts';
import { DataFileError } from '../../src/io/data-file-error.ts';
import { detectFormat } from '../../src/io/detect-format.ts';
import { readArrow } from '../../src/io/columnar/read-arrow.ts';
import { readParquet } from '../../src/io/columnar/read-parquet.ts';

// Files written by other tools (test/io/columnar/make-columnar-fixtures.mjs): Parquet by arrow-rs (parquet-wasm),
// Arrow IPC by apache-arrow; columnar-source.csv holds the same table.
const dir = new URL('../fixtures/columnar/', import.meta.url);
const bytes = (name: string) => new Uint8Array(readFileSync(new URL(name, dir)));
const source = parseCsv(bytes('columnar-source.csv'), {
  columnTypes: { place: 'categorical', sex: 'categorical' },
});

/** Values by column, text as text and numbers as numbers; '' and missing both null (the CSV cannot tell them apart). */
function values(ds: Dataset) {
  return Object.fromEntries(
    ds.columns.map((c) => [
      c.name,
      c.kind === 'numeric'
        ? Array.from(c.values, (v) => (Number.isNaN(v) ? null : v))
        : Array.from(c.codes, (k) => (k < 0 || c.levels[k] === '' ? null : c.levels[k])),
    ]),
  );
}

describe('readParquet (files written by arrow-rs)', () => {
  it.each(['arrow_rs_snappy.parquet', 'arrow_rs_zstd.parquet', 'arrow_rs_plain.parquet'])(
    '%s holds the source table',
    async (name) => {
      expect(detectFormat(bytes(name), 'data.bin')).toBe('parquet');
      const ds = await readParquet(bytes(name), { source: name });
      expect(ds.nrows).toBe(300);
      expect(values(ds)).toEqual(values(source));
      const place = ds.column('place');
      // Parquet has nulls: an empty text is a value there, not missing
      expect(place.kind === 'categorical' && place.levels.includes('')).toBe(true);
    },
  );

  it('reads only the selected columns', async () => {
    const ds = await readParquet(bytes('arrow_rs_snappy.parquet'), { select: ['age', 'sex'] });
    expect(ds.columns.map((c) => c.name)).toEqual(['sex', 'age']);
  });

  it('refuses a cut or foreign file, naming the file', async () => {
    const full = bytes('arrow_rs_snappy.parquet');
    await expect(readParquet(full.subarray(0, full.length - 100), { source: 'cut.parquet' })).rejects.toThrow(
      'cut.parquet (byte 13565): the file is cut short: a Parquet file ends with "PAR1" after its metadata.',
    );
    await expect(readParquet(new Uint8Array(0), { source: 'e.parquet' })).rejects.toThrow(
      'e.parquet: the file is empty.',
    );
    const bad = full.slice();
    bad.fill(7, full.length - 400, full.length - 8);
    const e = await readParquet(bad, { source: 'bad.parquet' }).catch((x) => x);
    expect(e).toBeInstanceOf(DataFileError);
    expect(e.message).toMatch(/^bad\.parquet: the file metadata \(footer\) cannot be read/);
  });
});

describe('readArrow (files written by apache-arrow)', () => {
  it.each(['arrow_js.arrow', 'arrow_js.arrows'])('%s holds the source table', (name) => {
    expect(detectFormat(bytes(name), 'data.bin')).toBe('arrow');
    const ds = readArrow(bytes(name), { source: name });
    expect(values(ds)).toEqual(values(source));
  });

  it('refuses a damaged file with a DataFileError naming it', () => {
    const b = bytes('arrow_js.arrow').slice(0, 900);
    const e = (() => {
      try {
        readArrow(b, { source: 'cut.arrow' });
      } catch (x) {
        return x as DataFileError;
      }
    })();
    expect(e).toBeInstanceOf(DataFileError);
    expect(e!.message).toMatch(/^cut\.arrow: the Arrow data cannot be read/);
  });
});
