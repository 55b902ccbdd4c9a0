import { describe, expect, it } from 'vitest';
import type { CodeSuggestion, MappingDraft } from '@labmig/stats';
import { draftFromForm, wizardField } from './mapping-form';

const lfsCodes: CodeSuggestion = {
  list: 'codes.lfs',
  field: 'columns.lfs',
  column: 'status',
  complete: true,
  values: [
    { code: '1', label: 'Employed', count: 10, concept: 'employed', missing: false },
    { code: '2', label: 'Unemployed', count: 3, concept: 'unemployed', missing: false },
    { code: '9', label: 'No answer', count: 1, concept: null, missing: true },
  ],
};

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

describe('the mapping form of a dataset page', () => {
  const saved: MappingDraft = {
    homeCountry: 'MYS',
    surveyYear: 2024,
    design: { weight: 'w' },
    columns: { lfs: 'status', age: 'age' },
    codes: { lfs: { employed: ['1'], unemployed: ['2'] } },
  };

  it('applies settings, columns and meanings as the wizard does', () => {
    const draft = draftFromForm(
      saved,
      form({
        homeCountry: 'sen',
        surveyYear: '2025',
        migrantCriterion: 'either',
        [wizardField.role('design.weight')]: '',
        [wizardField.role('columns.lfs')]: 'status',
        [wizardField.meaning('columns.lfs', '1')]: 'employed',
        [wizardField.meaning('columns.lfs', '2')]: 'outside_lf',
        [wizardField.meaning('columns.lfs', '9')]: 'missing',
      }),
      { 'columns.lfs': { status: lfsCodes } },
    );
    expect(draft.homeCountry).toBe('SEN');
    expect(draft.surveyYear).toBe(2025);
    expect(draft.migrantCriterion).toBe('either');
    expect(draft.design).toEqual({});
    expect(draft.codes?.lfs).toEqual({ employed: ['1'], unemployed: [], outside_lf: ['2'] });
    expect(draft.missing).toEqual({ lfs: ['9'] });
    expect(saved.codes?.lfs).toEqual({ employed: ['1'], unemployed: ['2'] }); // the saved draft is untouched
  });

  it('gives a new column the codes its table proposes, not the old column’s meanings', () => {
    const draft = draftFromForm(
      { ...saved, columns: { lfs: 'other' } },
      form({
        [wizardField.role('columns.lfs')]: 'status',
        [wizardField.meaning('columns.lfs', '1')]: 'unemployed',
      }),
      { 'columns.lfs': { status: lfsCodes } },
    );
    expect(draft.columns?.lfs).toBe('status');
    expect(draft.codes?.lfs).toEqual({ employed: ['1'], unemployed: ['2'] });
    expect(draft.missing).toEqual({ lfs: ['9'] });
  });

  it('leaves what the form does not carry', () => {
    expect(draftFromForm(saved, form({}), {})).toEqual(saved);
  });
});
