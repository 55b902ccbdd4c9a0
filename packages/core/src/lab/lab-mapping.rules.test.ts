import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRepoRoot } from '../config/config.ts';
import { keepKnownColumns, readDraft, unsetRequired } from './lab-mapping.rules.ts';
import { LAB_ENGINE_VERSION } from './lab-version.ts';

describe('a mapping saved on the server', () => {
  it('names every required field left unset, by migrant criterion', () => {
    expect(unsetRequired(null)).toEqual([
      'homeCountry',
      'surveyYear',
      'design.weight',
      'columns.age',
      'columns.lfs',
      'columns.countryOfBirth',
    ]);
    expect(
      unsetRequired({
        homeCountry: 'MYS',
        surveyYear: 2024,
        migrantCriterion: 'either',
        design: { weight: 'w' },
        columns: { age: 'age', lfs: 'lfs', countryOfBirth: 'cob' },
      }),
    ).toEqual(['columns.citizenship']);
  });

  it('drops columns the file lacks and keeps the codes', () => {
    const draft = readDraft({
      homeCountry: 'MYS',
      design: { weight: 'weight', psu: 'cluster' },
      columns: { age: 'age', sex: 'gender' },
      codes: { sex: { male: ['1'], female: ['2'] } },
    });
    const kept = keepKnownColumns(draft, ['weight', 'age']);
    expect(kept.design).toEqual({ weight: 'weight' });
    expect(kept.columns).toEqual({ age: 'age' });
    expect(kept.codes).toEqual({ sex: { male: ['1'], female: ['2'] } });
    expect(draft.columns).toEqual({ age: 'age', sex: 'gender' }); // not changed in place
  });

  it('refuses what is not a labmig mapping', () => {
    expect(() => readDraft({ format: 'other' })).toThrow(/not a labmig mapping/);
    expect(() => readDraft([])).toThrow(/must be an object/);
  });

  it('records the engine version of the stats package', () => {
    const pkg = JSON.parse(readFileSync(join(findRepoRoot(), 'packages/stats/package.json'), 'utf8')) as {
      version: string;
    };
    expect(LAB_ENGINE_VERSION).toBe(`@labmig/stats ${pkg.version}`);
  });
});
