// Replicate-weight designs against R's survey 4.1.1 (svrepdesign, as.svrepdesign): the cases and data were made by
// r-reference/replicate/make-replicate-cases.R. Estimates to a relative 1e-9, SEs and CIs to 1e-6.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDesign } from '../../src/design/create-design.ts';
import { estimateCiProp } from '../../src/estimate/ciprop.ts';
import type { EstimateRow } from '../../src/estimate/estimate.types.ts';
import { estimateMean, estimateRatio, estimateTotal } from '../../src/estimate/linear.ts';
import { estimateQuantile } from '../../src/estimate/quantile.ts';
import { parseCsv } from '../../src/io/csv/parse-csv.ts';
import { asReplicateDesign, hadamardFor } from '../../src/replicate/as-replicate-design.ts';
import { createReplicateDesign } from '../../src/replicate/create-replicate-design.ts';
import type { ReplicateType } from '../../src/replicate/replicate.types.ts';
import type { Dataset } from '../../src/dataset/dataset.types.ts';

const dir = join(import.meta.dirname, '../fixtures/replicate');
const ref = JSON.parse(readFileSync(join(dir, 'replicate-cases.json'), 'utf8'));
const data = new Map<string, Dataset>();
const load = (name: string) => {
  if (!data.has(name)) data.set(name, parseCsv(readFileSync(join(dir, name)), { source: name }));
  return data.get(name)!;
};

interface RRow {
  domain: Record<string, string> | null;
  term: string;
  estimate: number;
  se: number;
  quantile?: number;
  ci?: [number, number];
  deff?: number;
}

function design(c: { data: string; design: Record<string, unknown> }) {
  const ds = load(c.data);
  const s = c.design as {
    kind: 'svrep' | 'as';
    weights: string;
    replicates: string[];
    type: string;
    rho?: number;
    scale?: number;
    rscales?: number[];
    mse?: boolean;
    seed?: number;
    design?: { ids: string[]; strata?: string; weights: string; fpc?: string[] };
  };
  if (s.kind === 'svrep') {
    return createReplicateDesign(ds, {
      weights: s.weights,
      replicates: s.replicates,
      type: s.type as ReplicateType,
      ...(s.rho !== undefined ? { rho: s.rho } : {}),
      ...(s.scale !== undefined ? { scale: s.scale } : {}),
      ...(s.rscales !== undefined ? { rscales: s.rscales } : {}),
      ...(s.mse !== undefined ? { mse: s.mse } : {}),
    });
  }
  const base = createDesign(ds, {
    ids: s.design!.ids,
    strata: s.design!.strata ?? null,
    weights: s.design!.weights,
    fpc: s.design!.fpc ?? [],
  });
  return asReplicateDesign(base, {
    type: s.type as 'JK1' | 'JKn' | 'BRR' | 'Fay' | 'bootstrap',
    ...(s.rho !== undefined ? { rho: s.rho } : {}),
    ...(s.seed !== undefined
      ? { replicates: (c.design as { replicates: number }).replicates, seed: s.seed }
      : {}),
  });
}

function run(c: { estimate: Record<string, unknown> } & Parameters<typeof design>[0]) {
  const d = design(c);
  const e = c.estimate as {
    kind: string;
    variables: string[];
    denominator?: string;
    by?: string[];
    probs?: number[];
    intervalType?: 'mean' | 'beta' | 'xlogit' | 'quantile';
    method?: 'mean' | 'beta' | 'asin' | 'xlogit' | 'logit' | 'likelihood';
    success?: string;
    deff?: boolean | 'replace';
  };
  const by = e.by ?? [];
  const deff = e.deff ?? false;
  switch (e.kind) {
    case 'total':
      return { d, rows: estimateTotal(d, e.variables, { by, deff }).rows };
    case 'mean':
      return { d, rows: estimateMean(d, e.variables, { by, deff }).rows };
    case 'ratio':
      return { d, rows: estimateRatio(d, e.variables, e.denominator!, { by, deff }).rows };
    case 'quantile':
      return {
        d,
        rows: estimateQuantile(d, e.variables, { by, probs: e.probs, intervalType: e.intervalType }).rows,
      };
    default:
      return { d, rows: estimateCiProp(d, e.variables[0], { method: e.method, success: e.success }).rows };
  }
}

/** R writes NaN as the string "NaN" in JSON. */
const num = (x: number | string | null) => (typeof x === 'number' ? x : NaN);
const rel = (a: number, b: number | string) =>
  Number.isNaN(a) && Number.isNaN(num(b))
    ? 0
    : a === b
      ? 0
      : Math.abs(a - num(b)) / Math.max(Math.abs(num(b)), 1e-12);
const byId = new Map(ref.cases.map((c: { id: string }) => [c.id, c]));
/**
 * R's svyquantile on a replicate design calls woodruffCI without its method, so interval.type "beta", "xlogit" and
 * "asin" give R's "mean" interval; labmig computes the interval asked for. Those cases are checked against R's
 * "mean" case for the estimate only, and R's quirk is asserted so that a fixed R shows up here.
 */
const rIgnoresIntervalType = (id: string) => /_quantile_(beta|xlogit|asin)$/.test(id);

describe('replicate-weight designs match R (svrepdesign, as.svrepdesign)', () => {
  type RCase = Parameters<typeof run>[0] & { id: string; degf: number; rows: RRow[] };
  const cases = (ref.cases as RCase[]).map((c) => [c.id, c] as [string, RCase]);
  it.each(cases)('%s', (id, c) => {
    if (id.endsWith('_ciprop_likelihood_r_gives_na')) {
      // R's survey 4.1.1 returns no interval for svyciprop(method = "likelihood") on a replicate design; labmig
      // refuses the method there with a message saying so. A fixed R shows up here.
      expect(c.rows[0].ci).toEqual(['NA', 'NA']);
      expect(() => run(c)).toThrow('method "likelihood" is not offered on replicate-weight designs');
      return;
    }
    const { d, rows } = run(c);
    expect(d.degf).toBe(c.degf);
    const want = c.rows as RRow[];
    if (rIgnoresIntervalType(id)) {
      const mean = byId.get(id.replace(/_(beta|xlogit|asin)$/, '_mean')) as { rows: RRow[] };
      expect(want).toEqual(mean.rows);
      want.forEach((w, k) => expect(rel(rows[k].estimate, w.estimate)).toBeLessThan(1e-9));
      return;
    }
    expect(rows).toHaveLength(want.length);
    want.forEach((w, k) => {
      const got = rows[k] as EstimateRow;
      expect(got.term).toBe(w.term);
      expect(got.domain).toEqual(w.domain ?? null);
      expect(rel(got.estimate, w.estimate)).toBeLessThan(1e-9);
      // an SE that is rounding noise around 0 in R (a stratification variable's proportions under a bootstrap within
      // strata: each replicate keeps every stratum's weight) must be noise here too
      if (Math.abs(num(w.se)) < 1e-12) expect(Math.abs(got.se)).toBeLessThan(1e-12);
      else expect(rel(got.se, w.se)).toBeLessThan(1e-6);
      if (w.deff !== undefined) expect(rel(got.deff!, w.deff)).toBeLessThan(1e-6);
      if (w.ci) {
        expect(rel(got.ci[0], w.ci[0])).toBeLessThan(1e-6);
        expect(rel(got.ci[1], w.ci[1])).toBeLessThan(1e-6);
      }
    });
  });

  it('builds the Hadamard matrices R chooses for 1 to 15 pairs of PSUs', () => {
    (ref.meta.hadamard as number[][][]).forEach((H, k) => expect(hadamardFor(k + 1)).toEqual(H));
  });
});
