import { describe, expect, it } from 'vitest';
import { categoricalColumn, createDataset, numericColumn } from '../dataset/dataset.ts';
import type { Dataset } from '../dataset/dataset.types.ts';
import { parseMapping } from '../migration/mapping.parse.ts';
import { computeMigrationTables } from '../migration/migration-tables.ts';
import type { MappingDraft } from './mapping-draft.types.ts';
import type { MappingIssue } from './mapping-issue.ts';
import { validateMapping } from './validate-mapping.ts';

const lfsLabels = new Map([
  [1, 'employed'],
  [2, 'unemployed'],
  [3, 'outside_lf'],
  [9, 'not applicable'],
]);

/** Eight persons in two strata of two PSUs each, with the given columns replaced. */
function survey(
  replace: Record<string, ReturnType<typeof numericColumn> | ReturnType<typeof categoricalColumn>> = {},
): Dataset {
  const cols = {
    w: numericColumn('w', [10, 10, 12, 12, 8, 8, 9, 9]),
    st: numericColumn('st', [1, 1, 1, 1, 2, 2, 2, 2]),
    psu: numericColumn('psu', [1, 1, 2, 2, 1, 1, 2, 2]),
    age: numericColumn('age', [30, 45, 22, 61, 19, 35, 50, 12]),
    sex: categoricalColumn('sex', ['m', 'f', 'm', 'f', 'm', 'f', 'm', 'f']),
    lfs: numericColumn('lfs', [1, 2, 3, 1, 1, 2, 1, 9], { valueLabels: lfsLabels }),
    cob: categoricalColumn('cob', ['MYS', 'IDN', 'MYS', 'MYS', 'NPL', 'MYS', 'MYS', 'MYS']),
    yoa: numericColumn('yoa', [NaN, 2020, NaN, NaN, 2023, NaN, NaN, NaN]),
    ...replace,
  };
  return createDataset(Object.values(cols), { source: 'survey.sav' });
}

const draft: MappingDraft = {
  homeCountry: 'MYS',
  surveyYear: 2024,
  design: { weight: 'w', strata: 'st', psu: 'psu' },
  columns: { age: 'age', sex: 'sex', lfs: 'lfs', countryOfBirth: 'cob', yearOfArrival: 'yoa' },
  codes: {
    sex: { male: ['m'], female: ['f'] },
    lfs: { employed: ['1'], unemployed: ['2'], outside_lf: ['3'] },
  },
  missing: { lfs: ['9'] },
};
const withDraft = (patch: Partial<MappingDraft>): MappingDraft => ({ ...draft, ...patch });

/** The issues other than the SDG 10.7.1 notice (this small file has no SDG columns). */
const issuesOf = (ds: Dataset, d: unknown): MappingIssue[] =>
  validateMapping(ds, d).issues.filter((i) => i.code !== 'sdg_fields_unset');

describe('validateMapping', () => {
  it('finds nothing wrong with a complete mapping, which then runs', () => {
    const report = validateMapping(survey(), draft);
    expect(report.canRun).toBe(true);
    expect(report.issues.map((i) => i.code)).toEqual(['sdg_fields_unset']);
    expect(report.outputs).toMatchObject({ ilms: true, sdg1071: false, byIndustry: false });
    expect(() => computeMigrationTables(survey(), parseMapping(draft))).not.toThrow();
  });

  it.each<[string, Dataset, unknown, Partial<MappingIssue>]>([
    [
      'no weight',
      survey(),
      withDraft({ design: {} }),
      { code: 'required_unset', severity: 'error', field: 'design.weight' },
    ],
    [
      'no survey year',
      survey(),
      withDraft({ surveyYear: undefined }),
      { code: 'required_unset', field: 'surveyYear' },
    ],
    [
      'no country of birth under criterion birth',
      survey(),
      withDraft({ columns: { age: 'age', lfs: 'lfs' } }),
      { code: 'required_unset', field: 'columns.countryOfBirth' },
    ],
    [
      'no citizenship under criterion either',
      survey(),
      withDraft({ migrantCriterion: 'either' }),
      { code: 'required_unset', field: 'columns.citizenship' },
    ],
    [
      'an lfs concept without codes',
      survey(),
      withDraft({ codes: { ...draft.codes, lfs: { employed: ['1'], unemployed: ['2'] } } }),
      { code: 'required_unset', field: 'codes.lfs.outside_lf' },
    ],
    [
      'sex mapped without codes',
      survey(),
      withDraft({ codes: { lfs: draft.codes?.lfs } }),
      { code: 'required_unset', field: 'codes.sex' },
    ],
    [
      'a home country that is not alpha-3',
      survey(),
      withDraft({ homeCountry: 'Malaysia' }),
      {
        code: 'setting_invalid',
        field: 'homeCountry',
        params: { detail: 'must be an ISO 3166-1 alpha-3 code such as "MYS"' },
      },
    ],
    [
      'an unknown lonely-PSU rule',
      survey(),
      withDraft({ design: { ...draft.design, lonelyPsu: 'drop' as 'fail' } }),
      { code: 'setting_invalid', field: 'design.lonelyPsu' },
    ],
    [
      'a misspelt column',
      survey(),
      withDraft({ design: { weight: 'wt' } }),
      {
        code: 'column_not_found',
        field: 'design.weight',
        column: 'wt',
        examples: [{ value: 'st' }, { value: 'w' }],
      },
    ],
    [
      'one column for two roles',
      survey(),
      withDraft({ design: { weight: 'w', strata: 'st', psu: 'st' } }),
      { code: 'column_reused', severity: 'warning', field: 'design.psu', params: { other: 'design.strata' } },
    ],
    [
      'text in the weight',
      survey({ w: categoricalColumn('w', ['10', '10', 'n/a', '12', '8', '8', '9', '9']) }),
      draft,
      { code: 'not_numeric', field: 'design.weight', count: 1, examples: [{ value: 'n/a', count: 1 }] },
    ],
    [
      'missing weights',
      survey({ w: numericColumn('w', [10, NaN, 12, 12, 8, 8, NaN, 9]) }),
      draft,
      {
        code: 'weight_missing',
        severity: 'error',
        count: 2,
        examples: [
          { row: 2, value: '' },
          { row: 7, value: '' },
        ],
      },
    ],
    [
      'negative weights',
      survey({ w: numericColumn('w', [10, 10, -1, 12, 8, 8, 9, 9]) }),
      draft,
      { code: 'weight_negative', severity: 'error', count: 1, examples: [{ row: 3, value: '-1' }] },
    ],
    [
      'zero weights',
      survey({ w: numericColumn('w', [10, 10, 0, 12, 8, 8, 9, 9]) }),
      draft,
      { code: 'weight_zero', severity: 'warning', count: 1, examples: [{ row: 3, value: '0' }] },
    ],
    [
      'a missing PSU',
      survey({ psu: numericColumn('psu', [1, 1, 2, NaN, 1, 1, 2, 2]) }),
      draft,
      { code: 'design_missing', field: 'design.psu', count: 1, examples: [{ row: 4 }] },
    ],
    [
      'a stratum with one PSU',
      survey({ psu: numericColumn('psu', [1, 1, 2, 2, 1, 1, 1, 1]) }),
      draft,
      {
        code: 'single_psu_stratum',
        severity: 'error',
        field: 'design.strata',
        count: 1,
        examples: [{ value: '2', count: 4 }],
        params: { lonelyPsu: 'fail' },
      },
    ],
    [
      'a stratum with one PSU under lonelyPsu adjust',
      survey({ psu: numericColumn('psu', [1, 1, 2, 2, 1, 1, 1, 1]) }),
      withDraft({ design: { ...draft.design, lonelyPsu: 'adjust' } }),
      { code: 'single_psu_stratum', severity: 'warning', params: { lonelyPsu: 'adjust' } },
    ],
    [
      'impossible ages',
      survey({ age: numericColumn('age', [30, 45, 999, 61, -2, 35, 50, 12]) }),
      draft,
      {
        code: 'age_impossible',
        severity: 'warning',
        count: 2,
        examples: [
          { row: 3, value: '999' },
          { row: 5, value: '-2' },
        ],
        params: { min: 0, max: 120 },
      },
    ],
    [
      'missing ages',
      survey({ age: numericColumn('age', [30, NaN, 22, 61, 19, 35, 50, 12]) }),
      draft,
      { code: 'age_missing', severity: 'warning', count: 1, examples: [{ row: 2, value: '' }] },
    ],
    [
      'a value no lfs concept lists',
      survey(),
      withDraft({ missing: undefined }),
      {
        code: 'code_unknown',
        severity: 'error',
        field: 'codes.lfs',
        column: 'lfs',
        count: 1,
        examples: [{ value: '9', label: 'not applicable', count: 1 }],
      },
    ],
    [
      'a code under two concepts',
      survey(),
      withDraft({
        codes: { ...draft.codes, lfs: { employed: ['1'], unemployed: ['2', '1'], outside_lf: ['3'] } },
      }),
      {
        code: 'code_duplicate',
        field: 'codes.lfs',
        count: 4,
        examples: [{ value: '1', label: 'employed', count: 4 }],
        params: { concepts: 'employed, unemployed' },
      },
    ],
    [
      'a listed code the file does not hold',
      survey(),
      withDraft({ codes: { ...draft.codes, sex: { male: ['m', 'M'], female: ['f'] } } }),
      {
        code: 'code_unused',
        severity: 'warning',
        field: 'codes.sex.male',
        count: 1,
        examples: [{ value: 'M' }],
      },
    ],
    [
      'a missing code the file does not hold',
      survey(),
      withDraft({ missing: { lfs: ['9', '99'] } }),
      { code: 'code_unused', severity: 'warning', field: 'missing.lfs', examples: [{ value: '99' }] },
    ],
    [
      'working-age persons without labour force status',
      survey({ lfs: numericColumn('lfs', [1, NaN, 3, 1, 1, 2, 1, 9], { valueLabels: lfsLabels }) }),
      draft,
      {
        code: 'lfs_missing',
        severity: 'warning',
        count: 1,
        examples: [{ row: 2, value: '' }],
        params: { min: 15 },
      },
    ],
    [
      'a home country absent from the country of birth',
      survey(),
      withDraft({ homeCountry: 'MAS' }),
      {
        code: 'home_country_absent',
        severity: 'warning',
        field: 'columns.countryOfBirth',
        examples: [
          { value: 'MYS', count: 6 },
          { value: 'IDN', count: 1 },
          { value: 'NPL', count: 1 },
        ],
        params: { home: 'MAS' },
      },
    ],
    [
      'an arrival after the survey year',
      survey(),
      withDraft({ surveyYear: 2022 }),
      {
        code: 'year_impossible',
        severity: 'warning',
        field: 'columns.yearOfArrival',
        count: 1,
        examples: [{ row: 5, value: '2023' }],
      },
    ],
  ])('reports %s', (_name, ds, d, expected) => {
    const issues = issuesOf(ds, d);
    expect(issues).toContainEqual(expect.objectContaining(expected));
    const report = validateMapping(ds, d);
    expect(report.canRun).toBe(!issues.some((i) => i.severity === 'error'));
  });

  it('names every required entry that is unset, at once', () => {
    const fields = issuesOf(survey(), {})
      .filter((i) => i.code === 'required_unset')
      .map((i) => i.field);
    expect(fields).toEqual([
      'homeCountry',
      'surveyYear',
      'design.weight',
      'columns.age',
      'columns.lfs',
      'columns.countryOfBirth',
    ]);
  });

  it('keeps at most maxExamples examples but counts every row', () => {
    const w = numericColumn('w', [NaN, NaN, NaN, NaN, NaN, NaN, 9, 9]);
    const issue = validateMapping(survey({ w }), draft, { maxExamples: 2 }).issues.find(
      (i) => i.code === 'weight_missing',
    );
    expect(issue).toMatchObject({ count: 6, examples: [{ row: 1 }, { row: 2 }] });
  });

  it('lists the SDG 10.7.1 inputs that are unset', () => {
    const issue = validateMapping(survey(), draft).issues.find((i) => i.code === 'sdg_fields_unset');
    expect(issue?.examples.map((e) => e.value)).toEqual([
      'columns.recruitmentCost',
      'columns.firstMonthEarnings',
      'columns.reasonForMigration',
      'columns.statusInEmployment',
      'codes.employee',
    ]);
  });

  it('agrees with the engine: a mapping it passes runs, one it stops the engine refuses', () => {
    const cases: [Dataset, MappingDraft][] = [
      [survey(), draft],
      [survey(), withDraft({ missing: undefined })],
      [survey({ psu: numericColumn('psu', [1, 1, 2, 2, 1, 1, 1, 1]) }), draft],
      [survey({ w: numericColumn('w', [10, 10, -1, 12, 8, 8, 9, 9]) }), draft],
      [survey(), withDraft({ design: { weight: 'wt' } })],
    ];
    for (const [ds, d] of cases) {
      const runs = (() => {
        try {
          computeMigrationTables(ds, parseMapping(d));
          return true;
        } catch {
          return false;
        }
      })();
      expect(validateMapping(ds, d).canRun).toBe(runs);
    }
  });
});
