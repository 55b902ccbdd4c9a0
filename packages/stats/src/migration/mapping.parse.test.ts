import { describe, expect, it } from 'vitest';
import { MappingError } from './mapping-error.ts';
import { parseMapping } from './mapping.parse.ts';

const valid = {
  homeCountry: 'MYS',
  surveyYear: 2024,
  design: { weight: 'w', strata: 'st', psu: 'psu' },
  columns: { age: 'age', lfs: 'lfs', sex: 'sex' },
  codes: { lfs: { employed: ['1'], unemployed: ['2'], outside_lf: [3] }, sex: { male: [1], female: [2] } },
};
const fieldOf = (json: unknown): string => {
  try {
    parseMapping(json);
  } catch (e) {
    expect(e).toBeInstanceOf(MappingError);
    return (e as MappingError).field;
  }
  throw new Error('parseMapping accepted an invalid mapping');
};

describe('parseMapping', () => {
  it('fills defaults: working age 15, criterion birth, ILOSTAT age bands, 3-year SDG window with zero costs kept', () => {
    const m = parseMapping(valid);
    expect(m.minWorkingAge).toBe(15);
    expect(m.migrantCriterion).toBe('birth');
    expect(m.ageBands).toEqual([
      { min: 15, max: 24 },
      { min: 25, max: 54 },
      { min: 55, max: 64 },
      { min: 65, max: null },
    ]);
    expect(m.sdg).toEqual({ windowYears: 3, includeZeroCost: true, corridorOrigin: 'citizenship' });
    expect(m.codes.lfs.outside_lf).toEqual(['3']);
  });

  it.each([
    ['homeCountry', { ...valid, homeCountry: 'Malaysia' }],
    ['surveyYear', { ...valid, surveyYear: undefined }],
    ['design.weight', { ...valid, design: {} }],
    ['columns.age', { ...valid, columns: { lfs: 'lfs' } }],
    ['columns.nationality', { ...valid, columns: { ...valid.columns, nationality: 'x' } }],
    [
      'codes.lfs.outside_lf',
      { ...valid, codes: { ...valid.codes, lfs: { employed: ['1'], unemployed: ['2'] } } },
    ],
    ['codes.sex', { ...valid, codes: { lfs: valid.codes.lfs } }],
    ['migrantCriterion', { ...valid, migrantCriterion: 'residence' }],
    [
      'ageBands[1][1]',
      {
        ...valid,
        ageBands: [
          [15, 24],
          [25, 20],
        ],
      },
    ],
    ['codes.reasonForMigration', { ...valid, columns: { ...valid.columns, reasonForMigration: 'why' } }],
    ['sdg.includeZeroCost', { ...valid, sdg: { includeZeroCost: 'yes' } }],
  ])('names the field %s when it is wrong', (field, json) => {
    expect(fieldOf(json)).toBe(field);
  });
});
