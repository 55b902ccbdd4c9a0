import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/dataset/dataset.types.ts';
import { selectRows } from '../../src/dataset/dataset-rows.ts';
import { classifyDataset } from '../../src/migration/classify-dataset.ts';
import { buildDesignIndex } from '../../src/migration/design-index.ts';
import { computeIlmsTables } from '../../src/migration/ilms-tables.ts';
import type { StatTable } from '../../src/migration/table.types.ts';
import { lfsSmallMapping, loadLfsSmall, referenceCase } from './load-lfs-small.ts';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
const MIG: Record<string, string> = { yes: 'migrant', no: 'non_migrant' };

let tables: StatTable[];
let ds: Dataset;
beforeAll(async () => {
  const m = lfsSmallMapping();
  ds = classifyDataset(await loadLfsSmall(), m).dataset;
  tables = computeIlmsTables(ds, buildDesignIndex(ds, m.design), m);
});
const row = (id: string, dims: Record<string, string>) => {
  const t = tables.find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id}`);
  const r = t.rows.find(
    (x) =>
      Object.entries(dims).every(([k, v]) => x.dims[k] === v) &&
      Object.keys(x.dims).length === Object.keys(dims).length,
  );
  if (!r) throw new Error(`no row ${JSON.stringify(dims)} in ${id}`);
  return r;
};

describe('computeIlmsTables on lfs_small.csv (R survey 4.1.1 reference)', () => {
  it('matches svyby(~wap+lf+emp+unemp, ~migrant, svytotal) to 1e-9 (estimate) and 1e-6 (SE)', () => {
    const ids: Record<string, string> = {
      wap: 'wap_sex_age',
      lf: 'lf_sex_age',
      emp: 'emp_sex_age',
      unemp: 'une_sex_age',
    };
    for (const e of referenceCase('by_migrant_totals')) {
      const r = row(ids[e.term], { migrant: MIG[e.domain!.migrant], sex: 'total', age: 'total' });
      expect(rel(r.estimate, e.estimate)).toBeLessThan(1e-9);
      expect(rel(r.se, e.se)).toBeLessThan(1e-6);
    }
  });

  it('matches svyby(~lf, ~migrant+sex, svyratio, denominator=~wap) as LFPR in percent', () => {
    for (const e of referenceCase('lfpr_by_migrant_sex')) {
      const r = row('lfpr_sex_age', { migrant: MIG[e.domain!.migrant], sex: e.domain!.sex, age: 'total' });
      expect(rel(r.estimate, 100 * e.estimate)).toBeLessThan(1e-9);
      expect(rel(r.se, 100 * e.se)).toBeLessThan(1e-6);
    }
  });

  it('matches the overall LFPR and the EPR by migrant status', () => {
    const all = referenceCase('lfpr_overall')[0];
    const r = row('lfpr_sex_age', { migrant: 'total', sex: 'total', age: 'total' });
    expect(rel(r.estimate, 100 * all.estimate)).toBeLessThan(1e-9);
    expect(rel(r.se, 100 * all.se)).toBeLessThan(1e-6);
    for (const e of referenceCase('epr_by_migrant')) {
      const x = row('epr_sex_age', { migrant: MIG[e.domain!.migrant], sex: 'total', age: 'total' });
      expect(rel(x.estimate, 100 * e.estimate)).toBeLessThan(1e-9);
      expect(rel(x.se, 100 * e.se)).toBeLessThan(1e-6);
    }
  });

  it('reports the LFPR gap as the difference of the two rates, with an SE that includes their covariance', () => {
    const [no, yes] = referenceCase('lfpr_by_migrant');
    const gap = row('lfpr_gap_sex_age', { sex: 'total', age: 'total' });
    expect(gap.estimate).toBeCloseTo(100 * (yes.estimate - no.estimate), 9);
    // Independent computation from the rows: PSU totals of the influence of R_m − R_n, stratified variance.
    expect(rel(gap.se, independentGapSe(ds))).toBeLessThan(1e-9);
    const naive = 100 * Math.hypot(yes.se, no.se);
    expect(Math.abs(gap.se - naive)).toBeGreaterThan(1e-4);
  });

  it('gives every cell an estimate, SE, CV, CI, unweighted n and flags', () => {
    for (const t of tables) {
      for (const r of t.rows) {
        expect(r.ci[0]).toBeLessThanOrEqual(r.ci[1]);
        expect(Number.isInteger(r.n)).toBe(true);
        expect(Array.isArray(r.flags)).toBe(true);
      }
    }
    const cell = row('emp_sex_eco', { migrant: 'migrant', sex: 'female', isic: 'T' });
    expect(cell.n).toBeGreaterThan(0);
    expect(cell.cv).toBeCloseTo(cell.se / cell.estimate, 12);
    expect(cell.ci[1] - cell.estimate).toBeCloseTo(1.959963985 * cell.se, 3);
  });

  it('sums employment by ISIC section to employment', () => {
    const t = tables.find((x) => x.id === 'emp_sex_eco')!;
    const parts = t.rows.filter(
      (r) => r.dims.migrant === 'migrant' && r.dims.sex === 'total' && r.dims.isic !== 'total',
    );
    const total = row('emp_sex_age', { migrant: 'migrant', sex: 'total', age: 'total' }).estimate;
    expect(parts.reduce((s, r) => s + r.estimate, 0)).toBeCloseTo(total, 4);
  });
});

/** Gap SE written out directly from the microdata, without the cube. */
function independentGapSe(d: Dataset): number {
  const num = (n: string) => (d.column(n) as { values: Float64Array }).values;
  const cat = (n: string) => {
    const c = d.column(n) as { codes: Int32Array; levels: readonly string[] };
    return (i: number) => c.levels[c.codes[i]];
  };
  const w = num('weight'),
    age = num('age'),
    stratum = num('stratum'),
    psu = num('psu');
  const mig = cat('migrant'),
    lfs = cat('lfs');
  const sums = { m: [0, 0], n: [0, 0] };
  for (let i = 0; i < d.nrows; i++) {
    if (age[i] < 15) continue;
    const g = mig(i) === 'yes' ? sums.m : sums.n;
    g[0] += w[i] * (lfs(i) === 'employed' || lfs(i) === 'unemployed' ? 1 : 0);
    g[1] += w[i];
  }
  const Rm = sums.m[0] / sums.m[1],
    Rn = sums.n[0] / sums.n[1];
  const byPsu = new Map<string, { h: number; z: number }>();
  for (let i = 0; i < d.nrows; i++) {
    const key = `${stratum[i]}:${psu[i]}`;
    const e = byPsu.get(key) ?? { h: stratum[i], z: 0 };
    if (age[i] >= 15) {
      const lf = lfs(i) === 'employed' || lfs(i) === 'unemployed' ? 1 : 0;
      e.z += mig(i) === 'yes' ? (w[i] * (lf - Rm)) / sums.m[1] : -(w[i] * (lf - Rn)) / sums.n[1];
    }
    byPsu.set(key, e);
  }
  const strata = new Map<number, number[]>();
  for (const { h, z } of byPsu.values()) strata.set(h, [...(strata.get(h) ?? []), z]);
  let v = 0;
  for (const zs of strata.values()) {
    const mean = zs.reduce((a, b) => a + b, 0) / zs.length;
    v += (zs.length / (zs.length - 1)) * zs.reduce((a, z) => a + (z - mean) ** 2, 0);
  }
  return 100 * Math.sqrt(v);
}

describe('migrant share tables on lfs_small.csv', () => {
  it('gives the migrant share of the labour force as 100 · LF_migrant / LF (R totals: 2,177,280.4438 of 19,376,009.975)', () => {
    const lfMig = referenceCase('by_migrant_totals').find(
      (e) => e.domain!.migrant === 'yes' && e.term === 'lf',
    )!.estimate;
    const lfAll =
      lfMig +
      referenceCase('by_migrant_totals').find((e) => e.domain!.migrant === 'no' && e.term === 'lf')!.estimate;
    const share = row('lf_migrant_share_sex_age', { sex: 'total', age: 'total' });
    expect(share.estimate).toBeCloseTo((100 * lfMig) / lfAll, 9);
    expect(share.se).toBeGreaterThan(0);
  });

  it('gives the migrant share of employment in each ISIC section, between 0 and 100', () => {
    const t = tables.find((x) => x.id === 'emp_migrant_share_sex_eco')!;
    const domestic = row('emp_migrant_share_sex_eco', { sex: 'female', isic: 'T' });
    const mig = row('emp_sex_eco', { migrant: 'migrant', sex: 'female', isic: 'T' }).estimate;
    const all = row('emp_sex_eco', { migrant: 'total', sex: 'female', isic: 'T' }).estimate;
    expect(domestic.estimate).toBeCloseTo((100 * mig) / all, 9);
    for (const r of t.rows) if (Number.isFinite(r.estimate)) expect(r.estimate).toBeGreaterThanOrEqual(0);
  });
});

describe('computeIlmsTables invariants', () => {
  it('gives the same tables when the rows are shuffled (strata no longer consecutive)', async () => {
    const m = lfsSmallMapping();
    let seed = 11;
    const perm = Array.from({ length: ds.nrows }, (_, i) => i);
    for (let i = perm.length - 1; i > 0; i--) {
      seed = (seed * 48271) % 2147483647;
      const j = seed % (i + 1);
      [perm[i], perm[j]] = [perm[j], perm[i]];
    }
    const shuffled = classifyDataset(selectRows(await loadLfsSmall(), perm), m).dataset;
    const design = buildDesignIndex(shuffled, m.design);
    expect(design.stratumStart).toBeNull();
    const again = computeIlmsTables(shuffled, design, m);
    for (const id of ['lfpr_gap_sex_age', 'emp_sex_eco', 'ur_sex_age']) {
      const a = tables.find((t) => t.id === id)!;
      const b = again.find((t) => t.id === id)!;
      const key = (r: { dims: Record<string, string> }) => JSON.stringify(r.dims);
      const byKey = new Map(b.rows.map((r) => [key(r), r]));
      for (const r of a.rows) {
        const s = byKey.get(key(r))!;
        if (!Number.isFinite(r.estimate)) continue;
        expect(Math.abs(s.estimate - r.estimate)).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(r.estimate)),
        );
        expect(Math.abs(s.se - r.se)).toBeLessThanOrEqual(1e-9 * Math.max(1, r.se));
        expect(s.n).toBe(r.n);
      }
    }
  });
});
