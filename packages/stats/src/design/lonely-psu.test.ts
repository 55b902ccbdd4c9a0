// Values printed by R's survey package in its own test tests/lonely.psu.R (Rout.save), 4 decimals.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { filterRows } from '../dataset/dataset-rows.ts';
import { numericColumn, withColumns } from '../dataset/dataset.ts';
import { estimateMean } from '../estimate/linear.ts';
import { parseCsv } from '../io/csv/parse-csv.ts';
import { createDesign } from './create-design.ts';
import type { LonelyPsu } from './design.types.ts';

const ds = parseCsv(
  readFileSync(fileURLToPath(new URL('../../test/fixtures/survey/apiclus1.csv', import.meta.url))),
  { source: 'apiclus1.csv' },
);
const dnum = (ds.column('dnum') as { values: Float64Array }).values;
const se = (d: ReturnType<typeof createDesign>, where?: Record<string, { ne: number }>) =>
  Number(estimateMean(d, ['api00'], { where }).rows[0].se.toFixed(4));

describe('lonely PSUs as R (svydesign(id=~1, weights=~pw, strata=~dnum, data=apiclus1))', () => {
  it("gives R's SE of mean(api00) under each rule (stratum 413 has one PSU)", () => {
    const expected: Record<Exclude<LonelyPsu, 'fail'>, number> = {
      remove: 5.8058,
      certainty: 5.8058,
      adjust: 5.8281,
      average: 6.0096,
    };
    for (const [rule, value] of Object.entries(expected))
      expect(se(createDesign(ds, { strata: 'dnum', weights: 'pw', lonelyPsu: rule as LonelyPsu }))).toBe(
        value,
      );
  });
  it('treats a stratum sampled completely (fpc = 1 PSU) as certainty under every rule', () => {
    const f = withColumns(ds, [
      numericColumn(
        'f',
        Array.from(dnum, (v) => (v === 413 ? 1 : 1000)),
      ),
    ]);
    expect(se(createDesign(f, { strata: 'dnum', weights: 'pw', fpc: ['f'] }))).toBe(5.7344);
  });
  it('handles a subset leaving one PSU in a stratum as R, with and without survey.adjust.domain.lonely', () => {
    const sub = filterRows(ds, (i) => dnum[i] !== 413);
    const data = withColumns(sub, [
      numericColumn(
        'row',
        Array.from({ length: sub.nrows }, (_, i) => i + 1),
      ),
    ]);
    const where = { row: { ne: 31 } }; // R: ds[-31, ]
    for (const rule of ['remove', 'adjust', 'average'] as const) {
      expect(se(createDesign(data, { strata: 'dnum', weights: 'pw', lonelyPsu: rule }), where)).toBe(5.8909);
    }
    const on = (rule: LonelyPsu) =>
      createDesign(data, { strata: 'dnum', weights: 'pw', lonelyPsu: rule, adjustDomainLonely: true });
    expect(se(on('remove'), where)).toBe(5.8909);
    expect(se(on('adjust'), where)).toBe(5.9119);
    expect(se(on('average'), where)).toBe(6.0914);
  });
});
