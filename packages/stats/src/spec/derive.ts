import { numericColumn, withColumns } from '../dataset/dataset.ts';
import type { Column, Dataset } from '../dataset/dataset.types.ts';

/**
 * A derived 0/1 variable: `{ "from": "lfs", "in": ["employed", "unemployed"] }`, a numeric condition
 * `{ "from": "age", "gte": 15 }` (also `gt`, `lt`, `lte`), or the product of other 0/1 variables
 * `{ "all": ["fb", "lf"] }`. A missing source value gives a missing result unless `"missingAs": 0`.
 */
export interface DeriveRule {
  readonly from?: string;
  readonly in?: readonly (string | number)[];
  readonly gt?: number;
  readonly gte?: number;
  readonly lt?: number;
  readonly lte?: number;
  readonly all?: readonly string[];
  readonly missingAs?: 0 | 1;
}

function column(ds: Dataset, name: string, path: string): Column {
  try {
    return ds.column(name);
  } catch (e) {
    throw new RangeError(`${path}: ${(e as Error).message}`, { cause: e });
  }
}

function indicator(ds: Dataset, rule: DeriveRule, path: string): Float64Array {
  const n = ds.nrows;
  const out = new Float64Array(n);
  const miss = rule.missingAs ?? NaN;
  if (rule.all) {
    const cols = rule.all.map((v) => column(ds, v, `${path}.all`));
    out.fill(1);
    for (const c of cols) {
      if (c.kind !== 'numeric')
        throw new TypeError(`${path}.all: "${c.name}" must be a numeric 0/1 variable`);
      for (let i = 0; i < n; i++) out[i] *= Number.isNaN(c.values[i]) ? miss : c.values[i];
    }
    return out;
  }
  if (typeof rule.from !== 'string')
    throw new RangeError(`${path}: give "from" (a variable) or "all" (a list of variables)`);
  const col = column(ds, rule.from, `${path}.from`);
  if (rule.in) {
    const accepted = new Set(rule.in.map(String));
    if (col.kind === 'categorical') {
      // one look-up per level, not per row
      const byCode = Float64Array.from(col.levels, (l) => (accepted.has(l) ? 1 : 0));
      const codes = col.codes;
      for (let i = 0; i < n; i++) out[i] = codes[i] < 0 ? miss : byCode[codes[i]];
    } else {
      for (let i = 0; i < n; i++)
        out[i] = Number.isNaN(col.values[i]) ? miss : accepted.has(String(col.values[i])) ? 1 : 0;
    }
    return out;
  }
  if (col.kind !== 'numeric') throw new TypeError(`${path}: "${rule.from}" holds text; use "in": [levels]`);
  const { gt = -Infinity, gte = -Infinity, lt = Infinity, lte = Infinity } = rule;
  for (let i = 0; i < n; i++) {
    const x = col.values[i];
    out[i] = Number.isNaN(x) ? miss : x > gt && x >= gte && x < lt && x <= lte ? 1 : 0;
  }
  return out;
}

/**
 * Adds derived 0/1 variables to a dataset, in order (a rule may use variables derived before it).
 *
 * @throws RangeError/TypeError naming `spec.derive.<name>` for unknown variables or malformed rules.
 * @example
 * deriveColumns(ds, { wap: { from: 'age', gte: 15 }, unemp: { from: 'lfs', in: ['unemployed'], missingAs: 0 } });
 */
export function deriveColumns(
  ds: Dataset,
  derive: Readonly<Record<string, DeriveRule>> | null | undefined,
): Dataset {
  if (!derive) return ds;
  if (typeof derive !== 'object' || Array.isArray(derive))
    throw new TypeError('spec.derive: must be an object of name → rule');
  let out = ds;
  for (const [name, rule] of Object.entries(derive)) {
    if (!rule || typeof rule !== 'object') throw new TypeError(`spec.derive.${name}: must be a rule object`);
    out = withColumns(out, [numericColumn(name, indicator(out, rule, `spec.derive.${name}`))]);
  }
  return out;
}
