import { describe, expect, it } from 'vitest';
import { MappingError } from '../migration/mapping-error.ts';
import { parseMapping } from '../migration/mapping.parse.ts';
import { buildDataset } from './mapping-test-data.ts';
import type { MappingDraft } from './mapping-draft.types.ts';
import { mappingOfFile, readMappingFile, toMappingFile } from './mapping-file.ts';

const draft: MappingDraft = {
  sdg: { windowYears: 3 },
  columns: { age: 'age', lfs: 'status', sex: 'sex' },
  homeCountry: 'MYS',
  surveyYear: 2024,
  design: { weight: 'w' },
  codes: {
    lfs: { employed: ['1'], unemployed: ['2'], outside_lf: ['3'] },
    sex: { male: ['1'], female: ['2'] },
  },
};

const errorOf = (json: unknown): MappingError => {
  try {
    readMappingFile(json);
  } catch (e) {
    if (e instanceof MappingError) return e;
    throw e;
  }
  throw new Error('readMappingFile accepted it');
};

describe('mapping files', () => {
  it('write format and version first, the entries in a fixed order, and the mapped columns’ labels', () => {
    const ds = buildDataset([
      ['w', 'weight'],
      ['age', 'age', 'Age in years'],
      ['status', 'lfs', 'ILO status'],
      ['sex', 'sex', 'Sex'],
    ]);
    const file = toMappingFile(draft, ds);
    expect(Object.keys(file)).toEqual([
      'format',
      'version',
      'homeCountry',
      'surveyYear',
      'design',
      'columns',
      'codes',
      'sdg',
      'dataset',
    ]);
    expect(file.dataset).toEqual({
      file: 'test.sav',
      rows: 60,
      labels: { age: 'Age in years', status: 'ILO status', sex: 'Sex' },
    });
  });

  it('read back to the same mapping, through JSON', () => {
    const file = toMappingFile(draft);
    expect(mappingOfFile(readMappingFile(JSON.parse(JSON.stringify(file))))).toEqual(draft);
  });

  it('are read by the engine (labmig stats tables) as they are', () => {
    expect(parseMapping(toMappingFile(draft)).columns.lfs).toBe('status');
  });

  it('read a mapping without format and version (the older CLI format) as version 1', () => {
    expect(readMappingFile(draft)).toMatchObject({
      format: 'labmig-mapping',
      version: 1,
      homeCountry: 'MYS',
    });
  });

  it.each([
    ['(root)', [], 'must be an object'],
    ['format', { format: 'ddi' }, 'is "ddi", not "labmig-mapping": this is not a labmig mapping'],
    [
      'version',
      { format: 'labmig-mapping', version: 2 },
      'is 2; this labmig reads version 1. Update labmig, or save the mapping again from this version.',
    ],
    ['version', { version: '1' }, 'must be 1'],
    ['dataset', { dataset: 'x.sav' }, 'must be an object'],
  ])('refuse %s: %j', (field, json, detail) => {
    const e = errorOf(json);
    expect(e.field).toBe(field);
    expect(e.message).toBe(`mapping: ${field} ${detail}`);
  });
});
