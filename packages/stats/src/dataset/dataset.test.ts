import { describe, expect, it } from 'vitest';
import { categoricalColumn, createDataset, numericColumn, withColumns } from './dataset.ts';
import { filterRows, selectRows } from './dataset-rows.ts';

describe('createDataset', () => {
  it('exposes columns by name and counts rows', () => {
    const ds = createDataset([numericColumn('age', [30, 41]), categoricalColumn('sex', ['m', 'f'])], {
      source: 'x.csv',
    });
    expect(ds.nrows).toBe(2);
    expect(ds.has('age')).toBe(true);
    expect(ds.has('Age')).toBe(false);
    expect(ds.column('sex').kind).toBe('categorical');
  });

  it('rejects columns of unequal length, naming both', () => {
    expect(() => createDataset([numericColumn('a', [1, 2]), numericColumn('b', [1])])).toThrow(
      /"b" has 1 rows but "a" has 2/,
    );
  });

  it('rejects duplicate names', () => {
    expect(() => createDataset([numericColumn('a', [1]), numericColumn('a', [2])])).toThrow(
      /duplicate column name "a"/,
    );
  });

  it('names a missing column, the source and close names', () => {
    const ds = createDataset([numericColumn('weight', [1]), numericColumn('age', [2])], {
      source: 'lfs.csv',
    });
    expect(() => ds.column('wieght')).toThrow(RangeError);
    expect(() => ds.column('wieght')).toThrow('column "wieght" not found in lfs.csv. Did you mean "weight"?');
  });
});

describe('numericColumn and categoricalColumn', () => {
  it('turns null into NaN', () => {
    expect([...numericColumn('x', [1, null, 3]).values]).toEqual([1, NaN, 3]);
  });

  it('dictionary-encodes in order of first appearance with -1 for missing', () => {
    const c = categoricalColumn('s', ['b', 'a', '', null, 'b', undefined]);
    expect(c.levels).toEqual(['b', 'a']);
    expect([...c.codes]).toEqual([0, 1, -1, -1, 0, -1]);
  });
});

describe('withColumns', () => {
  it('replaces in place, appends new columns and shares untouched arrays', () => {
    const a = numericColumn('a', [1, 2]);
    const ds = createDataset([a, numericColumn('b', [3, 4])]);
    const out = withColumns(ds, [numericColumn('c', [5, 6]), numericColumn('b', [7, 8])]);
    expect(out.columns.map((c) => c.name)).toEqual(['a', 'b', 'c']);
    expect(out.column('a')).toBe(a);
    expect([...(out.column('b') as typeof a).values]).toEqual([7, 8]);
    expect(() => withColumns(ds, [numericColumn('d', [1])])).toThrow(/"d" has 1 rows/);
  });
});

describe('selectRows and filterRows', () => {
  it('picks rows in order and keeps missing reasons aligned', () => {
    const x = numericColumn('x', [10, NaN, 30], { missingReasons: new Map([[1, 99]]) });
    const ds = createDataset([x, categoricalColumn('g', ['a', 'b', 'a'])]);
    const sel = selectRows(ds, [1, 2]);
    const sx = sel.column('x');
    expect(sx.kind === 'numeric' && [...sx.values]).toEqual([NaN, 30]);
    expect(sx.kind === 'numeric' && sx.missingReasons?.get(0)).toBe(99);
    expect(filterRows(ds, (i) => i !== 1).nrows).toBe(2);
    expect(() => selectRows(ds, [3])).toThrow(/outside 0..2/);
  });
});
