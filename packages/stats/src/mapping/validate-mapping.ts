import type { Dataset } from '../dataset/dataset.types.ts';
import { readTextColumn, recodeColumn } from '../migration/column-codes.ts';
import { applyMissingCodes } from '../migration/missing-codes.ts';
import { columnNumbers, showValue } from './column-values.ts';
import { IssueList, type MappingReport } from './mapping-issue.ts';
import type { MappingDraft } from './mapping-draft.types.ts';
import { SDG_FIELDS } from './mapping-roles.ts';
import { checkCodes } from './validate-codes.ts';
import { checkColumnValues, findColumns, type FoundColumns } from './validate-columns.ts';
import { checkSinglePsuStrata } from './validate-design.ts';
import { checkSettings, valueAt } from './validate-settings.ts';

/** Options of {@link validateMapping}. */
export interface ValidateMappingOptions {
  /** Examples kept per issue (default 5). */
  readonly maxExamples?: number;
}

/** Persons of working age whose labour force status is missing. */
function checkLfsMissing(ds: Dataset, found: FoundColumns, draft: unknown, list: IssueList): void {
  const ageCol = found.get('columns.age');
  const lfsCol = found.get('columns.lfs');
  if (!ageCol || !lfsCol || list.hasError('columns.age') || list.hasError('codes.lfs', true)) return;
  const age = columnNumbers(ds, ageCol);
  const lfs = valueAt(draft, 'codes.lfs') as Record<string, string[]>;
  if (!age.ok) return;
  const status = recodeColumn(ds, lfsCol, 'columns.lfs', 'codes.lfs', lfs, Object.keys(lfs));
  const minAge = Number(valueAt(draft, 'minWorkingAge') ?? 15);
  const show = showValue(ds, lfsCol);
  const bad = list.rowsWhere(ds.nrows, (i) => age.values[i] >= minAge && status[i] < 0, show);
  if (bad.count)
    list.add({
      code: 'lfs_missing',
      severity: 'warning',
      field: 'columns.lfs',
      column: lfsCol,
      ...bad,
      params: { min: minAge },
    });
}

/** The home country never occurs in the country columns: its code is probably written differently in the file. */
function checkHomeCountry(ds: Dataset, found: FoundColumns, draft: unknown, list: IssueList): void {
  const home = valueAt(draft, 'homeCountry');
  if (typeof home !== 'string' || list.hasError('homeCountry')) return;
  for (const field of ['columns.countryOfBirth', 'columns.citizenship']) {
    const column = found.get(field);
    if (!column) continue;
    const t = readTextColumn(ds, column, field);
    const counts = new Float64Array(t.levels.length);
    for (const c of t.codes) if (c >= 0) counts[c]++;
    if (t.levels.some((l, k) => l === home && counts[k] > 0)) continue;
    const top = t.levels.map((value, k) => ({ value, count: counts[k] })).filter((x) => x.count > 0);
    top.sort((a, b) => b.count - a.count);
    list.add({
      code: 'home_country_absent',
      severity: 'warning',
      field,
      column,
      count: 0,
      examples: top,
      params: { home },
    });
  }
}

function checkSdgFields(draft: unknown, list: IssueList): string[] {
  const unset = SDG_FIELDS.filter((f) => {
    const v = valueAt(draft, f);
    return v === undefined || v === null || v === '';
  });
  if (unset.length)
    list.add({
      code: 'sdg_fields_unset',
      severity: 'warning',
      field: 'sdg',
      count: unset.length,
      examples: unset.map((value) => ({ value })),
    });
  return unset;
}

/**
 * Checks a variable mapping (possibly incomplete, as the wizard holds it) against a dataset and reports every
 * problem with counts and up to `maxExamples` examples: required entries unset (naming each), settings the engine
 * refuses, columns not in the file (with close names), non-numeric numbers, missing / negative / zero weights,
 * missing design values, strata with a single PSU, impossible ages, working-age persons without labour force status,
 * values no code list maps (`code_unknown`), codes mapped twice or absent from the file, a home country that occurs
 * nowhere, years of arrival after the survey, negative amounts, SDG 10.7.1 inputs unset. The mapping's `missing`
 * codes are read as missing first, as the engine does. A mapping with no error runs in `computeMigrationTables`.
 *
 * @example
 * const report = validateMapping(lfsSmall, { ...mapping, design: { weight: 'wieght' } });
 * report.canRun;    // false
 * report.issues[0]; // { code: 'column_not_found', field: 'design.weight', column: 'wieght', examples: [{ value: 'weight' }, …] }
 */
export function validateMapping(
  ds: Dataset,
  draft: MappingDraft | unknown,
  options: ValidateMappingOptions = {},
): MappingReport {
  const list = new IssueList(options.maxExamples ?? 5);
  checkSettings(draft, list);
  const found = findColumns(ds, draft, list);
  const missing = valueAt(draft, 'missing');
  const columns = Object.fromEntries(
    [...found].filter(([f]) => f.startsWith('columns.')).map(([f, c]) => [f.slice(8), c]),
  );
  const data =
    list.hasError('missing', true) || list.hasError('missing')
      ? ds
      : applyMissingCodes(ds, {
          columns,
          missing: typeof missing === 'object' && missing !== null ? missing : undefined,
        });
  checkColumnValues(data, found, draft, list);
  checkSinglePsuStrata(data, found, draft, list);
  checkCodes(data, ds, found, draft, list);
  checkLfsMissing(data, found, draft, list);
  checkHomeCountry(data, found, draft, list);
  const sdgUnset = checkSdgFields(draft, list);
  const issues = [
    ...list.issues.filter((i) => i.severity === 'error'),
    ...list.issues.filter((i) => i.severity === 'warning'),
  ];
  const errors = issues.filter((i) => i.severity === 'error').length;
  const canRun = errors === 0;
  const mapped = (field: string) => canRun && found.has(field);
  return {
    rows: ds.nrows,
    canRun,
    errors,
    warnings: issues.length - errors,
    issues,
    outputs: {
      ilms: canRun,
      byEducation: mapped('columns.education'),
      byIndustry: mapped('columns.isic'),
      byOccupation: mapped('columns.isco'),
      byStatus: mapped('columns.statusInEmployment'),
      sdg1071: canRun && sdgUnset.length === 0,
    },
  };
}
