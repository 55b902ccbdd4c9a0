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

/** The `meta` of the tidy JSON written by `labmig stats tables` and the Lab (any other keys are kept as they are). */
export interface TidyTablesMeta {
  readonly data?: string;
  readonly homeCountry?: string;
  readonly surveyYear?: number;
  readonly migrantCriterion?: string;
  readonly persons?: number;
  readonly sdgEligibility?: Readonly<Record<string, number>> | null;
  readonly sdgSkipped?: string | null;
  readonly [key: string]: unknown;
}

const finite = (x: unknown): number => (typeof x === 'number' ? x : NaN);

/**
 * Reads the tidy JSON of {@link toTidyJson} back into the engine's tables (null, written for a non-finite number,
 * becomes NaN), with its meta.
 *
 * @example
 * readTidyJson(toTidyJson(tables)).tables[0].rows[0].estimate === tables[0].rows[0].estimate; // true
 */
export function readTidyJson(json: string): { meta: TidyTablesMeta; tables: StatTable[] } {
  const parsed = JSON.parse(json) as {
    meta?: TidyTablesMeta;
    tables: {
      id: string;
      title: string;
      indicator: string | null;
      unit: StatTable['unit'];
      dims: string[];
      notes: string[];
      rows: Record<string, unknown>[];
    }[];
  };
  const tables = parsed.tables.map((t): StatTable => ({
    id: t.id,
    title: t.title,
    indicator: t.indicator,
    unit: t.unit,
    dims: t.dims,
    notes: t.notes,
    rows: t.rows.map((r) => ({
      dims: Object.fromEntries(t.dims.map((d) => [d, String(r[d])])),
      estimate: finite(r.estimate),
      se: finite(r.se),
      cv: finite(r.cv),
      ci: [finite(r.ci_lower), finite(r.ci_upper)] as const,
      n: finite(r.n),
      flags: (r.flags as StatTable['rows'][number]['flags'] | undefined) ?? [],
    })),
  }));
  return { meta: parsed.meta ?? {}, tables };
}
