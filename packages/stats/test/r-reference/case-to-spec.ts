// Turns a case of R's reference files (../fixtures/survey/cases.json schema) into a labmig spec.
import type { Dataset } from '../../src/dataset/dataset.types.ts';
import type { AdjustSpec, EstimateSpec, StatsSpec } from '../../src/spec/spec.types.ts';

export interface RCase {
  id: string;
  dataset: string;
  design: { ids: string | string[]; strata: string | null; weights: string | null; fpc: string | string[] | null; nest: boolean; lonely_psu: string; r_constructor: string };
  design_n: number;
  design_degf: number;
  call: string;
  estimator: string;
  method: string | null;
  variable: string | string[];
  by: string | string[] | null;
  subset?: string | null;
  estimates: { domain: Record<string, string> | null; term: string; estimate: number; se: number; deff?: number; quantile?: number; ci_lower?: number; ci_upper?: number }[];
  poststrat_population?: Record<string, (string | number)[]>;
  calibration_totals?: unknown;
  rake_margins?: unknown;
  ci_level?: number;
}

const list = (v: string | string[] | null | undefined): string[] => (v === null || v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** `stype=='E'`, `a == "x" & b == "y"`, `x %in% c('a','b')` → where filter. */
export function parseSubset(expr: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of expr.split('&')) {
    const eq = part.match(/^\s*([\w.]+)\s*==\s*['"]?([^'"]+?)['"]?\s*$/);
    const inn = part.match(/^\s*([\w.]+)\s*%in%\s*c\((.*)\)\s*$/);
    if (eq) out[eq[1]] = [eq[2]];
    else if (inn) out[inn[1]] = inn[2].split(',').map((s) => s.trim().replace(/^['"]|['"]$/g, ''));
    else throw new Error(`cannot parse subset ${expr}`);
  }
  return out;
}

function levelTotals(v: unknown): Record<string, number> {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    const freq = keys.find((k) => k === 'Freq');
    if (freq) {
      const lv = o[keys.find((k) => k !== 'Freq') as string] as string[];
      return Object.fromEntries(lv.map((l, i) => [String(l), (o.Freq as number[])[i]]));
    }
    return o as Record<string, number>;
  }
  throw new Error('unknown margin format');
}

function adjustOf(c: RCase, ds: Dataset): AdjustSpec | null {
  if (c.poststrat_population) {
    const p = c.poststrat_population;
    const by = Object.keys(p).filter((k) => k !== 'Freq');
    const totals = Object.fromEntries((p[by[0]] as string[]).map((l, i) => [String(l), (p.Freq as number[])[i]]));
    return { postStratify: { by: by.length === 1 ? by[0] : by, totals } };
  }
  if (c.rake_margins) {
    const m = c.rake_margins as Record<string, unknown>;
    return { rake: { margins: Object.fromEntries(Object.entries(m).map(([k, v]) => [k, levelTotals(v)])) } };
  }
  if (c.calibration_totals) {
    // R model-matrix names: (Intercept), <factor><level>, <numeric>
    const t = c.calibration_totals as Record<string, number>;
    const method = /raking/.test(c.design.r_constructor) ? 'raking' : 'linear';
    const totals: Record<string, number | Record<string, number>> = {};
    const intercept = t['(Intercept)'];
    for (const [k, v] of Object.entries(t)) {
      if (k === '(Intercept)') continue;
      if (ds.has(k)) {
        totals[k] = v;
        continue;
      }
      const name = ds.columns.map((col) => col.name).filter((n) => k.startsWith(n)).sort((a, b) => b.length - a.length)[0];
      const col = ds.column(name);
      const levels = col.kind === 'categorical' ? [...col.levels] : [...new Set(Array.from(col.values).filter((x) => !Number.isNaN(x)).map(String))];
      const cur = (totals[name] ??= Object.fromEntries(levels.map((l) => [l, 0]))) as Record<string, number>;
      cur[k.slice(name.length)] = v;
    }
    for (const [k, v] of Object.entries(totals)) {
      if (typeof v === 'object') {
        const sorted = Object.keys(v).sort();
        const rest = sorted.slice(1).reduce((s, l) => s + v[l], 0);
        v[sorted[0]] = intercept - rest;
      }
      void k;
    }
    if (!Object.values(totals).some((v) => typeof v === 'object')) totals['(Intercept)'] = intercept;
    return { calibrate: { method, totals } };
  }
  return null;
}

/** The spec that asks labmig what R computed in case `c`. */
export function caseToSpec(c: RCase, ds: Dataset): StatsSpec {
  const est = c.estimator.replace(/^svyby\((\w+).*\)$/, '$1').replace(/ .*/, '');
  const kinds: Record<string, EstimateSpec['kind']> = { svytotal: 'total', svymean: 'mean', svyratio: 'ratio', svyvar: 'var', svyquantile: 'quantile', svyciprop: 'ciprop' };
  const kind = kinds[est];
  if (!kind) throw new Error(`unknown estimator ${c.estimator}`);
  let variables = list(c.variable);
  let denominator: string | undefined;
  let success: string | undefined;
  if (kind === 'ratio') {
    const [n, d] = variables[0].split('/');
    variables = [n];
    denominator = d;
  }
  if (kind === 'ciprop') {
    const m = variables[0].match(/^([\w.]+)\s*==\s*['"](.+)['"]$/);
    if (m) {
      variables = [m[1]];
      success = m[2];
    }
  }
  const factor = variables.filter((v) => ds.has(v) && ds.column(v).kind === 'numeric' && c.estimates.some((e) => e.term.startsWith(v) && e.term !== v && e.term.length > v.length && !e.term.includes('/')));
  const e: Record<string, unknown> = { kind, variables, by: list(c.by), factor, deff: /deff\s*=\s*TRUE/.test(c.call) };
  if (denominator) e.denominator = denominator;
  if (success !== undefined) e.success = success;
  if (kind === 'quantile') {
    e.probs = [...new Set(c.estimates.map((x) => x.quantile as number))];
    e.qrule = c.call.match(/qrule\s*=\s*['"](\w+)['"]/)?.[1] ?? 'math';
  }
  if (kind === 'ciprop') {
    e.method = c.method ?? 'logit';
    if (c.ci_level) e.level = c.ci_level;
  }
  const ids = c.design.ids === '1' || c.design.ids === '0' ? [] : list(c.design.ids);
  return {
    design: { ids, strata: c.design.strata, weights: c.design.weights, fpc: list(c.design.fpc), nest: c.design.nest, lonelyPsu: c.design.lonely_psu as 'fail' },
    adjust: adjustOf(c, ds),
    where: c.subset ? parseSubset(c.subset) : null,
    estimate: e as unknown as EstimateSpec,
  };
}
