import { describe, expect, it } from 'vitest';
import { createDataset, numericColumn, categoricalColumn } from '../dataset/dataset.ts';
import { createDesign } from '../design/create-design.ts';
import { estimateMean } from '../estimate/linear.ts';
import { asReplicateDesign } from './as-replicate-design.ts';
import { createReplicateDesign } from './create-replicate-design.ts';
import { replicateVariance } from './replicate-variance.ts';

const ds = createDataset([
  numericColumn('y', [1, 2, 3, 4]),
  numericColumn('w', [1, 1, 1, 1]),
  numericColumn('r1', [0, 2, 1, 1]),
  numericColumn('r2', [2, 0, 1, 1]),
  numericColumn('bad', [1, -1, 1, 1]),
  categoricalColumn('h', ['a', 'a', 'b', 'c']),
]);

describe('replicateVariance', () => {
  it('centres on the replicate mean, or on the estimate with mse, and leaves out NaN replicates', () => {
    expect(replicateVariance([1, 3], 0.5, [1, 1], false, 0)).toBe(1);
    expect(replicateVariance([1, 3], 0.5, [1, 1], true, 0)).toBe(5);
    expect(replicateVariance([1, NaN, 3], 0.5, [1, 1, 1], false, 0)).toBe(1);
  });
});

describe('createReplicateDesign', () => {
  it('refuses what R refuses, naming the argument', () => {
    const base = { weights: 'w', replicates: ['r1', 'r2'] } as const;
    expect(() => createReplicateDesign(ds, { ...base, type: 'Fay' })).toThrow('type "Fay" needs rho');
    expect(() => createReplicateDesign(ds, { ...base, type: 'JKn' })).toThrow('needs rscales');
    expect(() => createReplicateDesign(ds, { ...base, type: 'other' })).toThrow('needs scale and rscales');
    expect(() => createReplicateDesign(ds, { ...base, type: 'BRR', rscales: [1, 1, 1] })).toThrow(
      'rscales has 3 values',
    );
    expect(() => createReplicateDesign(ds, { weights: 'w', replicates: ['r1', 'bad'], type: 'BRR' })).toThrow(
      'replicates "bad" is negative in row 2 (-1)',
    );
    expect(() => createReplicateDesign(ds, { weights: 'w', replicates: ['r1', 'rx'], type: 'BRR' })).toThrow(
      /rx/,
    );
  });

  it('estimates a mean with the BRR variance', () => {
    const d = createReplicateDesign(ds, { weights: 'w', replicates: ['r1', 'r2'], type: 'BRR' });
    const r = estimateMean(d, ['y']).rows[0];
    // replicate means (0+4+3+4)/4 = 2.75 and (2+0+3+4)/4 = 2.25; scale 1/2: ((0.25)² + (0.25)²)/2
    expect(r.estimate).toBe(2.5);
    expect(r.se).toBeCloseTo(0.25, 12);
  });
});

describe('asReplicateDesign', () => {
  it('refuses types the design does not allow', () => {
    const flat = createDesign(ds, { weights: 'w' });
    const strat = createDesign(ds, { weights: 'w', strata: 'h', lonelyPsu: 'remove' });
    expect(() => asReplicateDesign(flat, { type: 'JKn' })).toThrow('JKn needs strata');
    expect(() => asReplicateDesign(strat, { type: 'JK1' })).toThrow('JK1 is for designs without strata');
    expect(() => asReplicateDesign(strat, { type: 'BRR' })).toThrow(
      'BRR needs 2 PSUs per stratum; stratum "b" has 1',
    );
  });
});
