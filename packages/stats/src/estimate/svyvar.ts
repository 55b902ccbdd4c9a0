import { designVariance } from '../design/design-variance.ts';
import type { Design } from '../design/design.types.ts';
import { buildDomains, whereMask } from './domains.ts';
import type { EstimateOptions, EstimateRow, EstimateTable } from './estimate.types.ts';
import { domainSums } from './linear.ts';
import { makeRow, resolveCommon } from './result-row.ts';
import { numericVariable, termValues } from './terms.ts';

/**
 * Estimated population variance of numeric variables (R's `svyvar`): Σw(y−ȳ)²/Σw · n/(n−1), n = observations with
 * nonzero weight; its SE is that of the weighted mean of the scaled squared deviations, as R computes it.
 *
 * @example
 * // ds: x = [1, 2, 3, 4], equal weights
 * estimateVar(createDesign(ds, {}), ['x']).rows[0].estimate; // 1.6666666666666667
 */
export function estimateVar(
  design: Design,
  variables: readonly string[],
  options: EstimateOptions = {},
): EstimateTable {
  const fn = 'estimateVar';
  const { level, quality } = resolveCommon(options, fn);
  if (!Array.isArray(variables) || variables.length === 0)
    throw new RangeError(`${fn}: variables must list at least one variable`);
  const cols = variables.map((v) => numericVariable(design, v, fn, 'variables'));
  const { domains, missing } = buildDomains(
    design,
    whereMask(design, options.where, fn),
    options.by ?? [],
    cols,
    fn,
  );
  const w = design.weights;
  const out: EstimateRow[] = [];
  for (const dom of domains) {
    const rows = dom.rows;
    cols.forEach((col, j) => {
      const y = new Float64Array(rows.length);
      termValues({ name: '', column: col }, rows, y);
      const s = domainSums(w, rows, y);
      const ybar = s.swy / s.sw;
      const u = new Float64Array(rows.length);
      for (let k = 0; k < rows.length; k++) u[k] = ((y[k] - ybar) * (y[k] - ybar) * s.nobs) / (s.nobs - 1);
      const su = domainSums(w, rows, u);
      const est = su.swy / su.sw;
      const z = new Float64Array(rows.length);
      for (let k = 0; k < rows.length; k++) z[k] = (w[rows[k]] * (u[k] - est)) / su.sw;
      const se = Math.sqrt(designVariance(design, { rows, values: z }, rows));
      out.push(
        makeRow({ domain: dom.key, term: variables[j], estimate: est, se, n: rows.length }, level, quality),
      );
    });
  }
  return { rows: out, missing, df: design.degf };
}
