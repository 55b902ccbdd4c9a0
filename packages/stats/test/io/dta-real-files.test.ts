import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../src/io/data-file-error.ts';
import { readDta } from '../../src/io/dta/read-dta.ts';
import { readDataBytes } from '../../src/io/read-data-bytes.ts';
import { writeDtaOld } from './writers/dta-old-writer.ts';
import { writeDta } from './writers/dta-writer.ts';

const err = (f: () => unknown): DataFileError => {
  try {
    f();
  } catch (e) {
    return e as DataFileError;
  }
  throw new Error('no error');
};

/** Replaces the first occurrence of `from` in `bytes` by `to` (same length), in place. */
function patch(bytes: Uint8Array, from: number[], to: number[]): Uint8Array {
  for (let i = 0; i + from.length <= bytes.length; i++) {
    if (from.every((b, k) => bytes[i + k] === b)) {
      bytes.set(to, i);
      return bytes;
    }
  }
  throw new Error('patch: bytes not found');
}

describe('readDta: messages people can act on', () => {
  it('says the file is empty', () => {
    expect(err(() => readDta(new Uint8Array(0), { source: 'e.dta' })).message).toBe(
      'e.dta: the file is empty.',
    );
    expect(err(() => readDataBytes(new Uint8Array(0), 'dta', { source: 'e.dta' })).code).toBe('file.empty');
  });

  it('names an unknown release as a release, never "release NaN"', () => {
    const b = writeDta([{ name: 'x', type: 'byte', values: [1] }], 118);
    patch(b, [...new TextEncoder().encode('<release>118')], [...new TextEncoder().encode('<release>121')]);
    expect(err(() => readDta(b, { source: 'n.dta' })).message).toBe(
      'n.dta (byte 28): Stata release 121 is not a known release (labmig reads 102–105, 108, 110–115 and 117–119). Save the file again with Stata 13 or later.',
    );
    patch(b, [...new TextEncoder().encode('<release>121')], [...new TextEncoder().encode('<release>1x8')]);
    expect(err(() => readDta(b)).message).toContain(
      'expected a three-digit release number after <release>, found "1x8"',
    );
    const old = writeDtaOld([{ name: 'x', type: 'byte', values: [1] }], 114, true);
    old[0] = 99;
    expect(err(() => readDta(old)).message).toContain('Stata release 99 is not a known release');
  });
});

describe('readDta: real files', () => {
  it('attaches the labels of .a–.z to the missing codes, not to the integers that store them', () => {
    const b = writeDta(
      [
        {
          name: 'q',
          type: 'long',
          values: [1, '.a', '.b', 2, null],
          valueLabels: [
            [1, 'yes'],
            [2147483622, 'refused'],
            [2147483623, "don't know"],
          ],
        },
      ],
      118,
    );
    const q = readDta(b).column('q');
    expect(q.kind === 'numeric' && [...q.valueLabels!]).toEqual([[1, 'yes']]);
    expect(q.kind === 'numeric' && [...q.missingLabels!]).toEqual([
      ['.a', 'refused'],
      ['.b', "don't know"],
    ]);
    expect(q.kind === 'numeric' && [...q.missingReasons!]).toEqual([
      [1, '.a'],
      [2, '.b'],
    ]);
  });

  it('reads Latin-1 text in a Stata 118 file as Windows-1252, with a warning naming the variable', () => {
    const b = writeDta([{ name: 'town', type: 8, values: ['café', 'Ørsted'] }], 118);
    patch(b, [0x63, 0x61, 0x66, 0xc3, 0xa9], [0x63, 0x61, 0x66, 0xe9, 0x00]);
    const ds = readDta(b, { source: 'l.dta' });
    const town = ds.column('town');
    expect(town.kind === 'categorical' && town.levels).toEqual(['café', 'Ørsted']);
    expect(ds.warnings).toEqual([
      'text in town is not valid UTF-8, as a Stata 118 file should hold; it was read as Windows-1252 (Latin-1). Check accented letters.',
    ]);
    expect(readDta(writeDta([{ name: 'x', type: 8, values: ['café'] }], 118)).warnings).toBeUndefined();
  });

  it('keeps binary strL values as bytes', () => {
    const b = writeDta([{ name: 'blob', type: 'strL', values: ['\u0001\u0002PNG', 'text'] }], 118);
    // the writer marks strLs as text (GSO type 130); make the first one binary (129)
    patch(b, [0x82, 0x06, 0, 0, 0, 1, 2], [0x81, 0x06, 0, 0, 0, 1, 2]);
    const blob = readDta(b).column('blob');
    expect(blob.kind === 'categorical' && blob.bytes?.get(0)).toEqual(
      Uint8Array.of(1, 2, 0x50, 0x4e, 0x47, 0),
    );
    expect(
      blob.kind === 'categorical' && Array.from(blob.codes, (k) => (k < 0 ? null : blob.levels[k])),
    ).toEqual([null, 'text']);
  });
});
