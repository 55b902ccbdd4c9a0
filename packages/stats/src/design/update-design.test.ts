import { describe, expect, it } from 'vitest';
import { categoricalColumn, createDataset, numericColumn, withColumns } from '../dataset/dataset.ts';
import { estimateMean, estimateRatio } from '../estimate/linear.ts';
import { createDesign } from './create-design.ts';
import { updateDesign } from './update-design.ts';

const ds = createDataset([
  numericColumn('w', [2, 2, 4, 4, 3, 1]),
  numericColumn('psu', [1, 2, 1, 2, 1, 2]),
  categoricalColumn('st', ['a', 'a', 'b', 'b', 'c', 'c']),
  categoricalColumn('sex', ['m', 'f', 'm', 'f', 'm', 'f']),
  numericColumn('y', [1, 2, 3, 4, 5, 6]),
]);
const options = { weights: 'w', strata: 'st', ids: ['psu'], nest: true };

describe('updateDesign', () => {
  it('gives the same estimates as a design rebuilt on the extended data', () => {
    const cols = [numericColumn('num', [1, 0, 1, 1, 0, 1]), numericColumn('den', [1, 1, 1, 1, 0, 1])];
    const updated = updateDesign(createDesign(ds, options), cols);
    const rebuilt = createDesign(withColumns(ds, cols), options);
    expect(estimateRatio(updated, ['num'], 'den', { by: ['sex'] })).toEqual(
      estimateRatio(rebuilt, ['num'], 'den', { by: ['sex'] }),
    );
    // the weighted mean of num over all rows: (2 + 4 + 4 + 1) / 16
    expect(estimateMean(updated, ['num']).rows[0].estimate).toBeCloseTo(11 / 16, 14);
  });
  it('replaces an analysis variable and keeps the design structure', () => {
    const d = createDesign(ds, options);
    const u = updateDesign(d, [numericColumn('y', [0, 0, 0, 0, 0, 6])]);
    expect(u.stages).toBe(d.stages);
    expect(u.weights).toBe(d.weights);
    expect(estimateMean(u, ['y']).rows[0].estimate).toBeCloseTo(6 / 16, 14);
  });
  it('refuses to replace a design variable, naming it', () => {
    const d = createDesign(ds, options);
    expect(() => updateDesign(d, [numericColumn('w', [1, 1, 1, 1, 1, 1])])).toThrow(
      /"w" is a design variable/,
    );
  });
  it('refuses a column of the wrong length, naming it', () => {
    expect(() => updateDesign(createDesign(ds, options), [numericColumn('z', [1, 2])])).toThrow(
      /"z" has 2 rows/,
    );
  });
});
