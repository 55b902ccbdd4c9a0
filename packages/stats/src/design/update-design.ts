import { withColumns } from '../dataset/dataset.ts';
import type { Column } from '../dataset/dataset.types.ts';
import type { Design } from './design.types.ts';

/**
 * Adds or replaces analysis variables of a design (R's `update(design, ...)`): the design's structure — clusters,
 * strata, weights, adjustments — is kept as it is, so nothing is re-indexed. Columns the design was built from
 * (ids, strata, weights, fpc) cannot be replaced: build a new design with {@link createDesign} for that.
 *
 * @param design - the survey design.
 * @param columns - new columns, one value per row of the design's data.
 * @throws RangeError naming the column when it is a design column or has the wrong number of rows.
 * @example
 * const d2 = updateDesign(design, [numericColumn('unemp', unemp), numericColumn('lf', lf)]);
 * estimateRatio(d2, ['unemp'], 'lf', { by: ['sex'] });
 */
export function updateDesign(design: Design, columns: readonly Column[]): Design {
  const o = design.options;
  const fixed = new Set([
    ...o.ids,
    ...(o.strata ? [o.strata] : []),
    ...(o.weights ? [o.weights] : []),
    ...o.fpc,
  ]);
  for (const c of columns) {
    if (fixed.has(c.name)) {
      throw new RangeError(
        `updateDesign: column "${c.name}" is a design variable (ids, strata, weights or fpc); build a new design with createDesign instead`,
      );
    }
  }
  return { ...design, dataset: withColumns(design.dataset, columns) };
}
