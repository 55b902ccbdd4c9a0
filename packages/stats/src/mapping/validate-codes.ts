import type { Dataset } from '../dataset/dataset.types.ts';
import { readTextColumn, type TextColumn } from '../migration/column-codes.ts';
import type { IssueExample, IssueList } from './mapping-issue.ts';
import type { FoundColumns } from './validate-columns.ts';
import { valueAt } from './validate-settings.ts';

type Groups = Readonly<Record<string, readonly string[]>>;

/** Code lists checked against their column: every value must be listed (`unknown`) for the closed lists. */
const LISTS: readonly { field: string; codes: string; closed: boolean }[] = [
  { field: 'columns.sex', codes: 'codes.sex', closed: true },
  { field: 'columns.lfs', codes: 'codes.lfs', closed: true },
  { field: 'columns.education', codes: 'codes.education', closed: true },
  { field: 'columns.reasonForMigration', codes: 'codes.reasonForMigration', closed: true },
  { field: 'columns.statusInEmployment', codes: 'codes.employee', closed: false },
];

function rowCounts(t: TextColumn): Float64Array {
  const n = new Float64Array(t.levels.length);
  for (const c of t.codes) if (c >= 0) n[c]++;
  return n;
}

/** Does `code` name level k (by its text, or by its value label)? */
const matches = (t: TextColumn, k: number, code: string) => t.levels[k] === code || t.labels?.[k] === code;

function asGroups(v: unknown): Groups | null {
  if (Array.isArray(v)) return { listed: v.map(String) };
  if (typeof v !== 'object' || v === null) return null;
  const out: Record<string, string[]> = {};
  for (const [k, list] of Object.entries(v)) if (Array.isArray(list)) out[k] = list.map(String);
  return out;
}

function checkList(
  ds: Dataset,
  original: Dataset,
  column: string,
  field: string,
  groups: Groups,
  closed: boolean,
  list: IssueList,
): void {
  const t = readTextColumn(ds, column, field);
  const counts = rowCounts(t);
  const concepts = t.levels.map(() => [] as string[]);
  for (const [concept, codes] of Object.entries(groups))
    for (const code of codes)
      t.levels.forEach(
        (_, k) => matches(t, k, code) && !concepts[k].includes(concept) && concepts[k].push(concept),
      );
  const describe = (k: number): IssueExample => ({
    value: t.levels[k],
    ...(t.labels?.[k] !== undefined ? { label: t.labels[k] } : {}),
    count: counts[k],
  });
  const byCount = (a: number, b: number) => counts[b] - counts[a];
  const levels = t.levels
    .map((_, k) => k)
    .filter((k) => counts[k] > 0)
    .sort(byCount);
  const twice = levels.filter((k) => concepts[k].length > 1);
  for (const k of twice)
    list.add({
      code: 'code_duplicate',
      severity: 'error',
      field,
      column,
      count: counts[k],
      examples: [describe(k)],
      params: { concepts: concepts[k].join(', ') },
    });
  const unknown = levels.filter((k) => concepts[k].length === 0);
  if (closed && unknown.length)
    list.add({
      code: 'code_unknown',
      severity: 'error',
      field,
      column,
      count: unknown.reduce((s, k) => s + counts[k], 0),
      examples: unknown.map(describe),
    });
  checkUnused(readTextColumn(original, column, field), field, column, groups, list);
}

/** Codes the mapping lists that the file does not hold (a typo, or a code that changed since the last wave). */
function checkUnused(t: TextColumn, field: string, column: string, groups: Groups, list: IssueList): void {
  const counts = rowCounts(t);
  for (const [concept, codes] of Object.entries(groups)) {
    const absent = codes.filter((code) => !t.levels.some((_, k) => counts[k] > 0 && matches(t, k, code)));
    if (absent.length) {
      const at = field === 'codes.employee' || concept === 'listed' ? field : `${field}.${concept}`;
      list.add({
        code: 'code_unused',
        severity: 'warning',
        field: at,
        column,
        count: absent.length,
        examples: absent.map((value) => ({ value })),
      });
    }
  }
}

/**
 * The code lists against the data: every value of a coded column is listed under one concept (`code_unknown`,
 * `code_duplicate`, with counts and the values' labels), and every listed code (and every code declared missing)
 * occurs in the file (`code_unused`). `ds` has the missing codes applied; `original` has not.
 */
export function checkCodes(
  ds: Dataset,
  original: Dataset,
  found: FoundColumns,
  draft: unknown,
  list: IssueList,
): void {
  for (const { field, codes, closed } of LISTS) {
    const column = found.get(field);
    const groups = asGroups(valueAt(draft, codes));
    if (!column || !groups) continue;
    checkList(ds, original, column, codes, groups, closed, list);
  }
  const missing = valueAt(draft, 'missing');
  if (typeof missing !== 'object' || missing === null) return;
  for (const [key, codes] of Object.entries(missing)) {
    const column = found.get(`columns.${key}`);
    if (column && Array.isArray(codes))
      checkUnused(
        readTextColumn(original, column, `columns.${key}`),
        `missing.${key}`,
        column,
        { listed: codes.map(String) },
        list,
      );
  }
}
