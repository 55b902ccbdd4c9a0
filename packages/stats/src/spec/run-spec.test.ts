import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../io/csv/parse-csv.ts';
import { createDataset } from '../dataset/dataset.ts';
import { runSpec } from './run-spec.ts';
import type { SpecResult, StatsSpec } from './spec.types.ts';

const apisrs = parseCsv(
  readFileSync(fileURLToPath(new URL('../../test/fixtures/survey/apisrs.csv', import.meta.url))),
  { source: 'apisrs.csv' },
);
const design = { ids: [], fpc: ['fpc'] };

describe('runSpec', () => {
  it('returns { results } in the order of an estimate list, with per-estimate where after the top-level one', () => {
    const spec: StatsSpec = {
      design,
      estimate: [
        { kind: 'mean', variables: ['api00'], deff: true },
        // R: svymean(~api00, subset(des, stype == 'E')) = 666.140845070423 (cases.json srs_subset_E_mean_api00)
        { kind: 'mean', variables: ['api00'], where: { stype: ['E'] } },
      ],
    };
    const out = runSpec(spec, apisrs) as { results: SpecResult[] };
    expect(out.results).toHaveLength(2);
    expect(out.results[0].estimates[0].deff).toBeDefined();
    expect(out.results[1].estimates[0].estimate).toBeCloseTo(666.140845070423, 9);
    expect(out.results[1].df).toBe(199);
  });
  it('gives one term per level of a categorical variable, VAR=LEVEL', () => {
    const out = runSpec({ design, estimate: { kind: 'total', variables: ['stype'] } }, apisrs) as SpecResult;
    expect(out.estimates.map((e) => e.term)).toEqual(['stype=E', 'stype=H', 'stype=M']);
  });
  it('accepts numeric ranges in where', () => {
    const all = runSpec(
      { design, estimate: { kind: 'mean', variables: ['api00'], where: { api00: { gte: 700 } } } },
      apisrs,
    ) as SpecResult;
    const n = (apisrs.column('api00') as { values: Float64Array }).values.filter((v) => v >= 700).length;
    expect(all.estimates[0].n).toBe(n);
    expect(all.estimates[0].estimate as number).toBeGreaterThanOrEqual(700);
  });
  it('derives 0/1 variables before estimating', () => {
    const out = runSpec(
      {
        derive: {
          high: { from: 'api00', gte: 700 },
          elem: { from: 'stype', in: ['E'] },
          both: { all: ['high', 'elem'] },
        },
        design,
        estimate: { kind: 'total', variables: ['both'] },
      },
      apisrs,
    ) as SpecResult;
    const api = (apisrs.column('api00') as { values: Float64Array }).values;
    const st = apisrs.column('stype') as unknown as { codes: Int32Array; levels: string[] };
    let count = 0;
    for (let i = 0; i < apisrs.nrows; i++) if (api[i] >= 700 && st.levels[st.codes[i]] === 'E') count++;
    // equal weights 6194/200 (fpc): total = count · 30.97
    expect(out.estimates[0].estimate as number).toBeCloseTo(count * 30.97, 6);
    expect(() =>
      runSpec(
        { derive: { x: { from: 'nope', gte: 1 } }, design, estimate: { kind: 'total', variables: ['x'] } },
        apisrs,
      ),
    ).toThrow(/spec\.derive\.x\.from/);
  });
  it('names the spec field at fault', () => {
    expect(() =>
      runSpec({ design, estimate: { kind: 'ratio', variables: ['api00'] } } as StatsSpec, apisrs),
    ).toThrow(/spec\.estimate\.denominator/);
    expect(() => runSpec({ design, estimate: { kind: 'mean', variables: [] } } as StatsSpec, apisrs)).toThrow(
      /spec\.estimate\.variables/,
    );
    expect(() =>
      runSpec({ estimate: { kind: 'mean', variables: ['x'] } } as unknown as StatsSpec, apisrs),
    ).toThrow(/spec\.design/);
    expect(() =>
      runSpec(
        { design, estimate: { kind: 'mean', variables: ['api00'], qrul: 'x' } } as unknown as StatsSpec,
        apisrs,
      ),
    ).toThrow(/spec\.estimate\.qrul: unknown field/);
  });
  it('writes null, not NaN, for an empty domain and flags it', () => {
    const out = runSpec(
      { design, estimate: { kind: 'mean', variables: ['api00'], where: { stype: ['X'] } } },
      apisrs,
    ) as SpecResult;
    expect(out.estimates[0].estimate).toBeNull();
    expect(out.estimates[0].flags).toContain('undefined');
    expect(JSON.stringify(out)).not.toMatch(/NaN/);
  });
});

describe('runSpec with a multistage PPS design', () => {
  it('runs districts then schools drawn with probability proportional to size (R: svydesign(pps = "brewer"))', () => {
    const fx = (name: string) =>
      readFileSync(fileURLToPath(new URL(`../../test/fixtures/survey/${name}`, import.meta.url)));
    const ds = parseCsv(fx('apiclus1_pps2.csv'), { source: 'apiclus1_pps2.csv' });
    const r = JSON.parse(fx('design-cases.json').toString('utf8')).cases.find(
      (c: { id: string }) => c.id === 'pps_brewer_two_stage',
    ).rows[0];
    const out = runSpec(
      {
        design: { ids: ['dnum', 'snum'], fpc: ['p1', 'p2'], pps: 'brewer' },
        estimate: { kind: 'total', variables: ['api.stu'] },
      },
      ds,
    ) as SpecResult;
    expect(out.estimates[0].estimate as number).toBeCloseTo(r.estimate, 6);
    expect(Math.abs((out.estimates[0].se as number) / r.se - 1)).toBeLessThan(1e-6);
  });
});

describe('runSpec with replicate weights', () => {
  it('runs a spec on replicate weight columns (R: svrepdesign(type = "BRR"))', async () => {
    const dir = new URL('../../test/fixtures/replicate/', import.meta.url);
    const ds = parseCsv(readFileSync(new URL('brr_rep.csv', dir)));
    const ref = JSON.parse(readFileSync(new URL('replicate-cases.json', dir), 'utf8'));
    const want = ref.cases.find((c: { id: string }) => c.id === 'brr_given_ratio').rows[0];
    const columns = Array.from({ length: 8 }, (_, k) => `brr${k + 1}`);
    const out = runSpec(
      {
        design: { weights: 'pw', replicate: { type: 'BRR', columns } },
        estimate: { kind: 'ratio', variables: ['api.stu'], denominator: 'enroll' },
      },
      ds,
    ) as SpecResult;
    expect(out.estimates[0].estimate).toBeCloseTo(want.estimate, 12);
    expect(Math.abs(out.estimates[0].se! / want.se - 1)).toBeLessThan(1e-9);
  });

  it('makes JKn replicates from strata and PSUs (R: as.svrepdesign)', async () => {
    const dir = new URL('../../test/fixtures/replicate/', import.meta.url);
    const ds = parseCsv(readFileSync(new URL('brr_rep.csv', dir)));
    const ref = JSON.parse(readFileSync(new URL('replicate-cases.json', dir), 'utf8'));
    const want = ref.cases.find((c: { id: string }) => c.id === 'as_jkn_total_enroll').rows[0];
    const out = runSpec(
      {
        design: { ids: ['dnum'], strata: 'strat', weights: 'pw', replicate: { type: 'JKn' } },
        estimate: { kind: 'total', variables: ['enroll'] },
      },
      ds,
    ) as SpecResult;
    expect(Math.abs(out.estimates[0].se! / want.se - 1)).toBeLessThan(1e-9);
  });

  it('draws bootstrap replicates from strata and PSUs as R does after set.seed (R: as.svrepdesign bootstrap)', () => {
    const dir = new URL('../../test/fixtures/replicate/', import.meta.url);
    const ds = parseCsv(readFileSync(new URL('brr_rep.csv', dir)));
    const ref = JSON.parse(readFileSync(new URL('replicate-cases.json', dir), 'utf8'));
    const want = ref.cases.find((c: { id: string }) => c.id === 'as_boot_strata_mean_api00').rows[0];
    const spec = (seed: number) => ({
      design: {
        ids: ['dnum'],
        strata: 'strat',
        weights: 'pw',
        replicate: { type: 'bootstrap' as const, replicates: 50, seed },
      },
      estimate: { kind: 'mean' as const, variables: ['api00'] },
    });
    const out = runSpec(spec(7), ds) as SpecResult;
    expect(Math.abs(out.estimates[0].se! / want.se - 1)).toBeLessThan(1e-9);
    expect(out.seed).toBe(7);
    // without a seed one is drawn, and reported so that the run can be repeated
    const { seed: _drop, ...noSeed } = spec(7).design.replicate;
    const drawn = runSpec({ ...spec(7), design: { ...spec(7).design, replicate: noSeed } }, ds) as SpecResult;
    expect(Number.isInteger(drawn.seed)).toBe(true);
    expect((runSpec(spec(drawn.seed!), ds) as SpecResult).estimates).toEqual(drawn.estimates);
    // another seed, other replicates
    expect((runSpec(spec(8), ds) as SpecResult).estimates[0].se).not.toBeCloseTo(want.se, 6);
    expect(() =>
      runSpec({ ...spec(7), design: { ...spec(7).design, replicate: { type: 'JKn', seed: 3 } } }, ds),
    ).toThrow('spec.design.replicate: replicates and seed are for a bootstrap');
  });

  it('refuses an adjustment with replicate weights', () => {
    expect(() =>
      runSpec(
        {
          design: { weights: 'pw', replicate: { type: 'JK1' } },
          adjust: { rake: { margins: {} } },
          estimate: { kind: 'mean', variables: ['x'] },
        },
        createDataset([]),
      ),
    ).toThrow('spec.adjust: is not offered with replicate weights');
  });
});
