import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/dataset/dataset.types.ts';
import {
  DataFileError,
  parseCsv,
  readArrow,
  readDta,
  readParquet,
  readPor,
  readSav,
} from '../../src/io/index.ts';
import { writePor } from './writers/por-writer.ts';
import { POR_VARS } from './oracle-files.ts';

/** Deterministic PRNG (mulberry32) so every failure can be replayed from its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/io/${name}`, import.meta.url)));

type Reader = (b: Uint8Array) => Dataset;

/** Cases: random bytes, truncations and bit-flips of valid files (with and without the real magic header). */
function* cases(valid: Uint8Array[], seed: number, n: number): Generator<[string, Uint8Array]> {
  const r = rng(seed);
  for (let k = 0; k < n; k++) {
    const base = valid[Math.floor(r() * valid.length)];
    const kind = k % 3;
    if (kind === 0) {
      const len = Math.floor(r() * 600);
      const b = new Uint8Array(len);
      for (let i = 0; i < len; i++) b[i] = Math.floor(r() * 256);
      // Keep the magic sometimes so the parser goes past the first check.
      if (r() < 0.5) b.set(base.subarray(0, Math.min(len, 64)));
      yield [`random #${k}`, b];
    } else if (kind === 1) {
      yield [`truncated #${k}`, base.slice(0, Math.floor(r() * base.length))];
    } else {
      const b = base.slice();
      const flips = 1 + Math.floor(r() * 8);
      for (let f = 0; f < flips; f++) b[Math.floor(r() * b.length)] ^= 1 << Math.floor(r() * 8);
      yield [`bit-flipped #${k}`, b];
    }
  }
}

async function fuzz(
  read: Reader | ((b: Uint8Array) => Promise<Dataset>),
  valid: Uint8Array[],
  seed: number,
  n: number,
): Promise<void> {
  let typed = 0;
  let ok = 0;
  for (const [label, bytes] of cases(valid, seed, n)) {
    try {
      const ds = await read(bytes);
      expect(
        ds.columns.every((c) => (c.kind === 'numeric' ? c.values.length : c.codes.length) === ds.nrows),
      ).toBe(true);
      ok++;
    } catch (e) {
      if (!(e instanceof DataFileError)) {
        throw new Error(
          `seed ${seed}, ${label}: untyped ${(e as Error)?.constructor?.name}: ${(e as Error)?.message}`,
          { cause: e },
        );
      }
      expect(e.code).toMatch(/^(file|csv|sav|dta|por|parquet|arrow)\./);
      typed++;
    }
  }
  expect(ok + typed).toBe(n);
  expect(typed).toBeGreaterThan(0);
}

describe('fuzzing: every damaged input gives a Dataset or a DataFileError', () => {
  it('CSV reader', () => {
    const valid = [
      new TextEncoder().encode('a,b,"c d"\n1,"x, ""y""\nz",3\n4,,NA\r\n'),
      fixture('readstat_written.source.csv'),
      fixture('apisrs.csv').subarray(0, 4000),
    ];
    return fuzz((b) => parseCsv(b), valid, 1234, 400);
  });

  it('SPSS reader', () => {
    const valid = [
      'gen_uncompressed_le.sav',
      'gen_bytecode_be.sav',
      'gen_zlib_le.zsav',
      'readstat_written.sav',
    ].map(fixture);
    return fuzz((b) => readSav(b), valid, 5678, 400);
  });

  it('Stata reader', () => {
    const valid = [
      'gen_102_be.dta',
      'gen_104_le.dta',
      'gen_105_be.dta',
      'gen_108_le.dta',
      'gen_110_be.dta',
      'gen_112_le.dta',
      'gen_113_be.dta',
      'gen_114_le.dta',
      'gen_117_le.dta',
      'gen_118_be.dta',
      'gen_119_le.dta',
      'readstat_written.dta',
    ].map(fixture);
    return fuzz((b) => readDta(b), valid, 9012, 800);
  });

  it('SPSS portable reader', () => {
    const valid: Uint8Array[] = ['gen_crlf.por', 'gen_lf.por'].map(fixture);
    valid.push(writePor(POR_VARS, { lineEnd: '' }));
    return fuzz((b) => readPor(b), valid, 3456, 400);
  });

  it('Parquet reader', () => {
    const valid = ['arrow_rs_snappy.parquet', 'arrow_rs_zstd.parquet', 'arrow_rs_plain.parquet'].map(
      columnar,
    );
    return fuzz((b) => readParquet(b), valid, 7890, 300);
  });

  it('Arrow IPC reader', () => {
    const valid = ['arrow_js.arrow', 'arrow_js.arrows'].map(columnar);
    return fuzz((b) => readArrow(b), valid, 2468, 300);
  });
});

function columnar(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../fixtures/columnar/${name}`, import.meta.url)));
}
