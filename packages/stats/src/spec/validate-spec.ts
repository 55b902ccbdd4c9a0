import type { EstimateSpec, StatsSpec } from './spec.types.ts';

const KINDS = ['total', 'mean', 'ratio', 'var', 'quantile', 'ciprop'];
const ESTIMATE_KEYS = [
  'kind',
  'variables',
  'denominator',
  'by',
  'factor',
  'deff',
  'probs',
  'qrule',
  'intervalType',
  'method',
  'level',
  'success',
  'where',
  'quality',
];

function fail(path: string, msg: string): never {
  throw new RangeError(`spec.${path}: ${msg}`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringList(v: unknown, path: string, allowEmpty: boolean): void {
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string') || (!allowEmpty && v.length === 0)) {
    fail(path, `must be a ${allowEmpty ? '' : 'non-empty '}list of variable names`);
  }
}

function checkWhere(w: unknown, path: string): void {
  if (w === undefined || w === null) return;
  const list = Array.isArray(w) ? w : [w];
  for (const f of list) {
    if (!isObject(f))
      fail(path, 'must be an object of variable → list of values (or a list of such objects)');
    for (const [k, v] of Object.entries(f)) {
      if (!Array.isArray(v) && !isObject(v))
        fail(`${path}.${k}`, 'must be a list of values or a range { gte, gt, lte, lt, ne, present }');
    }
  }
}

function checkEstimate(e: unknown, path: string): void {
  if (!isObject(e)) fail(path, 'must be an object');
  for (const k of Object.keys(e))
    if (!ESTIMATE_KEYS.includes(k))
      fail(`${path}.${k}`, `unknown field (known: ${ESTIMATE_KEYS.join(', ')})`);
  if (!KINDS.includes(e.kind as string)) fail(`${path}.kind`, `must be one of ${KINDS.join(', ')}`);
  stringList(e.variables, `${path}.variables`, false);
  if (e.kind === 'ratio' && typeof e.denominator !== 'string')
    fail(`${path}.denominator`, 'a ratio needs a denominator variable');
  if (e.kind === 'ciprop' && (e.variables as unknown[]).length !== 1)
    fail(`${path}.variables`, 'ciprop takes exactly one variable');
  if (e.by !== undefined && e.by !== null) stringList(e.by, `${path}.by`, true);
  if (e.factor !== undefined && e.factor !== null) stringList(e.factor, `${path}.factor`, true);
  if (e.deff !== undefined && typeof e.deff !== 'boolean' && e.deff !== 'replace') {
    fail(`${path}.deff`, 'must be true, false or "replace"');
  }
  if (
    e.probs !== undefined &&
    (!Array.isArray(e.probs) || e.probs.some((p) => typeof p !== 'number' || p < 0 || p > 1))
  ) {
    fail(`${path}.probs`, 'must be a list of probabilities in [0, 1]');
  }
  if (e.level !== undefined && !(typeof e.level === 'number' && e.level > 0 && e.level < 1))
    fail(`${path}.level`, 'must be a number between 0 and 1');
  checkWhere(e.where, `${path}.where`);
}

/**
 * Checks the shape of a spec, naming the offending field.
 *
 * @throws RangeError `spec.<field>: …` for a missing or malformed field.
 * @example
 * validateSpec({ design: {}, estimate: { kind: 'median', variables: ['x'] } });
 * // throws RangeError: spec.estimate.kind: must be one of total, mean, ratio, var, quantile, ciprop
 */
export function validateSpec(spec: unknown): asserts spec is StatsSpec {
  if (!isObject(spec)) throw new TypeError('spec: must be a JSON object');
  if (!isObject(spec.design))
    fail('design', 'must be an object { ids, strata, weights, fpc, nest, lonelyPsu }');
  const d = spec.design;
  if (d.ids !== undefined && d.ids !== null) stringList(d.ids, 'design.ids', true);
  if (d.fpc !== undefined && d.fpc !== null) stringList(d.fpc, 'design.fpc', true);
  for (const k of ['strata', 'weights'] as const) {
    if (d[k] !== undefined && d[k] !== null && typeof d[k] !== 'string')
      fail(`design.${k}`, 'must be a variable name or null');
  }
  if (d.replicate !== undefined && d.replicate !== null) {
    const r = d.replicate as unknown;
    if (!isObject(r))
      fail('design.replicate', 'must be an object { type, columns?, rho?, scale?, rscales?, mse? }');
    const types = ['BRR', 'Fay', 'JK1', 'JKn', 'bootstrap', 'other', 'auto'];
    if (!types.includes(r.type as string))
      fail('design.replicate.type', `must be one of ${types.join(', ')}`);
    if (r.columns !== undefined) stringList(r.columns, 'design.replicate.columns', true);
    for (const k of ['replicates', 'seed'] as const)
      if (r[k] !== undefined && !Number.isInteger(r[k]))
        fail(`design.replicate.${k}`, 'must be a whole number');
    if (
      r.columns === undefined &&
      (r.replicates !== undefined || r.seed !== undefined) &&
      r.type !== 'bootstrap'
    )
      fail(
        'design.replicate',
        'replicates and seed are for a bootstrap made from ids/strata (type "bootstrap")',
      );
    if (spec.adjust !== undefined && spec.adjust !== null)
      fail('adjust', 'is not offered with replicate weights (adjust each replicate before, in the data)');
  }
  if (spec.adjust !== undefined && spec.adjust !== null) {
    if (!isObject(spec.adjust)) fail('adjust', 'must be null or an object');
    const keys = Object.keys(spec.adjust);
    if (keys.length !== 1 || !['postStratify', 'calibrate', 'rake'].includes(keys[0])) {
      fail('adjust', 'must have exactly one of postStratify, calibrate, rake');
    }
  }
  checkWhere(spec.where, 'where');
  if (spec.estimate === undefined) fail('estimate', 'is required');
  if (Array.isArray(spec.estimate)) {
    if (spec.estimate.length === 0) fail('estimate', 'must not be an empty list');
    spec.estimate.forEach((e, i) => checkEstimate(e, `estimate[${i}]`));
  } else checkEstimate(spec.estimate as EstimateSpec, 'estimate');
}
