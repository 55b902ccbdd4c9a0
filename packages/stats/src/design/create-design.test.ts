import { describe, expect, it } from 'vitest';
import { createDataset, numericColumn, categoricalColumn } from '../dataset/dataset.ts';
import { createDesign } from './create-design.ts';

const ds = createDataset([
  numericColumn('w', [2, 2, 4, 4, 3]),
  numericColumn('psu', [1, 2, 1, 2, 1]),
  categoricalColumn('st', ['a', 'a', 'b', 'b', 'c']),
  numericColumn('y', [1, 2, 3, 4, 5]),
]);

describe('createDesign', () => {
  it('counts degrees of freedom as PSUs minus strata', () => {
    expect(createDesign(ds, { weights: 'w' }).degf).toBe(4);
    expect(createDesign(ds, { weights: 'w', strata: 'st', lonelyPsu: 'remove' }).degf).toBe(2);
    expect(
      createDesign(ds, { weights: 'w', strata: 'st', ids: ['psu'], nest: true, lonelyPsu: 'remove' }).degf,
    ).toBe(2);
  });
  it('names the unknown variable and suggests close names', () => {
    expect(() => createDesign(ds, { weights: 'ww' })).toThrow(/weights.*"ww".*Did you mean "w"/);
  });
  it('refuses missing and negative weights naming the row', () => {
    const bad = createDataset([numericColumn('w', [1, -2, 3])]);
    expect(() => createDesign(bad, { weights: 'w' })).toThrow(/negative in row 2/);
    const miss = createDataset([numericColumn('w', [1, NaN, 3])]);
    expect(() => createDesign(miss, { weights: 'w' })).toThrow(/missing in row 2/);
  });
  it('refuses a single-PSU stratum under fail, naming the stratum and the alternatives', () => {
    expect(() => createDesign(ds, { weights: 'w', strata: 'st' })).toThrow(
      /stratum "c" has only one PSU.*remove/,
    );
  });
  it('refuses PSU ids repeated across strata without nest', () => {
    expect(() => createDesign(ds, { weights: 'w', strata: 'st', ids: ['psu'], lonelyPsu: 'remove' })).toThrow(
      /nest: true/,
    );
  });
  it('derives weights from fpc population sizes (N / n)', () => {
    const d = createDataset([numericColumn('N', [10, 10, 10, 10]), numericColumn('y', [1, 2, 3, 4])]);
    expect(Array.from(createDesign(d, { fpc: ['N'] }).weights)).toEqual([2.5, 2.5, 2.5, 2.5]);
  });
  it('refuses fpc mixing population sizes and fractions', () => {
    const d = createDataset([numericColumn('f', [10, 0.5, 10, 10])]);
    expect(() => createDesign(d, { fpc: ['f'] })).toThrow(/all population sizes/);
  });
});
