import { describe, expect, it } from 'vitest';
import { conceptOfCode, employeeCodes } from './code-rules.ts';
import { buildDataset, type ColumnSpec } from './mapping-test-data.ts';
import { suggestColumnCodes, suggestMapping } from './suggest-mapping.ts';

/** field → column the suggestion names (null = none). */
function columnsOf(specs: readonly ColumnSpec[]): Record<string, string | null> {
  const s = suggestMapping(buildDataset(specs));
  return Object.fromEntries(s.roles.map((r) => [r.field, r.column]));
}

describe('suggestMapping: roles from names', () => {
  it.each<[string, ColumnSpec[], Record<string, string | null>]>([
    [
      'English (ILO micro-data names)',
      [
        ['wgt', 'weight'],
        ['strata', 'stratum'],
        ['psu', 'psu'],
        ['age', 'age'],
        ['sex', 'sex'],
        ['ilo_status', 'lfs'],
        ['country_of_birth', 'country'],
        ['citizenship', 'country'],
        ['yoa', 'year'],
        ['reason', 'reason'],
        ['isic4', 'isic'],
        ['isco08', 'isco'],
        ['icse18', 'icse18'],
        ['isced11', 'isced'],
        ['recruitment_cost', 'cost'],
        ['first_month_earnings', 'earnings'],
      ],
      {
        'design.weight': 'wgt',
        'design.strata': 'strata',
        'design.psu': 'psu',
        'columns.age': 'age',
        'columns.sex': 'sex',
        'columns.lfs': 'ilo_status',
        'columns.countryOfBirth': 'country_of_birth',
        'columns.citizenship': 'citizenship',
        'columns.yearOfArrival': 'yoa',
        'columns.reasonForMigration': 'reason',
        'columns.isic': 'isic4',
        'columns.isco': 'isco08',
        'columns.statusInEmployment': 'icse18',
        'columns.education': 'isced11',
        'columns.recruitmentCost': 'recruitment_cost',
        'columns.firstMonthEarnings': 'first_month_earnings',
        'columns.usualResidenceCountry': null,
      },
    ],
    [
      'French (enquête emploi)',
      [
        ['poids', 'weight'],
        ['strate', 'stratum'],
        ['grappe', 'psu'],
        ['age', 'age'],
        ['sexe', 'sexFr'],
        ['statut_bit', 'lfsFr'],
        ['pays_naissance', 'country'],
        ['nationalite', 'country'],
        ['annee_arrivee', 'year'],
        ['motif_migration', 'reasonFr'],
        ['branche', 'isic'],
        ['profession', 'isco'],
        ['statut_emploi', 'icse93'],
        ['diplome', 'education'],
      ],
      {
        'design.weight': 'poids',
        'design.strata': 'strate',
        'design.psu': 'grappe',
        'columns.age': 'age',
        'columns.sex': 'sexe',
        'columns.lfs': 'statut_bit',
        'columns.countryOfBirth': 'pays_naissance',
        'columns.citizenship': 'nationalite',
        'columns.yearOfArrival': 'annee_arrivee',
        'columns.reasonForMigration': 'motif_migration',
        'columns.isic': 'branche',
        'columns.isco': 'profession',
        'columns.statusInEmployment': 'statut_emploi',
        'columns.education': 'diplome',
      },
    ],
    [
      'Spanish (encuesta de fuerza de trabajo)',
      [
        ['fex', 'weight'],
        ['estrato', 'stratum'],
        ['upm', 'psu'],
        ['edad', 'age'],
        ['sexo', 'sex'],
        ['condact', 'lfsEs'],
        ['pais_nacimiento', 'country'],
        ['nacionalidad', 'country'],
        ['ano_llegada', 'year'],
        ['motivo_migracion', 'reason'],
        ['rama', 'isic'],
        ['ocupacion', 'isco'],
        ['categoria_ocupacional', 'icse93'],
        ['nivel_educativo', 'education'],
      ],
      {
        'design.weight': 'fex',
        'design.strata': 'estrato',
        'design.psu': 'upm',
        'columns.age': 'edad',
        'columns.sex': 'sexo',
        'columns.lfs': 'condact',
        'columns.countryOfBirth': 'pais_nacimiento',
        'columns.citizenship': 'nacionalidad',
        'columns.yearOfArrival': 'ano_llegada',
        'columns.reasonForMigration': 'motivo_migracion',
        'columns.isic': 'rama',
        'columns.isco': 'ocupacion',
        'columns.statusInEmployment': 'categoria_ocupacional',
        'columns.education': 'nivel_educativo',
      },
    ],
    [
      'variable labels only (v1, v2, …)',
      [
        ['v1', 'weight', 'Final person weight'],
        ['v2', 'stratum', 'Sampling stratum'],
        ['v3', 'psu', 'Primary sampling unit'],
        ['v4', 'age', 'Age in completed years'],
        ['v5', 'sex', 'Sex of respondent'],
        ['v6', 'lfsCodes', 'Labour force status (ILO)'],
        ['v7', 'country', 'Country of birth'],
        ['v8', 'country', 'Citizenship'],
        ['v9', 'year', 'Year of arrival in the country'],
        ['v10', 'reason', 'Main reason for migration'],
        ['v11', 'isic', 'Industry (ISIC Rev.4 section)'],
        ['v12', 'isco', 'Occupation (ISCO-08 major group)'],
        ['v13', 'icse93', 'Status in employment'],
        ['v14', 'education', 'Highest level of education completed'],
      ],
      {
        'design.weight': 'v1',
        'design.strata': 'v2',
        'design.psu': 'v3',
        'columns.age': 'v4',
        'columns.sex': 'v5',
        'columns.lfs': 'v6',
        'columns.countryOfBirth': 'v7',
        'columns.citizenship': 'v8',
        'columns.yearOfArrival': 'v9',
        'columns.reasonForMigration': 'v10',
        'columns.isic': 'v11',
        'columns.isco': 'v12',
        'columns.statusInEmployment': 'v13',
        'columns.education': 'v14',
      },
    ],
    [
      'value labels only: the labour force status and the reason for migration',
      [
        ['q17', 'lfs'],
        ['q30', 'reason'],
        ['q2', 'sexText'],
      ],
      { 'columns.lfs': 'q17', 'columns.reasonForMigration': 'q30', 'columns.sex': 'q2' },
    ],
    [
      'look-alikes: design weight, age group, foreign-citizen flag, year of birth, monthly earnings, previous residence',
      [
        ['design_weight', 'designWeight'],
        ['weight', 'weight'],
        ['age_group', 'ageGroup'],
        ['age', 'age'],
        ['foreign_citizen', 'foreignFlag'],
        ['citizenship', 'country'],
        ['year_of_birth', 'birthYear'],
        ['country_of_birth', 'country'],
        ['monthly_earnings', 'monthly'],
        ['previous_country_of_residence', 'country'],
      ],
      {
        'design.weight': 'weight',
        'columns.age': 'age',
        'columns.citizenship': 'citizenship',
        'columns.countryOfBirth': 'country_of_birth',
        'columns.firstMonthEarnings': null,
        'columns.previousCountryOfResidence': 'previous_country_of_residence',
        'columns.usualResidenceCountry': null,
        'columns.yearOfArrival': null,
      },
    ],
  ])('%s', (_name, specs, expected) => {
    const got = columnsOf(specs);
    for (const [field, column] of Object.entries(expected)) expect(got[field], field).toBe(column);
  });

  it('uses each column once and lists the other candidates as alternatives', () => {
    const s = suggestMapping(
      buildDataset([
        ['design_weight', 'designWeight'],
        ['weight', 'weight'],
      ]),
    );
    const weight = s.roles.find((r) => r.field === 'design.weight');
    expect(weight).toMatchObject({ column: 'weight', confidence: 'high', evidence: 'name' });
    expect(weight?.alternatives).toEqual(['design_weight']);
  });
});

describe('conceptOfCode: codes from value labels', () => {
  it.each([
    ['codes.lfs', '1', 'Employed', 'employed'],
    ['codes.lfs', '2', 'Unemployed', 'unemployed'],
    ['codes.lfs', '3', 'Not in labour force', 'outside_lf'],
    ['codes.lfs', '1', 'Actif occupé', 'employed'],
    ['codes.lfs', '2', 'Chômeur BIT', 'unemployed'],
    ['codes.lfs', '3', 'Inactif', 'outside_lf'],
    ['codes.lfs', '1', 'Ocupado', 'employed'],
    ['codes.lfs', '2', 'Desocupado (busca trabajo)', 'unemployed'],
    ['codes.lfs', '3', 'Fuera de la fuerza de trabajo', 'outside_lf'],
    ['codes.lfs', '1', undefined, null],
    ['codes.sex', 'F', undefined, 'female'],
    ['codes.sex', 'H', undefined, 'male'],
    ['codes.sex', '2', 'Female', 'female'],
    ['codes.sex', '1', 'Masculin', 'male'],
    ['codes.sex', '2', 'Mujer', 'female'],
    ['codes.reasonForMigration', '1', 'To look for work', 'seek_work'],
    ['codes.reasonForMigration', '2', 'Employment', 'work'],
    ['codes.reasonForMigration', '3', 'Regroupement familial', 'family'],
    ['codes.reasonForMigration', '4', 'Estudios', 'study'],
    ['codes.reasonForMigration', '5', 'Humanitarian (refugee)', 'asylum'],
    ['codes.reasonForMigration', '6', 'Autre', 'other'],
    ['codes.education', '0', 'No schooling', 'less_than_basic'],
    ['codes.education', '1', 'Less than primary', 'less_than_basic'],
    ['codes.education', '2', 'Lower secondary', 'basic'],
    ['codes.education', '3', 'Upper secondary', 'intermediate'],
    ['codes.education', '4', 'Post-secondary non-tertiary', 'intermediate'],
    ['codes.education', '5', 'Short-cycle tertiary', 'advanced'],
    ['codes.education', '6', 'Enseignement supérieur', 'advanced'],
    ['codes.education', '9', "Don't know", 'not_stated'],
  ])('%s %s "%s" → %s', (list, code, label, concept) => {
    expect(conceptOfCode(list, code, label)).toBe(concept);
  });

  it('finds employees: ICSE-18-A codes 41–44, or labels that say employee and not employer', () => {
    const icse18 = ['11', '12', '21', '22', '30', '41', '42', '43', '44', '51'].map((code) => ({ code }));
    expect(employeeCodes(icse18)).toEqual(['41', '42', '43', '44']);
    expect(
      employeeCodes([
        { code: '1', label: 'Employees' },
        { code: '2', label: 'Employers' },
        { code: '3', label: 'Own-account workers' },
        { code: '4', label: 'Salarié' },
        { code: '5', label: 'Contributing family workers' },
      ]),
    ).toEqual(['1', '4']);
  });
});

describe('suggestMapping: code lists, missing codes and settings', () => {
  const ds = buildDataset([
    ['weight', 'weight'],
    ['sex', 'sex'],
    ['lfs', 'lfs'],
    ['age', 'age'],
    ['country_of_birth', 'country'],
    ['year_of_arrival', 'year'],
    ['reason', 'reason'],
    ['education', 'education'],
    ['status_in_employment', 'icse18'],
  ]);
  const s = suggestMapping(ds);

  it('maps codes through their value labels', () => {
    expect(s.mapping.codes).toEqual({
      sex: { male: ['1'], female: ['2'] },
      lfs: { employed: ['1'], unemployed: ['2'], outside_lf: ['3'] },
      reasonForMigration: { work: ['1'], family: ['2'], study: ['3'], asylum: ['4'], other: ['5'] },
      education: {
        less_than_basic: ['1'],
        basic: ['2'],
        intermediate: ['3'],
        advanced: ['4'],
        not_stated: ['5'],
      },
      employee: ['41', '42', '43', '44'],
    });
    const lfs = s.codes.find((c) => c.list === 'codes.lfs');
    expect(lfs?.values.map((v) => [v.code, v.label, v.count, v.concept])).toEqual([
      ['1', 'Employed', 20, 'employed'],
      ['2', 'Unemployed', 20, 'unemployed'],
      ['3', 'Outside the labour force', 20, 'outside_lf'],
    ]);
  });

  it('gives the code table of a column the user chose instead (and none for an uncoded role or an unknown column)', () => {
    // the user maps labour force status to the "reason" column: its values, labels and counts, no LFS concept
    const other = suggestColumnCodes(ds, 'columns.lfs', 'reason');
    expect(other?.column).toBe('reason');
    expect(other?.values.map((v) => [v.code, v.label, v.count, v.concept])).toEqual(
      s.codes
        .find((c) => c.list === 'codes.reasonForMigration')
        ?.values.map((v) => [v.code, v.label, v.count, null]),
    );
    expect(suggestColumnCodes(ds, 'columns.lfs', 'lfs')).toEqual(s.codes.find((c) => c.list === 'codes.lfs'));
    expect(suggestColumnCodes(ds, 'columns.age', 'age')).toBeNull();
    expect(suggestColumnCodes(ds, 'columns.lfs', 'no_such_column')).toBeNull();
  });

  it('proposes the home country (most frequent country of birth) and the survey year (latest arrival)', () => {
    expect(s.mapping.homeCountry).toBe('MYS');
    expect(s.mapping.surveyYear).toBe(2023);
    expect(s.settings).toEqual([
      {
        field: 'homeCountry',
        value: 'MYS',
        evidence: 'most_frequent_country',
        column: 'country_of_birth',
        share: 0.6,
      },
      { field: 'surveyYear', value: 2023, evidence: 'latest_arrival', column: 'year_of_arrival' },
    ]);
    const withYear = suggestMapping(
      buildDataset([
        ['year', 'surveyYear'],
        ['yoa', 'year'],
      ]),
    );
    expect(withYear.settings).toEqual([
      { field: 'surveyYear', value: 2023, evidence: 'survey_year_column', column: 'year' },
    ]);
  });

  it('reads "not applicable" / "not stated" values as missing', async () => {
    const { numericColumn, createDataset } = await import('../dataset/dataset.ts');
    const labels = new Map([
      [1, 'Employed'],
      [2, 'Unemployed'],
      [3, 'Inactive'],
      [9, 'Not applicable (under 15)'],
    ]);
    const ages = new Map([[99, 'Not stated']]);
    const d = createDataset([
      numericColumn('lfs', [1, 2, 3, 9], { valueLabels: labels }),
      numericColumn('age', [30, 41, 99, 10], { valueLabels: ages }),
    ]);
    const m = suggestMapping(d).mapping;
    expect(m.codes?.lfs).toEqual({ employed: ['1'], unemployed: ['2'], outside_lf: ['3'] });
    expect(m.missing).toEqual({ lfs: ['9'], age: ['99'] });
  });

  it('leaves roles without a fitting column empty, with no code list', () => {
    expect(s.mapping.columns?.isic).toBeUndefined();
    expect(s.roles.find((r) => r.field === 'columns.isic')).toMatchObject({ column: null, confidence: null });
  });
});
