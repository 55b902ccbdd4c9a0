// R's example(fpc) data and the values R prints for it (tests/fpc.Rout.save).
import { describe, expect, it } from 'vitest';
import { createDataset, numericColumn } from '../dataset/dataset.ts';
import { estimateMean } from '../estimate/linear.ts';
import { createDesign } from './create-design.ts';
import type { DesignOptions } from './design.types.ts';

const fpc = createDataset([
  numericColumn('stratid', [1, 1, 1, 1, 1, 2, 2, 2]),
  numericColumn('psuid', [1, 2, 3, 4, 5, 1, 2, 3]),
  numericColumn('weight', [3, 3, 3, 3, 3, 4, 4, 4]),
  numericColumn('Nh', [15, 15, 15, 15, 15, 12, 12, 12]),
  numericColumn('frac', [5 / 15, 5 / 15, 5 / 15, 5 / 15, 5 / 15, 3 / 12, 3 / 12, 3 / 12]),
  numericColumn('x', [2.8, 4.1, 6.8, 6.8, 9.2, 3.7, 6.6, 4.2]),
]);
const mean = (o: DesignOptions) =>
  estimateMean(createDesign(fpc, { ids: ['psuid'], strata: 'stratid', nest: true, ...o }), ['x']).rows[0];

describe('fpc as R (example(fpc))', () => {
  it('without fpc: with-replacement SE', () => {
    const r = mean({ weights: 'weight' });
    expect(r.estimate.toFixed(4)).toBe('5.4481');
    expect(r.se.toFixed(4)).toBe('0.7413');
  });
  it('population sizes, sampling fractions and weights implied by fpc give the same SE', () => {
    expect(mean({ weights: 'weight', fpc: ['Nh'] }).se.toFixed(3)).toBe('0.616');
    expect(mean({ weights: 'weight', fpc: ['frac'] }).se.toFixed(3)).toBe('0.616');
    const implied = mean({ fpc: ['Nh'] });
    expect(implied.estimate.toFixed(4)).toBe('5.4481');
    expect(implied.se.toFixed(3)).toBe('0.616');
    expect(mean({ fpc: ['frac'] }).se.toFixed(3)).toBe('0.616');
  });
});
