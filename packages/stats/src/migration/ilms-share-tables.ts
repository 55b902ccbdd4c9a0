import { linearisedEstimate } from './cell-estimate.ts';
import { combos, dimsOf, lin, rate } from './cube-terms.ts';
import type { BuildContext } from './ilms-table-builders.ts';
import type { Cube } from './cube.ts';
import type { StatTable, TableRow } from './table.types.ts';

/** The cube without its first (migrant) dimension, for labelling. */
const rest = (cube: Cube): Cube => ({ ...cube, dims: cube.dims.slice(1) });

function shareTable(
  ctx: BuildContext,
  id: string,
  what: string,
  lastLevels: readonly number[],
  k: number,
): StatTable {
  const cube = ctx.cube;
  const totalMig = cube.dims[0].levels.length;
  const names = cube.dims.slice(1, k).map((d) => d.name);
  return {
    id,
    title: `Migrant share of ${what} (%) by ${names.join(' × ')}`,
    indicator: null,
    unit: 'percent',
    dims: names,
    notes: ['100 · migrants / all persons in the cell; SE linearised on the ratio of the two totals.'],
    rows: combos(rest(cube), k - 1).map((idx): TableRow => {
      const e = rate(lin(cube, [0, ...idx], lastLevels), lin(cube, [totalMig, ...idx], lastLevels));
      return { dims: dimsOf(rest(cube), idx), ...linearisedEstimate(cube, e.est, e.terms, e.n, ctx.q) };
    }),
  };
}

/**
 * Migrant share of the labour force and of employment (brief §2.4; the headline of the ILO global estimates) from the
 * cube [migrant, sex?, breakdown, lfs].
 *
 * @example
 * migrantShareTables(ctx).map((t) => t.id); // ['lf_migrant_share_sex_age', 'emp_migrant_share_sex_age']
 */
export function migrantShareTables(ctx: BuildContext): StatTable[] {
  const k = ctx.cube.dims.length - 1;
  const sx = ctx.sexCode ? 'sex_' : '';
  return [
    shareTable(ctx, `lf_migrant_share_${sx}${ctx.key}`, 'the labour force', [0, 1], k),
    shareTable(ctx, `emp_migrant_share_${sx}${ctx.key}`, 'employment', [0], k),
  ];
}

/**
 * Migrant share of employment in each category of a job characteristic (ISIC section, ISCO group, status in
 * employment), from the cube [migrant, sex?, characteristic].
 *
 * @example
 * migrantShareOfJobs(ctx).id; // 'emp_migrant_share_sex_eco'
 */
export function migrantShareOfJobs(ctx: BuildContext): StatTable {
  const cube = ctx.cube;
  const k = cube.dims.length;
  const totalMig = cube.dims[0].levels.length;
  const names = cube.dims.slice(1).map((d) => d.name);
  return {
    id: `emp_migrant_share_${ctx.sexCode ? 'sex_' : ''}${ctx.key}`,
    title: `Migrant share of employment (%) by ${names.join(' × ')}`,
    indicator: null,
    unit: 'percent',
    dims: names,
    notes: ['100 · employed migrants / all employed persons in the cell.'],
    rows: combos(rest(cube), k - 1).map((idx): TableRow => {
      const one = (m: number) => {
        const c = cube.cell([m, ...idx]);
        return { est: cube.totals[c], terms: [{ value: 0, cell: c, coef: 1 }], n: cube.n[c] };
      };
      const e = rate(one(0), one(totalMig));
      return { dims: dimsOf(rest(cube), idx), ...linearisedEstimate(cube, e.est, e.terms, e.n, ctx.q) };
    }),
  };
}
