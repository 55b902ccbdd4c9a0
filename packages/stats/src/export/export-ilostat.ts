import type { StatTable } from '../migration/table.types.ts';
import { toCsvText } from './export-csv.ts';
import { ilostatCode } from './ilostat-codes.ts';

/** Header of the ILOSTAT bulk CSV layout written by {@link toIlostatCsv}. */
export const ILOSTAT_COLUMNS = [
  'ref_area',
  'source',
  'indicator',
  'sex',
  'classif1',
  'classif2',
  'time',
  'obs_value',
  'obs_status',
  'note_classif',
  'note_indicator',
  'note_source',
] as const;

/** Context of an ILOSTAT export. */
export interface IlostatContext {
  /** ISO 3166-1 alpha-3 reference area, e.g. `MYS`. */
  readonly refArea: string;
  /** ILOSTAT source code, e.g. `BA:1234` (labour force survey); `NA` when unknown. */
  readonly source: string;
  readonly time: number | string;
  /** CBR (place of birth), CCT (citizenship) or MIG (either/both). */
  readonly criterion: string;
  readonly minWorkingAge: number;
  /** Free text for `note_source` (e.g. "Synthetic data"). */
  readonly noteSource?: string;
}

function scale(indicator: string, v: number): number {
  // ILOSTAT numbers (_NB) are in thousands; rates (_RT) in percent.
  return indicator.endsWith('_NB') ? Math.round((v / 1000) * 1e6) / 1e6 : Math.round(v * 1e6) / 1e6;
}

/**
 * Tables with an ILOSTAT indicator code as bulk CSV rows (`ref_area, source, indicator, sex, classif1, classif2, time,
 * obs_value, obs_status, note_classif, note_indicator, note_source`). The indicator code follows the
 * `SUBJECT_CONCEPT_CLASSIF1[_CLASSIF2]_UNIT` grammar (e.g. `MST_TEAP_SEX_AGE_CBR_RT`): sex goes in `sex`, the
 * breakdown in `classif1`, the migrant status in `classif2`. Numbers (`_NB`) are in thousands, rates (`_RT`) in
 * percent. Tables without an indicator (gaps, SDG 10.7.1) are left out, and so are undefined (NaN) cells; cells
 * flagged `small_n`/`high_cv` carry the flags in `note_indicator` and `obs_status` stays empty (ILOSTAT status codes
 * are not in the domain brief).
 *
 * @example
 * toIlostatCsv(tables, { refArea: 'MYS', source: 'NA', time: 2024, criterion: 'CBR', minWorkingAge: 15 })
 *   .split('\r\n')[1]; // 'MYS,NA,MST_XWAP_SEX_AGE_CBR_NB,SEX_M,AGE_YTHADULT_Y15-24,CBR_BIR_FOREIGN,2024,…'
 */
export function toIlostatCsv(tables: readonly StatTable[], ctx: IlostatContext): string {
  const rows: (string | number)[][] = [];
  for (const t of tables) {
    if (!t.indicator) continue;
    const classifDims = t.dims.filter((d) => d !== 'sex' && d !== 'migrant');
    for (const r of t.rows) {
      if (!Number.isFinite(r.estimate)) continue;
      const code = (d: string) => ilostatCode(d, r.dims[d], ctx.criterion, ctx.minWorkingAge);
      const classif1 = classifDims[0] ? code(classifDims[0]) : code('migrant');
      const classif2 = classifDims[0] ? code('migrant') : '';
      const quality = r.flags.filter((f) => f !== 'lonely_psu');
      rows.push([
        ctx.refArea,
        ctx.source,
        t.indicator,
        t.dims.includes('sex') ? code('sex') : 'SEX_T',
        classif1,
        classif2,
        ctx.time,
        scale(t.indicator, r.estimate),
        '',
        '',
        quality.length
          ? `labmig quality flags: ${quality.join(';')}; se=${scale(t.indicator, r.se)}`
          : `se=${scale(t.indicator, r.se)}`,
        ctx.noteSource ?? '',
      ]);
    }
  }
  return toCsvText(ILOSTAT_COLUMNS, rows);
}
