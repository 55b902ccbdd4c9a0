import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { numericColumn, withColumns } from '../dataset/dataset.ts';
import { selectRows } from '../dataset/dataset-rows.ts';
import { parseCsv } from '../io/csv/parse-csv.ts';
import { createDesign } from '../design/create-design.ts';
import { estimateMean, estimateRatio, estimateTotal } from './linear.ts';
import { estimateQuantile } from './quantile.ts';
import { propInterval } from './ciprop.ts';

const file = fileURLToPath(new URL('../../test/fixtures/survey/apistrat.csv', import.meta.url));
const base = parseCsv(readFileSync(file), { source: 'apistrat.csv' });
const opts = { strata: 'stype', weights: 'pw' } as const;

describe('estimator invariants', () => {
  it('scaling all weights leaves means, ratios and quantiles unchanged and scales totals', () => {
    const pw = base.column('pw');
    const scaled = withColumns(base, [
      numericColumn(
        'pw',
        (pw as { values: Float64Array }).values.map((w) => w * 7.5),
      ),
    ]);
    const a = createDesign(base, opts);
    const b = createDesign(scaled, opts);
    const ma = estimateMean(a, ['api00'], { by: ['awards'] }).rows;
    const mb = estimateMean(b, ['api00'], { by: ['awards'] }).rows;
    ma.forEach((r, i) => {
      expect(mb[i].estimate).toBeCloseTo(r.estimate, 9);
      expect(mb[i].se).toBeCloseTo(r.se, 9);
    });
    expect(estimateRatio(b, ['api00'], 'api99').rows[0].estimate).toBeCloseTo(
      estimateRatio(a, ['api00'], 'api99').rows[0].estimate,
      12,
    );
    expect(estimateQuantile(b, ['api00']).rows[0].estimate).toBe(
      estimateQuantile(a, ['api00']).rows[0].estimate,
    );
    expect(
      estimateTotal(b, ['enroll']).rows[0].estimate / estimateTotal(a, ['enroll']).rows[0].estimate,
    ).toBeCloseTo(7.5, 10);
  });
  it('permuting rows changes nothing', () => {
    const perm = Array.from({ length: base.nrows }, (_, i) => (i * 37) % base.nrows);
    expect(new Set(perm).size).toBe(base.nrows);
    const a = createDesign(base, opts);
    const b = createDesign(selectRows(base, perm), opts);
    const ra = estimateMean(a, ['api00', 'stype'], { by: ['awards'], deff: true }).rows;
    const rb = estimateMean(b, ['api00', 'stype'], { by: ['awards'], deff: true }).rows;
    expect(rb.map((r) => r.term)).toEqual(ra.map((r) => r.term));
    ra.forEach((r, i) => {
      expect(rb[i].estimate).toBeCloseTo(r.estimate, 9);
      expect(rb[i].se).toBeCloseTo(r.se, 9);
      expect(rb[i].deff as number).toBeCloseTo(r.deff as number, 9);
    });
  });
  it('drops missing analysis values and counts them', () => {
    const t = estimateMean(createDesign(base, opts), ['acs.46']);
    const col = base.column('acs.46') as { values: Float64Array };
    const nMissing = col.values.filter(Number.isNaN).length;
    expect(nMissing).toBeGreaterThan(0);
    expect(t.missing).toBe(nMissing);
    expect(t.rows[0].n).toBe(base.nrows - nMissing);
  });
  it('flags small domains and high CVs, and an empty where gives NaN with the undefined flag', () => {
    const d = createDesign(base, opts);
    const r = estimateMean(d, ['api00'], { where: { stype: ['H'] } }).rows[0];
    expect(r.n).toBe(50);
    expect(
      estimateMean(d, ['api00'], { where: { stype: ['H'] }, quality: { minN: 60 } }).rows[0].flags,
    ).toContain('small_n');
    const empty = estimateMean(d, ['api00'], { where: { stype: ['nope'] } }).rows[0];
    expect(empty.estimate).toBeNaN();
    expect(empty.flags).toContain('undefined');
  });
  it('quantile interval types map the proportion interval of their method back through the rule', () => {
    const d = createDesign(base, opts);
    for (const intervalType of ['mean', 'beta', 'xlogit', 'asin'] as const) {
      const r = estimateQuantile(d, ['api00'], { probs: [0.5], intervalType }).rows[0];
      expect(r.ci[0]).toBeLessThanOrEqual(r.estimate);
      expect(r.ci[1]).toBeGreaterThanOrEqual(r.estimate);
    }
    // the transformed intervals stay inside [0, 1] where the plain one does not
    const [lo] = propInterval('mean', 0.01, 0.02, 30, 31, 0.95);
    expect(lo).toBeLessThan(0);
    for (const m of ['beta', 'xlogit', 'asin'] as const)
      expect(propInterval(m, 0.01, 0.02, 30, 31, 0.95)[0]).toBeGreaterThanOrEqual(0);
  });
});
