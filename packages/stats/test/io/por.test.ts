import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../src/io/data-file-error.ts';
import { detectFormat } from '../../src/io/detect-format.ts';
import { readPor } from '../../src/io/por/read-por.ts';
import { POR_VARS } from './oracle-files.ts';
import { writePor } from './writers/por-writer.ts';

const read = (bytes: Uint8Array) => readPor(bytes, { source: 'x.por' });
const error = (bytes: Uint8Array) => {
  try {
    read(bytes);
  } catch (e) {
    return e as DataFileError;
  }
  throw new Error('no error');
};

describe('readPor (SPSS portable files)', () => {
  it('is recognised by its content, whatever the name', () => {
    expect(detectFormat(writePor(POR_VARS), 'export.txt')).toBe('por');
  });

  it('keeps user-missing codes and texts, value labels and variable labels', () => {
    const ds = read(writePor(POR_VARS));
    const score = ds.column('SCORE');
    expect(score.kind === 'numeric' && [...score.values]).toEqual([1.5, NaN, NaN, 1e10, 0.0078125, -0.25]);
    expect(score.kind === 'numeric' && [...score.missingReasons!]).toEqual([[1, -99]]);
    expect(score.label).toBe('Score (points)');
    const grp = ds.column('GRP');
    expect(grp.kind === 'numeric' && grp.valueLabels?.get(9)).toBe('refused');
    expect(grp.kind === 'numeric' && [...grp.missingReasons!.keys()]).toEqual([1, 2]);
    const note = ds.column('NOTE');
    expect(note.kind === 'categorical' && note.missingReasons?.get(4)).toBe('NA');
    expect(note.kind === 'categorical' && note.valueLabels?.get('hello')).toBe('greeting');
  });

  it('reads text outside the portable character set as Windows-1252 (ReadStat drops such characters: "café" → "caf")', () => {
    const ds = read(writePor([{ name: 'T', width: 8, values: ['café', 'Zürich'] }]));
    const t = ds.column('T');
    expect(t.kind === 'categorical' && t.levels).toEqual(['café', 'Zürich']);
  });

  it('refuses an empty file and a file cut short, naming what was expected', () => {
    expect(error(new Uint8Array(0)).message).toBe('x.por: the file is empty.');
    const full = writePor(POR_VARS);
    const cut = error(full.subarray(0, 700));
    expect(cut.code).toBe('file.truncated');
    expect(cut.message).toMatch(/^x\.por \(byte \d+\): /);
    expect(error(full.subarray(0, 300)).message).toMatch(
      /x\.por: the file has 300 bytes; an SPSS portable file has at least 464/,
    );
  });

  it('names the byte offset of a bad number', () => {
    const bytes = writePor(POR_VARS);
    const text = new TextDecoder('latin1').decode(bytes);
    const at = text.indexOf('F1/1.F/');
    const bad = bytes.slice();
    bad[at + 4] = '!'.charCodeAt(0); // SCORE of case 1: "1.F/" → "1!F/"
    const e = error(bad);
    expect(e.code).toBe('por.bad_data');
    expect(e.offset).toBe(at + 3); // where the number starts
    expect(e.message).toContain('case 1, SCORE: expected a number in base 30 ending with "/"');
  });
});
