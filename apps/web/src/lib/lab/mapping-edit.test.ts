// The wizard's edits, on the practice file: each edit changes the draft as the mapping format says, and the engine's
// check of the edited draft sees the change.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  MAPPING_ROLES,
  readDataBytes,
  suggestColumnCodes,
  suggestMapping,
  validateMapping,
  type MappingDraft,
  type RoleInfo,
} from '@labmig/stats';
import { describe, expect, it } from 'vitest';
import {
  applyProposals,
  columnOf,
  draftFromSaved,
  meaningOf,
  MISSING,
  setColumn,
  setMeaning,
} from './mapping-edit.ts';

const file = resolve(import.meta.dirname, '../../../../../content/data/lab/lfs_small.sav');
const ds = readDataBytes(new Uint8Array(readFileSync(file)), 'sav');
const role = (field: string) => MAPPING_ROLES.find((r) => r.field === field) as RoleInfo;
const suggested = () => structuredClone(suggestMapping(ds).mapping) as MappingDraft;
const errors = (d: MappingDraft) =>
  validateMapping(ds, d)
    .issues.filter((i) => i.severity === 'error')
    .map((i) => `${i.code} ${i.field}`);

describe('the wizard’s edits of a mapping draft', () => {
  it('start from a suggestion that can run', () => {
    const d = suggested();
    expect(columnOf(d, role('design.weight'))).toBe('weight');
    expect(columnOf(d, role('columns.lfs'))).toBe('lfs');
    expect(validateMapping(ds, d).canRun).toBe(true);
  });

  it('unsetting the weight stops the run, and setting it again lets it run', () => {
    const d = suggested();
    setColumn(d, role('design.weight'), '');
    expect(d.design).not.toHaveProperty('weight');
    expect(errors(d)).toContain('required_unset design.weight');
    setColumn(d, role('design.weight'), 'weight');
    expect(validateMapping(ds, d).canRun).toBe(true);
  });

  it('a value given another meaning moves from one concept to the other (never in two places)', () => {
    const d = suggested();
    const lfs = role('columns.lfs');
    const employed = d.codes?.lfs?.employed?.[0] as string;
    expect(meaningOf(d, lfs, employed)).toBe('employed');
    setMeaning(d, lfs, employed, 'unemployed');
    expect(meaningOf(d, lfs, employed)).toBe('unemployed');
    expect(d.codes?.lfs?.employed).toEqual([]);
    expect(d.codes?.lfs?.unemployed).toContain(employed);
    setMeaning(d, lfs, employed, MISSING);
    expect(meaningOf(d, lfs, employed)).toBe(MISSING);
    expect(d.missing?.lfs).toEqual([employed]);
    expect(d.codes?.lfs?.unemployed).not.toContain(employed);
    setMeaning(d, lfs, employed, '');
    expect(meaningOf(d, lfs, employed)).toBe('');
    expect(d.missing).not.toHaveProperty('lfs');
    // nobody is employed any more: the engine's check says the list is empty
    expect(validateMapping(ds, d).issues.map((i) => `${i.code} ${i.field}`)).toContain(
      'code_list_empty codes.lfs.employed',
    );
  });

  it('flat lists (employee codes) hold a value or not', () => {
    const d = suggested();
    const status = role('columns.statusInEmployment');
    const employee = d.codes?.employee?.[0] as string;
    expect(meaningOf(d, status, employee)).toBe('employee');
    setMeaning(d, status, employee, '');
    expect(d.codes?.employee).not.toContain(employee);
    setMeaning(d, status, employee, 'employee');
    expect(d.codes?.employee).toContain(employee);
  });

  it('a new column for a coded role takes its proposals from the column’s value labels', () => {
    const d = suggested();
    const sex = role('columns.sex');
    // the user points "sex" at the labour force status column: no value means male or female
    setColumn(d, sex, 'lfs');
    applyProposals(d, sex, suggestColumnCodes(ds, sex.field, 'lfs'));
    expect(d.codes?.sex).toEqual({});
    expect(errors(d)).toEqual(
      expect.arrayContaining(['required_unset codes.sex.male', 'required_unset codes.sex.female']),
    );
    setColumn(d, sex, 'sex');
    applyProposals(d, sex, suggestColumnCodes(ds, sex.field, 'sex'));
    expect(d.codes?.sex).toEqual(suggested().codes?.sex);
    expect(validateMapping(ds, d).canRun).toBe(true);
  });

  it('a saved mapping drops what the new file lacks and keeps the rest', () => {
    const saved = { format: 'labmig-mapping', version: 1, dataset: { file: 'x' }, ...suggested() };
    const d = draftFromSaved(saved, [{ field: 'columns.sex' }, { field: 'design.psu' }]);
    expect(d).not.toHaveProperty('format');
    expect(d).not.toHaveProperty('dataset');
    expect(d.columns).not.toHaveProperty('sex');
    expect(d.design).toEqual({ weight: 'weight', strata: 'stratum' });
    expect(saved.columns?.sex).toBe('sex'); // the saved file itself is left as it was
  });
});
