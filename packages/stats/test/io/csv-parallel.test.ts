import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/dataset/dataset.types.ts';
import { readDataFile } from '../../src/node.ts';
import { DataFileError } from '../../src/io/data-file-error.ts';
import { readCsvFileParallel } from '../../src/node/read-csv-parallel.ts';

const dir = mkdtempSync(join(tmpdir(), 'labmig-csv-par-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Columns as plain arrays, to compare two datasets value by value. */
function plain(ds: Dataset) {
  return ds.columns.map((c) =>
    c.kind === 'numeric'
      ? { name: c.name, kind: c.kind, values: Array.from(c.values, (v) => (Number.isNaN(v) ? 'NaN' : v)) }
      : {
          name: c.name,
          kind: c.kind,
          values: Array.from(c.codes, (k) => (k < 0 ? null : c.levels[k])),
          levels: c.levels,
        },
  );
}

function write(name: string, text: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

/** A CSV of `n` rows with numbers, text, quotes, empty fields and a column that turns to text late. */
function sample(n: number, late = '007'): string {
  const rows = ['id,age,sex,note,code,w'];
  for (let i = 0; i < n; i++) {
    const note = i % 97 === 0 ? '"has ""quotes"", a comma"' : i % 13 === 0 ? '' : `n${i % 7}`;
    const code = i === n - 5 ? late : String(i % 50);
    rows.push(`${i},${i % 90},${i % 2 ? 'male' : 'female'},${note},${code},${(1 + (i % 11) / 7).toFixed(4)}`);
  }
  return rows.join('\n') + '\n';
}

const small = { minBytes: 1, rangeBytes: 4096, threads: 2 } as const;

describe('readDataFile on worker threads (large CSV files)', () => {
  it('gives the dataset the one-thread reader gives, in many ranges', async () => {
    const path = write('a.csv', sample(3000));
    const size = sample(3000).length;
    const par = await readCsvFileParallel(path, size, { ...small, source: 'a.csv' });
    expect(par).not.toBeNull(); // read on the workers, not by the one-piece fallback
    const seq = await readDataFile(path, { threads: 1 });
    expect(plain(par!)).toEqual(plain(seq));
    // the column that turned to text in the last range keeps every earlier number as written
    const code = par!.column('code');
    expect(code.kind).toBe('categorical');
    expect(code.kind === 'categorical' && code.levels.includes('007')).toBe(true);
  });

  it('reads only the selected columns', async () => {
    const path = write('b.csv', sample(2000));
    const par = await readDataFile(path, { ...small, select: ['w', 'sex'] });
    expect(par.columns.map((c) => c.name)).toEqual(['sex', 'w']);
    const seq = await readDataFile(path, { threads: 1, select: ['w', 'sex'] });
    expect(plain(par)).toEqual(plain(seq));
  });

  it('decides the encoding over the whole file (a Windows-1252 byte in the last range)', async () => {
    const text = sample(2000);
    const enc = new TextEncoder();
    // "café" in Windows-1252: not valid UTF-8, so the whole file is read as Windows-1252
    const bytes = new Uint8Array([...enc.encode(text + '2001,30,male,caf'), 0xe9, ...enc.encode(',1,1.0\n')]);
    const path = write('c.csv', bytes);
    const par = await readDataFile(path, small);
    const note = par.column('note');
    expect(note.kind === 'categorical' && note.levels.at(-1)).toBe('café');
    expect(plain(par)).toEqual(plain(await readDataFile(path, { threads: 1 })));
  });

  it('copes with a newline inside a quoted field at a range boundary', async () => {
    const rows = ['id,text'];
    for (let i = 0; i < 400; i++) rows.push(`${i},"line one\nline two ${i}\nline three"`);
    const path = write('d.csv', rows.join('\n') + '\n');
    const par = await readDataFile(path, { ...small, rangeBytes: 1000 });
    expect(par.nrows).toBe(400);
    expect(plain(par)).toEqual(plain(await readDataFile(path, { threads: 1 })));
  });

  it('reports a damaged record with its line in the whole file', async () => {
    const lines = sample(3000).split('\n');
    lines[2500] += ',extra';
    const path = write('e.csv', lines.join('\n'));
    const err = await readDataFile(path, small).catch((e) => e);
    expect(err).toBeInstanceOf(DataFileError);
    expect(err.code).toBe('csv.ragged_row');
    expect(err.line).toBe(2501);
    expect(err.message).toMatch(/^e\.csv:2501: this row has 7 fields but the header has 6/);
  });

  it('names a selected column that the header lacks, with a suggestion', async () => {
    const path = write('f.csv', sample(100));
    const err = await readDataFile(path, { ...small, select: ['wieght'] }).catch((e) => e);
    expect(err.message).toBe('f.csv: select names "wieght", which is not in the header.');
  });
});
