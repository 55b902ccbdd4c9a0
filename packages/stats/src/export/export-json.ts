import type { StatTable } from '../migration/table.types.ts';

const num = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * Tidy JSON of tables: `{ meta, tables: [{ id, title, indicator, unit, dims, notes, rows: [{ <dim>: level, …,
 * estimate, se, cv, ci_lower, ci_upper, n, flags }] }] }`. Non-finite numbers become `null`.
 *
 * @param meta - free metadata placed under `meta` (e.g. source file, mapping, time of run).
 * @example
 * JSON.parse(toTidyJson([table])).tables[0].rows[0].estimate; // the first cell's estimate
 */
export function toTidyJson(
  tables: readonly StatTable[],
  meta: Readonly<Record<string, unknown>> = {},
): string {
  return JSON.stringify(
    {
      meta,
      tables: tables.map((t) => ({
        id: t.id,
        title: t.title,
        indicator: t.indicator,
        unit: t.unit,
        dims: t.dims,
        notes: t.notes,
        rows: t.rows.map((r) => ({
          ...r.dims,
          estimate: num(r.estimate),
          se: num(r.se),
          cv: num(r.cv),
          ci_lower: num(r.ci[0]),
          ci_upper: num(r.ci[1]),
          n: r.n,
          flags: r.flags,
        })),
      })),
    },
    null,
    1,
  );
}
