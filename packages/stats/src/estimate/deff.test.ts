// R's own test tests/deff.R (data from Takahiro Tsuchiya) and the values R prints for it (deff.Rout.save).
import { describe, expect, it } from 'vitest';
import { createDataset, numericColumn } from '../dataset/dataset.ts';
import { createDesign } from '../design/create-design.ts';
import { estimateMean, estimateTotal } from './linear.ts';

const kigyo = createDataset([
  numericColumn('uriage', [15, 143, 21, 51, 337, 50, 274, 145, 15, 86]),
  numericColumn('srs_w', [100, 100, 100, 100, 100, 100, 100, 100, 100, 100]),
  numericColumn('pps_w', [20, 200, 11, 25, 550, 30, 250, 100, 10, 55]),
]);

describe('design effects as R', () => {
  it('deff = TRUE compares with SRS without replacement', () => {
    const d = createDesign(kigyo, { weights: 'srs_w' });
    const m = estimateMean(d, ['uriage'], { deff: true }).rows[0];
    expect(m.estimate).toBeCloseTo(113.7, 10);
    expect(m.se.toFixed(3)).toBe('35.626');
    expect(m.deff as number).toBeCloseTo(1 / 0.99, 12); // R: 1.010101
    const t = estimateTotal(d, ['uriage'], { deff: true }).rows[0];
    expect(Math.round(t.se)).toBe(35626);
    expect(t.deff as number).toBeCloseTo(1 / 0.99, 12);
  });
  it('deff = "replace" compares with SRS with replacement', () => {
    const d = createDesign(kigyo, { weights: 'pps_w' });
    const m = estimateMean(d, ['uriage'], { deff: 'replace' }).rows[0];
    expect(m.estimate.toFixed(3)).toBe('243.914');
    expect(m.se.toFixed(3)).toBe('48.752');
    expect((m.deff as number).toFixed(6)).toBe('1.974067');
    const t = estimateTotal(d, ['uriage'], { deff: 'replace' }).rows[0];
    expect(Math.round(t.estimate)).toBe(305136);
    expect(Math.round(t.se)).toBe(184965);
    expect((t.deff as number).toFixed(5)).toBe('18.15669');
  });
});
