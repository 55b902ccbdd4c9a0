import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../io/csv/parse-csv.ts';
import { estimateMean, estimateTotal } from '../estimate/linear.ts';
import { calibrate } from './calibrate.ts';
import { createDesign } from './create-design.ts';
import { postStratify } from './poststratify.ts';
import { rake } from './rake.ts';

const file = fileURLToPath(new URL('../../test/fixtures/survey/apiclus1.csv', import.meta.url));
const clus1 = createDesign(parseCsv(readFileSync(file), { source: 'apiclus1.csv' }), {
  ids: ['dnum'],
  weights: 'pw',
  fpc: ['fpc'],
});
const stype = { E: 4421, H: 755, M: 1018 };
// R: postStratify(dclus1, ~stype, pop); svymean(~api00) (cases.json clus1_poststrat_mean_api00)
const R_MEAN = 642.310788211582;
const R_SE = 23.9204864450904;
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('weight adjustments', () => {
  it('postStratify reproduces R (estimate and SE)', () => {
    const r = estimateMean(postStratify(clus1, 'stype', stype), ['api00']).rows[0];
    expect(rel(r.estimate, R_MEAN)).toBeLessThan(1e-12);
    expect(rel(r.se, R_SE)).toBeLessThan(1e-9);
  });
  it('linear and raking calibration on one categorical variable equal post-stratification', () => {
    for (const method of ['linear', 'raking'] as const) {
      const r = estimateMean(calibrate(clus1, { stype }, { method }), ['api00']).rows[0];
      expect(rel(r.estimate, R_MEAN)).toBeLessThan(1e-9);
      expect(rel(r.se, R_SE)).toBeLessThan(1e-7);
    }
  });
  it('raking on one margin equals post-stratification', () => {
    const r = estimateMean(rake(clus1, { stype }), ['api00']).rows[0];
    expect(rel(r.estimate, R_MEAN)).toBeLessThan(1e-12);
    expect(rel(r.se, R_SE)).toBeLessThan(1e-7);
  });
  it('calibrated weights reproduce every population total given', () => {
    const d = calibrate(clus1, { stype, api99: 3914069 });
    const t = estimateTotal(d, ['stype', 'api99']).rows;
    expect(t.map((r) => Math.round(r.estimate))).toEqual([4421, 755, 1018, 3914069]);
    const k = calibrate(clus1, { stype, api99: 3914069 }, { method: 'raking' });
    expect(estimateTotal(k, ['api99']).rows[0].estimate).toBeCloseTo(3914069, 0);
  });
  it('raking two margins matches both margins within the convergence tolerance', () => {
    const d = rake(clus1, { stype, 'sch.wide': { No: 1100, Yes: 5094 } });
    const t = estimateTotal(d, ['stype', 'sch.wide']).rows;
    for (const r of t) expect(r.estimate).toBeGreaterThan(0);
    expect(Math.abs(t[3].estimate - 1100)).toBeLessThan(1);
    expect(Math.abs(t[0].estimate - 4421)).toBeLessThan(5);
  });
  // R's own test outputs (tests/rakecheck.Rout.save, tests/testoutput/caleg.Rout.save), printed digits
  it('rake and raking calibration on two margins reproduce R', () => {
    const m = { stype, 'sch.wide': { No: 1072, Yes: 5122 } };
    const r = rake(clus1, m);
    expect(estimateMean(r, ['api00']).rows[0].estimate.toFixed(2)).toBe('641.23');
    expect(estimateMean(r, ['api00']).rows[0].se.toFixed(3)).toBe('23.704');
    expect(Math.round(estimateTotal(r, ['enroll']).rows[0].estimate)).toBe(3647300);
    expect(Math.round(estimateTotal(r, ['enroll']).rows[0].se)).toBe(400603);
    const g = calibrate(clus1, m, { method: 'raking' });
    expect(Math.round(estimateTotal(g, ['enroll']).rows[0].estimate)).toBe(3647280);
    expect(Math.round(estimateTotal(g, ['enroll']).rows[0].se)).toBe(400603);
  });
  it("linear calibration to an intercept and a numeric total gives R's g-weight range", () => {
    const l = calibrate(clus1, { '(Intercept)': 6194, enroll: 3811472 });
    const g = Array.from(l.weights, (w, i) => w / clus1.weights[i]);
    expect(Math.min(...g).toFixed(7)).toBe('0.7906782');
    expect(Math.max(...g).toFixed(7)).toBe('1.7891164');
  });
  it('names a level without a population total', () => {
    expect(() => postStratify(clus1, 'stype', { E: 1, H: 2 })).toThrow(/no population total for stype = "M"/);
  });
});
