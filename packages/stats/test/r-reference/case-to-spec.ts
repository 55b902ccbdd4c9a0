// Turns a case of R's reference files (../fixtures/survey/cases.json schema) into a labmig spec.
import type { Dataset } from '../../src/dataset/dataset.types.ts';
import type { AdjustSpec, EstimateSpec, StatsSpec } from '../../src/spec/spec.types.ts';

export interface RCase {
  id: string;
  dataset: string;
  design: {
    ids: string | string[];
    strata: string | null;
    weights: string | null;
    fpc: string | string[] | null;
    nest: boolean;
    lonely_psu: string;
    adjust_domain_lonely?: boolean;
    r_constructor: string;
  };
  design_n: number;
  design_degf: number;
  call: string;
  estimator: string;
  method: string | null;
  variable: string | string[];
  by: string | string[] | null;
  subset?: string | null;
  estimates: {
    domain: Record<string, string> | null;
    term: string;
    estimate: number;
    se: number;
    deff?: number;
    quantile?: number;
    ci_lower?: number;
    ci_upper?: number;
  }[];
  poststrat_population?: Record<string, (string | number)[]>;
  calibration_totals?: unknown;
  rake_margins?: unknown;
  ci_level?: number;
}

const list = (v: string | string[] | null | undefined): string[] =>
  v === null || v === undefined ? [] : Array.isArray(v) ? v : [v];

const OPS: Record<string, string> = { '>=': 'gte', '>': 'gt', '<=': 'lte', '<': 'lt', '!=': 'ne' };

/** `stype=='E'`, `a == "x" & b == "y"`, `x %in% c('a','b')`, `age >= 15`, `!is.na(x)` → where filters (AND). */
export function parseSubset(expr: string): Record<string, unknown>[] {
  return expr.split('&').map((part) => {
    const eq = part.match(/^\s*\(?\s*([\w.]+)\s*==\s*['"]?([^'"]+?)['"]?\s*\)?\s*$/);
    const inn = part.match(/^\s*([\w.]+)\s*%in%\s*c\((.*)\)\s*$/);
    const cmp = part.match(/^\s*([\w.]+)\s*(>=|<=|>|<|!=)\s*(-?[\d.]+)\s*$/);
    const nna = part.match(/^\s*!\s*is\.na\(\s*([\w.]+)\s*\)\s*$/);
    if (eq) return { [eq[1]]: [eq[2]] };
    if (inn) return { [inn[1]]: inn[2].split(',').map((x) => x.trim().replace(/^['"]|['"]$/g, '')) };
    if (cmp) return { [cmp[1]]: { [OPS[cmp[2]]]: Number(cmp[3]) } };
    if (nna) return { [nna[1]]: { present: true } };
    throw new Error(`cannot parse subset ${expr}`);
  });
}

/** Population counts from R frames: column-wise `{ v: [...], Freq: [...] }`, row-wise `[{ v, Freq }]`, or `{ level: n }`. */
function levelTotals(v: unknown): Record<string, number> {
  if (Array.isArray(v)) {
    const rows = v as Record<string, unknown>[];
    return Object.fromEntries(
      rows.map((r) => [
        Object.keys(r)
          .filter((k) => k !== 'Freq')
          .map((k) => String(r[k]))
          .join('.'),
        r.Freq as number,
      ]),
    );
  }
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('Freq' in o && Array.isArray(o.Freq)) {
      const vars = Object.keys(o).filter((k) => k !== 'Freq');
      return Object.fromEntries(
        (o.Freq as number[]).map((f, i) => [vars.map((k) => String((o[k] as unknown[])[i])).join('.'), f]),
      );
    }
    return o as Record<string, number>;
  }
  throw new Error('unknown margin format');
}

function frameVars(v: unknown): string[] {
  const o = (Array.isArray(v) ? v[0] : v) as Record<string, unknown>;
  return Object.keys(o).filter((k) => k !== 'Freq');
}

function adjustOf(c: RCase, ds: Dataset): AdjustSpec | null {
  if (c.poststrat_population) {
    const by = frameVars(c.poststrat_population);
    return {
      postStratify: { by: by.length === 1 ? by[0] : by, totals: levelTotals(c.poststrat_population) },
    };
  }
  if (c.rake_margins) {
    const m = c.rake_margins as unknown;
    const list: unknown[] = Array.isArray(m)
      ? m
      : Object.entries(m as Record<string, unknown>).map(([k, v]) =>
          typeof v === 'object' && v && !Array.isArray(v) && !('Freq' in v) ? { [k]: v } : v,
        );
    const margins: Record<string, Record<string, number>> = {};
    for (const item of list) {
      if (
        item &&
        typeof item === 'object' &&
        !Array.isArray(item) &&
        !('Freq' in item) &&
        Object.keys(item).length === 1
      ) {
        const [k, v] = Object.entries(item)[0];
        margins[k] = levelTotals(v);
      } else margins[frameVars(item)[0]] = levelTotals(item);
    }
    return { rake: { margins } };
  }
  if (c.calibration_totals) {
    // R model-matrix names: (Intercept), <factor><level>, <numeric>
    const t = calibrationNames(c, ds);
    const method = /raking/.test(c.design.r_constructor) ? 'raking' : 'linear';
    const totals: Record<string, number | Record<string, number>> = {};
    const intercept = t['(Intercept)'];
    for (const [k, v] of Object.entries(t)) {
      if (k === '(Intercept)') continue;
      if (ds.has(k)) {
        totals[k] = v;
        continue;
      }
      const name = ds.columns
        .map((col) => col.name)
        .filter((n) => k.startsWith(n))
        .sort((a, b) => b.length - a.length)[0];
      const col = ds.column(name);
      const levels =
        col.kind === 'categorical'
          ? [...col.levels]
          : [
              ...new Set(
                Array.from(col.values)
                  .filter((x) => !Number.isNaN(x))
                  .map(String),
              ),
            ];
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

/** The formula of `calibrate(<design>, ~formula, …)`: the first argument may itself contain formulas. */
function calibrateFormula(call: string): string {
  const start = call.indexOf('calibrate(') + 'calibrate('.length;
  let depth = 0;
  let i = start;
  for (; i < call.length; i++) {
    const ch = call[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) break;
  }
  return call.slice(i + 1).match(/^\s*(?:formula\s*=\s*)?~([^,]+),/)?.[1] ?? '';
}

/** R's named population vector; an unnamed array gets R's model-matrix names from the calibrate formula. */
function calibrationNames(c: RCase, ds: Dataset): Record<string, number> {
  const raw = c.calibration_totals;
  if (!Array.isArray(raw)) return raw as Record<string, number>;
  const f = calibrateFormula(c.design.r_constructor);
  const names = ['(Intercept)'];
  for (const term of f.split('+').map((x) => x.trim())) {
    const col = ds.column(term);
    if (col.kind === 'numeric') names.push(term);
    else
      [...col.levels]
        .sort()
        .slice(1)
        .forEach((l) => names.push(term + l));
  }
  return Object.fromEntries(names.map((n, i) => [n, raw[i] as number]));
}

/** The spec that asks labmig what R computed in case `c`. */
export function caseToSpec(c: RCase, ds: Dataset): StatsSpec {
  const est = c.estimator.replace(/^svyby\((\w+).*\)$/, '$1').replace(/ .*/, '');
  const kinds: Record<string, EstimateSpec['kind']> = {
    svytotal: 'total',
    svymean: 'mean',
    svyratio: 'ratio',
    svyvar: 'var',
    svyquantile: 'quantile',
    svyciprop: 'ciprop',
  };
  const kind = kinds[est];
  if (!kind) throw new Error(`unknown estimator ${c.estimator}`);
  // factor(x) / as.factor(x) in R's formula: labmig's `factor` option
  const unwrap = (v: string) => v.replace(/^(?:as\.)?factor\(([\w.]+)\)$/, '$1');
  let variables = list(c.variable).map(unwrap);
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
  const wrapped = list(c.variable)
    .filter((v) => unwrap(v) !== v)
    .map(unwrap);
  const factor = wrapped.concat(
    variables.filter(
      (v) =>
        ds.has(v) &&
        ds.column(v).kind === 'numeric' &&
        c.estimates.some(
          (e) => e.term.startsWith(v) && e.term !== v && e.term.length > v.length && !e.term.includes('/'),
        ),
    ),
  );
  const e: Record<string, unknown> = {
    kind,
    variables,
    by: list(c.by).map(unwrap),
    factor,
    deff: /deff\s*=\s*['"]replace['"]/.test(c.call) ? 'replace' : /deff\s*=\s*(TRUE|T\b)/.test(c.call),
  };
  if (c.subset) e.where = parseSubset(c.subset);
  if (denominator) e.denominator = denominator;
  if (success !== undefined) e.success = success;
  if (kind === 'quantile') {
    e.probs = [...new Set(c.estimates.map((x) => x.quantile as number))];
    e.qrule = c.call.match(/qrule\s*=\s*['"](\w+)['"]/)?.[1] ?? 'math';
    const it = c.call.match(/interval\.type\s*=\s*['"](\w+)['"]/)?.[1];
    if (it) e.intervalType = it;
  }
  if (kind === 'ciprop') {
    e.method = c.method ?? 'logit';
    if (c.ci_level) e.level = c.ci_level;
  }
  const ids = c.design.ids === '1' || c.design.ids === '0' ? [] : list(c.design.ids);
  return {
    design: {
      ids,
      strata: c.design.strata,
      weights: c.design.weights,
      fpc: list(c.design.fpc),
      nest: c.design.nest,
      lonelyPsu: c.design.lonely_psu as 'fail',
      adjustDomainLonely: c.design.adjust_domain_lonely ?? false,
    },
    adjust: adjustOf(c, ds),
    where: null,
    estimate: e as unknown as EstimateSpec,
  };
}
