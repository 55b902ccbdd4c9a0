import { computeDegf } from './design-degf.ts';
import type { Design } from './design.types.ts';
import { groupRows, postStratifyWeights, type GroupTotals } from './poststratify.ts';

/** Options for {@link rake}: R's `control = list(maxit = 10, epsilon = 1)`. */
export interface RakeControl {
  readonly maxit?: number;
  /** Convergence: largest change of a joint-table cell; below 1 it is taken as a fraction of the weight total. */
  readonly epsilon?: number;
}

function jointTable(group: Int32Array, nGroups: number, w: Float64Array): Float64Array {
  const t = new Float64Array(nGroups);
  for (let i = 0; i < w.length; i++) t[group[i]] += w[i];
  return t;
}

/**
 * Rakes a design to population margins by iterative post-stratification (R's `rake`): margins are post-stratified
 * in turn until no cell of the joint table moves by `epsilon` or more (at most `maxit` rounds). The variance uses
 * R's raking residuals.
 *
 * @param design - the design.
 * @param margins - variable → level → population total, in raking order.
 * @throws RangeError for missing levels (as {@link postStratify}).
 * @example
 * rake(design, { stype: { E: 4421, H: 755, M: 1018 }, 'sch.wide': { No: 1000, Yes: 5194 } });
 */
export function rake(
  design: Design,
  margins: Readonly<Record<string, GroupTotals>>,
  control: RakeControl = {},
): Design {
  const fn = 'rake';
  const names = Object.keys(margins ?? {});
  if (names.length === 0) throw new RangeError(`${fn}: margins must name at least one variable`);
  const maxit = control.maxit ?? 10;
  let w = design.weights;
  let total = 0;
  for (let i = 0; i < w.length; i++) total += w[i];
  const eps = (control.epsilon ?? 1) < 1 ? (control.epsilon as number) * total : (control.epsilon ?? 1);
  const joint = groupRows(design, names, fn);
  let oldTable = jointTable(joint.group, joint.labels.length, w);
  let steps: { group: Int32Array; nGroups: number; weights: Float64Array }[] = [];
  for (let iter = 0; iter < maxit; iter++) {
    steps = [];
    for (const name of names) {
      const r = postStratifyWeights(design, w, [name], margins[name], fn);
      w = r.weights;
      steps.push({ group: r.adjustment.group, nGroups: r.adjustment.nGroups, weights: w });
    }
    const newTable = jointTable(joint.group, joint.labels.length, w);
    let delta = 0;
    for (let g = 0; g < newTable.length; g++) delta = Math.max(delta, Math.abs(newTable[g] - oldTable[g]));
    if (delta < eps) break;
    oldTable = newTable;
  }
  return {
    ...design,
    weights: w,
    adjustments: [...design.adjustments, { kind: 'rake', margins: steps }],
    degf: computeDegf(design.stages[0], w, null),
  };
}
