// The charts of a run's results, drawn on the server (Observable Plot → SVG, `@labmig/charts`) with their text
// alternative and data table: the unemployment rate by migrant status and sex, and SDG 10.7.1 by sex.
import { estimateChart, type ChartResult, type EstimateDatum } from '@labmig/charts';
import type { StatTable } from '@labmig/stats';
import { m } from '$lib/paraglide/messages';

type Locale = 'en' | 'fr';

const level = (dim: string, value: string, locale: Locale): string => {
  const o = { locale };
  if (dim === 'migrant')
    return value === 'migrant'
      ? m.lab_server_level_migrant({}, o)
      : value === 'non_migrant'
        ? m.lab_server_level_non_migrant({}, o)
        : m.lab_server_level_total({}, o);
  if (dim === 'sex')
    return value === 'male'
      ? m.lab_server_level_male({}, o)
      : value === 'female'
        ? m.lab_server_level_female({}, o)
        : m.lab_server_level_total({}, o);
  return value;
};

const datum = (r: StatTable['rows'][number], label: string, group?: string): EstimateDatum => {
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  return {
    label,
    estimate: finite(r.estimate),
    lower: finite(r.ci[0]),
    upper: finite(r.ci[1]),
    flags: [...r.flags],
    ...(group !== undefined ? { group } : {}),
  };
};

/**
 * The run's charts (those its tables allow), each with `svg`, `title`, `description` (the text alternative) and
 * `table` (the data view). Flagged estimates are drawn hollow with a dashed interval; undefined ones are named, not
 * drawn.
 */
export function runCharts(tables: readonly StatTable[], source: string, locale: Locale): ChartResult[] {
  const out: ChartResult[] = [];
  const ur = tables.find((t) => t.id === 'ur_sex_age');
  if (ur) {
    const rows = ur.rows.filter((r) => r.dims.age === 'total' && r.dims.migrant !== 'total');
    if (rows.length)
      out.push(
        estimateChart({
          title: m.lab_server_chart_ur({}, { locale }),
          subtitle: m.lab_server_chart_ur_subtitle({}, { locale }),
          unit: '%',
          source,
          locale,
          data: rows.map((r) =>
            datum(r, level('sex', r.dims.sex, locale), level('migrant', r.dims.migrant, locale)),
          ),
        }),
      );
  }
  const sdg = tables.find((t) => t.id === 'sdg1071_sex');
  if (sdg) {
    const rows = sdg.rows.filter((r) => r.dims.statistic === 'mean_ratio');
    if (rows.length)
      out.push(
        estimateChart({
          title: m.lab_server_chart_sdg({}, { locale }),
          subtitle: m.lab_server_chart_sdg_subtitle({}, { locale }),
          unit: '',
          source,
          locale,
          data: rows.map((r) => datum(r, level('sex', r.dims.sex, locale))),
        }),
      );
  }
  return out;
}
