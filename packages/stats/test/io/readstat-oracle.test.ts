import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { detectFormat, readDataBytes } from '../../src/io/index.ts';
import { ORACLE_FILES } from './oracle-files.ts';
import { printfFixed, renderReadstatCsv } from './readstat-csv.ts';

const dir = new URL('../fixtures/io/', import.meta.url);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, dir)));

function ourCsv(name: string): string {
  const bytes = fixture(name);
  return renderReadstatCsv(readDataBytes(bytes, detectFormat(bytes, name), { source: name }));
}

describe('printfFixed (the test helper imitating C printf)', () => {
  it('rounds exact ties to even and everything else like toFixed', () => {
    expect(printfFixed(0.0078125, 6)).toBe('0.007812');
    expect(printfFixed(0.0234375, 6)).toBe('0.023438');
    expect(printfFixed(1438.3396, 14)).toBe('1438.33960000000002');
    expect(printfFixed(2.5, 0)).toBe('2');
  });
});

describe('readers against ReadStat output stored in fixtures', () => {
  it.each(ORACLE_FILES)('%s renders exactly as ReadStat wrote it', (name) => {
    const expected = gunzipSync(readFileSync(new URL(`${name}.readstat.csv.gz`, dir))).toString('utf8');
    expect(ourCsv(name)).toBe(expected);
  });
});

const readstat = spawnSync('readstat', ['--version'], { encoding: 'utf8' });
const haveReadstat = !readstat.error;

describe('readers against ReadStat run live', () => {
  if (!haveReadstat) {
    it.skip('skipped: `readstat` is not on PATH (Debian package readstat); the stored-oracle tests above still ran', () => {});
    return;
  }
  it.each(ORACLE_FILES)('%s matches `readstat FILE -` now', (name) => {
    const out = spawnSync('readstat', [new URL(name, dir).pathname, '-'], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    expect(out.status).toBe(0);
    expect(ourCsv(name)).toBe(out.stdout);
  });
});
