import type { Dataset } from '../dataset/dataset.types.ts';
import { suggestNames } from '../dataset/suggest-names.ts';
import { columnNumbers, isMissingAt, showValue } from './column-values.ts';
import type { IssueList } from './mapping-issue.ts';
import { MAPPING_ROLES, type RoleInfo } from './mapping-roles.ts';
import { valueAt } from './validate-settings.ts';

/** Mapped roles whose column exists: field → column name. */
export type FoundColumns = ReadonlyMap<string, string>;

/** Ages outside this range are impossible. */
export const AGE_RANGE = { min: 0, max: 120 } as const;

/**
 * Each mapped column exists (`column_not_found`, with close names) and is used for one role only (`column_reused`).
 *
 * @returns the mapped roles whose column exists.
 */
export function findColumns(ds: Dataset, draft: unknown, list: IssueList): Map<string, string> {
  const found = new Map<string, string>();
  const names = ds.columns.map((c) => c.name);
  const usedBy = new Map<string, string>();
  for (const info of MAPPING_ROLES) {
    const column = valueAt(draft, info.field);
    if (column === undefined || column === null || column === '') continue;
    if (typeof column !== 'string') {
      list.add({
        code: 'setting_invalid',
        severity: 'error',
        field: info.field,
        count: 1,
        params: { detail: 'must be a column name' },
      });
      continue;
    }
    if (!ds.has(column)) {
      const examples = suggestNames(column, names).map((value) => ({ value }));
      list.add({
        code: 'column_not_found',
        severity: 'error',
        field: info.field,
        column,
        count: 1,
        examples,
      });
      continue;
    }
    const other = usedBy.get(column);
    if (other)
      list.add({
        code: 'column_reused',
        severity: 'warning',
        field: info.field,
        column,
        count: 1,
        params: { other },
      });
    else usedBy.set(column, info.field);
    found.set(info.field, column);
  }
  return found;
}

function checkWeight(
  ds: Dataset,
  field: string,
  column: string,
  values: Float64Array,
  list: IssueList,
): void {
  const show = showValue(ds, column);
  const n = ds.nrows;
  const add = (code: 'weight_missing' | 'weight_negative' | 'weight_zero', bad: (i: number) => boolean) => {
    const { count, examples } = list.rowsWhere(n, bad, show);
    if (count)
      list.add({
        code,
        severity: code === 'weight_zero' ? 'warning' : 'error',
        field,
        column,
        count,
        examples,
      });
  };
  add('weight_missing', (i) => Number.isNaN(values[i]));
  add('weight_negative', (i) => values[i] < 0);
  add('weight_zero', (i) => values[i] === 0);
}

function checkAge(ds: Dataset, field: string, column: string, age: Float64Array, list: IssueList): void {
  const show = showValue(ds, column);
  const impossible = list.rowsWhere(ds.nrows, (i) => age[i] < AGE_RANGE.min || age[i] > AGE_RANGE.max, show);
  if (impossible.count)
    list.add({
      code: 'age_impossible',
      severity: 'warning',
      field,
      column,
      ...impossible,
      params: { ...AGE_RANGE },
    });
  const missing = list.rowsWhere(ds.nrows, (i) => Number.isNaN(age[i]), show);
  if (missing.count) list.add({ code: 'age_missing', severity: 'warning', field, column, ...missing });
}

function checkNumbers(ds: Dataset, info: RoleInfo, column: string, draft: unknown, list: IssueList): void {
  const field = info.field;
  const read = columnNumbers(ds, column);
  if (!read.ok) {
    list.add({
      code: 'not_numeric',
      severity: 'error',
      field,
      column,
      count: read.count,
      examples: read.bad,
    });
    return;
  }
  const v = read.values;
  const show = showValue(ds, column);
  if (info.kind === 'weight') checkWeight(ds, field, column, v, list);
  else if (info.kind === 'age') checkAge(ds, field, column, v, list);
  else if (info.kind === 'year') {
    const year = valueAt(draft, 'surveyYear');
    const last = typeof year === 'number' ? year : Infinity;
    const bad = list.rowsWhere(ds.nrows, (i) => v[i] < 1900 || v[i] > last, show);
    if (bad.count)
      list.add({
        code: 'year_impossible',
        severity: 'warning',
        field,
        column,
        ...bad,
        params: { min: 1900, max: Number.isFinite(last) ? last : '' },
      });
  } else if (info.kind === 'amount') {
    const bad = list.rowsWhere(ds.nrows, (i) => v[i] < 0, show);
    if (bad.count) list.add({ code: 'amount_negative', severity: 'warning', field, column, ...bad });
  }
}

/**
 * The values of the mapped columns: numbers where numbers are needed (`not_numeric`), weights present and
 * non-negative (`weight_*`), design columns without missing values, ages 0–120, years of arrival from 1900 to the
 * survey year, amounts non-negative. `ds` has the mapping's missing codes already read as missing.
 */
export function checkColumnValues(ds: Dataset, found: FoundColumns, draft: unknown, list: IssueList): void {
  for (const info of MAPPING_ROLES) {
    const column = found.get(info.field);
    if (!column) continue;
    if (info.kind === 'weight' || info.kind === 'age' || info.kind === 'year' || info.kind === 'amount')
      checkNumbers(ds, info, column, draft, list);
    else if (info.kind === 'design') {
      const missing = list.rowsWhere(ds.nrows, isMissingAt(ds, column), () => '');
      if (missing.count)
        list.add({
          code: 'design_missing',
          severity: 'error',
          field: info.field,
          column,
          count: missing.count,
          examples: missing.examples.map(({ row }) => ({ row })),
        });
    }
  }
}
