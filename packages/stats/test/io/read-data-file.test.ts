import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { detectFormat, readDataBytes } from '../../src/io/index.ts';
import { readDataFile } from '../../src/node.ts';
import { columnValues } from './column-values.ts';

const fixture = (name: string) => new URL(`../fixtures/io/${name}`, import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'labmig-io-'));

describe('readDataFile', () => {
  it('reads CSV, gzipped CSV, .sav, .zsav and .dta, naming the source', async () => {
    const csv = await readDataFile(fixture('apisrs.csv'));
    expect(csv.nrows).toBe(200);
    expect(csv.source).toBe('apisrs.csv');
    const gz = join(tmp, 'apisrs.csv.gz');
    writeFileSync(gz, gzipSync(readFileSync(fixture('apisrs.csv'))));
    expect(columnValues(await readDataFile(gz), 'cds')).toEqual(columnValues(csv, 'cds'));
    expect((await readDataFile(fixture('lfs_small.sav'))).nrows).toBe(21473);
    expect((await readDataFile(fixture('gen_zlib_le.zsav'))).nrows).toBe(5);
    expect((await readDataFile(fixture('lfs_small.dta'))).nrows).toBe(21473);
  });

  it('reads gzipped CSV from bytes too (browsers have no file path)', () => {
    const gz = gzipSync(readFileSync(fixture('apisrs.csv')));
    const ds = readDataBytes(new Uint8Array(gz), detectFormat(gz, 'upload.bin'), { source: 'upload.bin' });
    expect(ds.nrows).toBe(200);
    expect(() => readDataBytes(new Uint8Array(gz.subarray(0, 50)), 'csv.gz')).toThrow(
      expect.objectContaining({ code: 'file.truncated' }),
    );
  });

  it('goes by content, not by a misleading extension', async () => {
    const disguised = join(tmp, 'survey.csv');
    copyFileSync(fixture('gen_118_le.dta'), disguised);
    const ds = await readDataFile(disguised);
    expect(ds.column('b').kind).toBe('numeric');
    expect(detectFormat(readFileSync(fixture('readstat_written.sav')), 'x.dat')).toBe('sav');
  });

  it('passes CSV options through', async () => {
    const f = join(tmp, 'semi.txt');
    writeFileSync(f, 'a;b\n1,5;x\n');
    const ds = await readDataFile(f, { columnTypes: { a: 'categorical' } });
    expect(columnValues(ds, 'a')).toEqual(['1,5']);
  });

  it('says when the file does not exist', async () => {
    await expect(readDataFile(join(tmp, 'nope.csv'))).rejects.toMatchObject({ code: 'file.not_found' });
  });
});
