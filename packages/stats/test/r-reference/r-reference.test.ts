// Every case R computed (cases.json, lfs_small_reference.json) run through runSpec and compared with R's numbers.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/dataset/dataset.types.ts';
import { parseCsv } from '../../src/io/csv/parse-csv.ts';
import { runSpec } from '../../src/spec/run-spec.ts';
import type { SpecEstimate, SpecResult } from '../../src/spec/spec.types.ts';
import { caseToSpec, type RCase } from './case-to-spec.ts';
import { deriveLfs } from './lfs-derive.ts';

const dir = fileURLToPath(new URL('../fixtures/survey/', import.meta.url));
const cache = new Map<string, Dataset>();
function dataset(name: string): Dataset {
  const file = name.endsWith('.csv') ? name : `${name}.csv`;
  let ds = cache.get(file);
  if (!ds) {
    ds = parseCsv(readFileSync(dir + file), { source: file });
    if (file === 'lfs_small.csv') ds = deriveLfs(ds);
    cache.set(file, ds);
  }
  return ds;
}

// relative difference; R values that are exactly 0 (a deff of a stratum variable) are compared absolutely
const relDiff = (a: number, b: number) => (b === 0 ? Math.abs(a) * 1e3 : Math.abs(a - b) / Math.abs(b));
const normTerm = (t: string) => t.replace('=', '');
/** R's term with factor(x) / as.factor(x) written as x. */
const rTerm = (t: string) => t.replace(/^(?:as\.)?factor\(([\w.]+)\)/, '$1');

function find(c: RCase, res: SpecResult, r: RCase['estimates'][number]): SpecEstimate {
  const same = (a: Record<string, string> | null, b: Record<string, string> | null) =>
    (a === null && b === null) ||
    (a !== null && b !== null && Object.entries(b).every(([k, v]) => String(a[rTerm(k)]) === String(v)));
  const ciprop = /svyciprop/.test(c.estimator);
  const hit = res.estimates.find(
    (e) =>
      same(e.domain, r.domain) &&
      (ciprop || normTerm(e.term) === rTerm(r.term) || e.term === rTerm(r.term)) &&
      (r.quantile === undefined || e.quantile === r.quantile),
  );
  // a factor level with no rows anywhere in the data: R lists it with estimate 0, se 0; labmig knows no such level
  if (!hit && r.estimate === 0 && r.se === 0)
    return {
      domain: r.domain,
      term: r.term,
      estimate: 0,
      se: 0,
      cv: null,
      ci: [0, 0],
      n: 0,
      flags: [],
      deff: r.deff,
    };
  if (!hit)
    throw new Error(
      `no estimate for ${JSON.stringify(r.domain)} ${r.term} in ${res.estimates.map((e) => e.term).join(',')}`,
    );
  return hit;
}

function check(c: RCase): void {
  const ds = dataset(c.dataset);
  const res = runSpec(caseToSpec(c, ds), ds) as SpecResult;
  expect(res.n).toBe(c.design_n);
  expect(res.df).toBe(c.design_degf);
  c.estimates.forEach((r) => {
    const e = find(c, res, r);
    const where = `${c.id} ${r.term} ${JSON.stringify(r.domain)} q=${r.quantile ?? ''}`;
    expect(
      relDiff(e.estimate as number, r.estimate),
      `${where} estimate ${e.estimate} vs ${r.estimate}`,
    ).toBeLessThan(1e-9);
    if (Math.abs(r.se) < 1e-9 * Math.abs(r.estimate))
      expect(Math.abs(e.se as number), `${where} se ~ 0`).toBeLessThan(1e-8 * Math.abs(r.estimate));
    else expect(relDiff(e.se as number, r.se), `${where} se ${e.se} vs ${r.se}`).toBeLessThan(1e-6);
    if (r.deff !== undefined)
      expect(relDiff(e.deff as number, r.deff), `${where} deff ${e.deff} vs ${r.deff}`).toBeLessThan(1e-6);
    if (r.ci_lower !== undefined)
      expect(
        relDiff(e.ci[0] as number, r.ci_lower),
        `${where} ci_lower ${e.ci[0]} vs ${r.ci_lower}`,
      ).toBeLessThan(1e-6);
    if (r.ci_upper !== undefined)
      expect(
        relDiff(e.ci[1] as number, r.ci_upper),
        `${where} ci_upper ${e.ci[1]} vs ${r.ci_upper}`,
      ).toBeLessThan(1e-6);
  });
}

const load = (f: string) => JSON.parse(readFileSync(dir + f, 'utf8')).cases as RCase[];

/** Cases where labmig knowingly differs from R (see README, "R compatibility"). */
const KNOWN = new Set<string>([]);

describe('R survey 4.1.1 reference: cases.json', () => {
  for (const c of load('cases.json')) (KNOWN.has(c.id) ? it.skip : it)(`${c.id}: ${c.call}`, () => check(c));
});

describe('R survey 4.1.1 reference: lfs_small_reference.json', () => {
  for (const c of load('lfs_small_reference.json')) it(`${c.id}: ${c.call}`, () => check(c));
});
