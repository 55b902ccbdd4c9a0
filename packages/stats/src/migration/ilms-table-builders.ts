import { linearisedEstimate, type QualityThresholds } from './cell-estimate.ts';
import { combos, dimsOf, lin, rate } from './cube-terms.ts';
import type { Cube } from './cube.ts';
import type { StatTable, TableRow } from './table.types.ts';

/** What the builders need: a cube whose dims are [migrant, sex?, by, lfs?] and naming details. */
export interface BuildContext {
  readonly cube: Cube;
  readonly q: QualityThresholds;
  readonly crit: string;
  /** `SEX_` when sex is a dimension, else ''. */
  readonly sexCode: string;
  /** ILOSTAT classification code of the breakdown (AGE, EDU, ECO, OCU, STE). */
  readonly by: string;
  readonly key: string;
}

const sexPart = (ctx: BuildContext) => (ctx.sexCode ? 'sex_' : '');

const CONCEPTS = [
  { id: 'wap', code: 'XWAP', title: 'Working-age population', lfs: [3] },
  { id: 'lf', code: 'TEAP', title: 'Labour force', lfs: [0, 1] },
  { id: 'emp', code: 'TEMP', title: 'Employed persons', lfs: [0] },
  { id: 'une', code: 'TUNE', title: 'Unemployed persons', lfs: [1] },
  { id: 'olf', code: 'TEIP', title: 'Persons outside the labour force', lfs: [2] },
] as const;
const RATES = [
  { id: 'lfpr', code: 'TEAP', title: 'Labour force participation rate', y: [0, 1], x: [3] },
  { id: 'epr', code: 'TEMP', title: 'Employment-to-population ratio', y: [0], x: [3] },
  { id: 'ur', code: 'TUNE', title: 'Unemployment rate', y: [1], x: [0, 1] },
] as const;

function title(ctx: BuildContext, what: string): string {
  const by = ctx.cube.dims
    .slice(1, -1)
    .map((d) => d.name)
    .join(' × ');
  return `${what} by migrant status × ${by}`;
}

/** Counts (persons) of WAP, LF, EMP, UNE, OLF by migrant × sex × breakdown. */
export function countTable(ctx: BuildContext): StatTable[] {
  const k = ctx.cube.dims.length - 1;
  return CONCEPTS.map((c) => ({
    id: `${c.id}_${sexPart(ctx)}${ctx.key}`,
    title: title(ctx, c.title),
    indicator: `MST_${c.code}_${ctx.sexCode}${ctx.by}_${ctx.crit}_NB`,
    unit: 'persons' as const,
    dims: ctx.cube.dims.slice(0, k).map((d) => d.name),
    notes: [],
    rows: combos(ctx.cube, k).map((idx): TableRow => {
      const l = lin(ctx.cube, idx, c.lfs);
      return { dims: dimsOf(ctx.cube, idx), ...linearisedEstimate(ctx.cube, l.est, l.terms, l.n, ctx.q) };
    }),
  }));
}

function rateOf(ctx: BuildContext, idx: readonly number[], r: (typeof RATES)[number]) {
  return rate(lin(ctx.cube, idx, r.y), lin(ctx.cube, idx, r.x));
}

/** LFPR, EPR, UR in percent by migrant × sex × breakdown. */
export function rateTable(ctx: BuildContext): StatTable[] {
  const k = ctx.cube.dims.length - 1;
  return RATES.map((r) => ({
    id: `${r.id}_${sexPart(ctx)}${ctx.key}`,
    title: title(ctx, `${r.title} (%)`),
    indicator: `MST_${r.code}_${ctx.sexCode}${ctx.by}_${ctx.crit}_RT`,
    unit: 'percent' as const,
    dims: ctx.cube.dims.slice(0, k).map((d) => d.name),
    notes: [],
    rows: combos(ctx.cube, k).map((idx): TableRow => {
      const e = rateOf(ctx, idx, r);
      return { dims: dimsOf(ctx.cube, idx), ...linearisedEstimate(ctx.cube, e.est, e.terms, e.n, ctx.q) };
    }),
  }));
}

/** Migrant − non-migrant gaps of LFPR, EPR, UR in percentage points; SE from the linearised difference. */
export function gapTable(ctx: BuildContext): StatTable[] {
  const cube = ctx.cube;
  const k = cube.dims.length - 1;
  const rest = combos({ ...cube, dims: cube.dims.slice(1) } as Cube, k - 1);
  return RATES.map((r) => ({
    id: `${r.id}_gap_${sexPart(ctx)}${ctx.key}`,
    title: `${r.title}: migrant − non-migrant gap (percentage points) by ${cube.dims
      .slice(1, k)
      .map((d) => d.name)
      .join(' × ')}`,
    indicator: null,
    unit: 'percentage_points' as const,
    dims: cube.dims.slice(1, k).map((d) => d.name),
    notes: [
      'SE of the gap is linearised on the difference, so the covariance of the two domain estimates is included.',
    ],
    rows: rest.map((idx): TableRow => {
      const a = rateOf(ctx, [0, ...idx], r);
      const b = rateOf(ctx, [1, ...idx], r);
      const terms = [...a.terms, ...b.terms.map((t) => ({ ...t, coef: -t.coef }))];
      const dims = dimsOf({ ...cube, dims: cube.dims.slice(1) } as Cube, idx);
      return { dims, ...linearisedEstimate(cube, a.est - b.est, terms, Math.min(a.n, b.n), ctx.q) };
    }),
  }));
}

/** Employed persons by migrant × sex × job characteristic. */
export function employmentTable(ctx: BuildContext, what: string): StatTable {
  const cube = ctx.cube;
  const k = cube.dims.length;
  return {
    id: `emp_${sexPart(ctx)}${ctx.key}`,
    title: `Employed persons by migrant status × ${cube.dims
      .slice(1)
      .map((d) => d.name)
      .join(' × ')} (${what})`,
    indicator: `MST_TEMP_${ctx.sexCode}${ctx.by}_${ctx.crit}_NB`,
    unit: 'persons',
    dims: cube.dims.map((d) => d.name),
    notes: [],
    rows: combos(cube, k).map((idx): TableRow => {
      const c = cube.cell(idx);
      return {
        dims: dimsOf(cube, idx),
        ...linearisedEstimate(cube, cube.totals[c], [{ value: 0, cell: c, coef: 1 }], cube.n[c], ctx.q),
      };
    }),
  };
}
