import type { GradientTerm } from './cell-estimate.ts';
import type { Cube } from './cube.ts';
import { TOTAL } from './table.types.ts';

// Building blocks of linearised table estimates: cell sums and ratios with their gradients.

/** All level-index combinations (margins included) of the first `k` dims. */
export function combos(cube: Cube, k: number): number[][] {
  let out: number[][] = [[]];
  for (let d = 0; d < k; d++) {
    const next: number[][] = [];
    for (const c of out) for (let l = 0; l <= cube.dims[d].levels.length; l++) next.push([...c, l]);
    out = next;
  }
  return out;
}
/** Level labels of a cell, by dimension name (`total` for a margin). */
export function dimsOf(cube: Cube, idx: readonly number[]): Record<string, string> {
  const r: Record<string, string> = {};
  idx.forEach((l, d) => (r[cube.dims[d].name] = cube.dims[d].levels[l] ?? TOTAL));
  return r;
}

/** A linear combination of lfs cells: weighted total, terms and unweighted n. */
export interface Lin {
  readonly est: number;
  readonly terms: GradientTerm[];
  readonly n: number;
}
/** Sum of the cells `[...idx, l]` for the given last-dimension levels. */
export function lin(cube: Cube, idx: readonly number[], lfsLevels: readonly number[]): Lin {
  const terms = lfsLevels.map((l) => ({ value: 0, cell: cube.cell([...idx, l]), coef: 1 }));
  return {
    est: terms.reduce((s, t) => s + cube.totals[t.cell], 0),
    terms,
    n: terms.reduce((s, t) => s + cube.n[t.cell], 0),
  };
}
/** 100·Y/X and its gradient. */
export function rate(y: Lin, x: Lin): { est: number; terms: GradientTerm[]; n: number } {
  const r = (100 * y.est) / x.est;
  const terms = [
    ...y.terms.map((t) => ({ ...t, coef: 100 / x.est })),
    ...x.terms.map((t) => ({ ...t, coef: -r / x.est })),
  ];
  return { est: x.est > 0 ? r : NaN, terms, n: x.n };
}
