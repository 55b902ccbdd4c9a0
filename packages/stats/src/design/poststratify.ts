import { cellText } from '../estimate/domains.ts';
import { computeDegf } from './design-degf.ts';
import { designColumn } from './design-index.ts';
import type { Design, DesignAdjustment } from './design.types.ts';

/** Population totals per group, keyed by level (levels of several variables joined with '.'). */
export type GroupTotals = Readonly<Record<string, number>>;

/** Group index of each row by the joined text of `vars`, with the group labels. @throws RangeError on a missing value. */
export function groupRows(
  design: Design,
  vars: readonly string[],
  fn: string,
): { group: Int32Array; labels: string[] } {
  const cols = vars.map((v) => designColumn(design.dataset, v, fn, 'by'));
  const group = new Int32Array(design.n);
  const map = new Map<string, number>();
  const labels: string[] = [];
  for (let i = 0; i < design.n; i++) {
    const parts: string[] = [];
    for (const c of cols) {
      const t = cellText(c, i);
      if (t === null)
        throw new RangeError(
          `${fn}: "${c.name}" is missing in row ${i + 1}; adjustment variables may not be missing`,
        );
      parts.push(t);
    }
    const key = parts.join('.');
    let g = map.get(key);
    if (g === undefined) {
      g = labels.length;
      map.set(key, g);
      labels.push(key);
    }
    group[i] = g;
  }
  return { group, labels };
}

/** New weights after one post-stratification step; also returns the adjustment record. */
export function postStratifyWeights(
  design: Design,
  weights: Float64Array,
  vars: readonly string[],
  totals: GroupTotals,
  fn: string,
): { weights: Float64Array; adjustment: Extract<DesignAdjustment, { kind: 'poststratify' }> } {
  if (!totals || typeof totals !== 'object')
    throw new TypeError(`${fn}: totals must be an object of level → population total`);
  const { group, labels } = groupRows(design, vars, fn);
  const sample = new Float64Array(labels.length);
  for (let i = 0; i < design.n; i++) sample[group[i]] += weights[i];
  const factor = labels.map((l, g) => {
    const pop = totals[l];
    if (pop === undefined)
      throw new RangeError(
        `${fn}: no population total for ${vars.join('.')} = "${l}" (levels given: ${Object.keys(totals).join(', ')})`,
      );
    if (!(typeof pop === 'number' && pop >= 0))
      throw new RangeError(`${fn}: population total for "${l}" must be a number >= 0`);
    return pop / sample[g];
  });
  for (const [l, pop] of Object.entries(totals)) {
    if (!labels.includes(l) && pop !== 0)
      throw new RangeError(
        `${fn}: level "${l}" of ${vars.join('.')} has a population total but no sample rows`,
      );
  }
  const out = new Float64Array(design.n);
  for (let i = 0; i < design.n; i++) out[i] = 1 / (1 / weights[i] / factor[group[i]]);
  return {
    weights: out,
    adjustment: { kind: 'poststratify', group, nGroups: labels.length, oldWeights: weights, newWeights: out },
  };
}

/**
 * Post-stratifies a design to known population counts (R's `postStratify`); the variance then removes the
 * post-stratum means from influence values.
 *
 * @param design - the design.
 * @param by - post-stratification variable(s).
 * @param totals - population count per level (for several variables, levels joined with '.').
 * @throws RangeError naming a level without a population total, or a level in the population but not in the sample.
 * @example
 * postStratify(design, 'stype', { E: 4421, H: 755, M: 1018 }); // weights now sum to 6194
 */
export function postStratify(design: Design, by: string | readonly string[], totals: GroupTotals): Design {
  const vars = typeof by === 'string' ? [by] : [...by];
  const { weights, adjustment } = postStratifyWeights(design, design.weights, vars, totals, 'postStratify');
  return {
    ...design,
    weights,
    adjustments: [...design.adjustments, adjustment],
    degf: computeDegf(design.stages[0], weights, null),
  };
}
