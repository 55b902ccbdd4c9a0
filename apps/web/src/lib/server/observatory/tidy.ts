import type { StatTable, TableRow } from '@labmig/stats';
import type { TidyTable } from '@labmig/core/observatory';

const finite = (x: number | null): number => (x === null ? NaN : x);

/** A stored tidy table back as the engine's table, for the Lab's table view (null numbers become NaN). */
export function toStatTable(t: TidyTable): StatTable {
  const rows: TableRow[] = t.rows.map((r) => ({
    dims: Object.fromEntries(t.dims.map((d) => [d, String((r as Record<string, unknown>)[d])])),
    estimate: finite(r.estimate),
    se: finite(r.se),
    cv: finite(r.cv),
    ci: [finite(r.ci_lower), finite(r.ci_upper)],
    n: r.n,
    flags: r.flags as TableRow['flags'],
  }));
  return {
    id: t.id,
    title: t.title,
    indicator: t.indicator,
    unit: t.unit,
    dims: t.dims,
    notes: t.notes,
    rows,
  };
}
