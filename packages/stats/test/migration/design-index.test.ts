import { describe, expect, it } from 'vitest';
import { categoricalColumn, createDataset, numericColumn } from '../../src/dataset/dataset.ts';
import { createDesign } from '../../src/design/create-design.ts';
import { designVariance } from '../../src/design/design-variance.ts';
import { buildDesignIndex, indexDesign, psuVariance } from '../../src/migration/design-index.ts';
import { MappingError } from '../../src/migration/mapping-error.ts';
import { loadLfsSmall } from './load-lfs-small.ts';

describe('psuVariance', () => {
  it('gives the same variance as designVariance on its fast path (no fpc, no single-PSU strata)', async () => {
    const ds = await loadLfsSmall();
    const d = buildDesignIndex(ds, { weight: 'weight', strata: 'stratum', psu: 'psu' });
    expect(d.plain).toBe(true);
    expect(d.npsu).toBe(957);
    let seed = 7;
    const u = Float64Array.from(
      { length: d.npsu },
      () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 1000 - 300,
    );
    const ref = designVariance(d.design, { rows: d.psuRow, values: u }, null);
    expect(Math.abs(psuVariance(d, u) - ref) / ref).toBeLessThan(1e-12);
  });

  it('defers to designVariance for lonely PSUs (here `adjust`, which centres the single PSU at zero)', () => {
    const ds = createDataset([
      categoricalColumn('h', ['A', 'A', 'A', 'B']),
      numericColumn('psu', [1, 1, 2, 3]),
      numericColumn('w', [1, 2, 3, 4]),
    ]);
    const design = createDesign(ds, { ids: ['psu'], strata: 'h', weights: 'w', lonelyPsu: 'adjust' });
    const d = indexDesign(design);
    expect(d.plain).toBe(false);
    expect(d.lonelyStrata).toBe(true);
    const u = Float64Array.of(1, 3, 2);
    // stratum A: 2/1·((1−2)² + (3−2)²) = 4; lonely B under adjust: (2 − 0)² = 4
    expect(psuVariance(d, u)).toBe(designVariance(design, { rows: d.psuRow, values: u }, null));
    expect(psuVariance(d, u)).toBeCloseTo(8, 12);
  });

  it('reports design problems as a mapping error on `design`', async () => {
    const ds = await loadLfsSmall();
    expect(() => buildDesignIndex(ds, { weight: 'wieght', psu: 'psu' })).toThrow(MappingError);
  });
});
