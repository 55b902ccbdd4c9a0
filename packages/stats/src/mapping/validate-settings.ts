import { MappingError } from '../migration/mapping-error.ts';
import { parseMapping } from '../migration/mapping.parse.ts';
import type { MigrantCriterion } from '../migration/person.types.ts';
import type { IssueList } from './mapping-issue.ts';
import type { MappingDraft } from './mapping-draft.types.ts';
import { ALWAYS_REQUIRED, migrantStatusFields } from './mapping-roles.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at a dotted path of the draft (`design.weight`), or undefined. */
export function valueAt(draft: unknown, path: string): unknown {
  let v: unknown = draft;
  for (const key of path.split('.')) v = isObj(v) ? v[key] : undefined;
  return v;
}

const REQUIRED_CODES: Readonly<Record<string, readonly string[]>> = {
  lfs: ['employed', 'unemployed', 'outside_lf'],
  sex: ['male', 'female'],
  reasonForMigration: [],
  education: [],
};

/** Required entries that are unset, and code lists a mapped coded column needs. */
function checkRequired(draft: unknown, criterion: MigrantCriterion, list: IssueList): void {
  for (const field of [...ALWAYS_REQUIRED, ...migrantStatusFields(criterion)]) {
    const v = valueAt(draft, field);
    if (v === undefined || v === null || v === '')
      list.add({ code: 'required_unset', severity: 'error', field, count: 1 });
  }
  for (const [key, concepts] of Object.entries(REQUIRED_CODES)) {
    if (valueAt(draft, `columns.${key}`) === undefined) continue;
    const codes = valueAt(draft, `codes.${key}`);
    if (!isObj(codes)) {
      list.add({ code: 'required_unset', severity: 'error', field: `codes.${key}`, count: 1 });
      continue;
    }
    for (const c of concepts) {
      const field = `codes.${key}.${c}`;
      const v = codes[c];
      if (!Array.isArray(v)) list.add({ code: 'required_unset', severity: 'error', field, count: 1 });
      else if (v.length === 0) list.add({ code: 'code_list_empty', severity: 'warning', field, count: 0 });
    }
  }
}

/** Deletes the entry a MappingError names (the deepest key of its path that exists). */
function dropField(copy: Obj, field: string): boolean {
  const keys = field.replace(/\[\d+\]/g, '').split('.');
  for (let depth = keys.length; depth > 0; depth--) {
    const holder = depth === 1 ? copy : valueAt(copy, keys.slice(0, depth - 1).join('.'));
    const key = keys[depth - 1];
    if (isObj(holder) && key in holder) {
      delete holder[key];
      return true;
    }
  }
  return false;
}

const unset = (v: unknown) => v === undefined || v === null || v === '';

function objectAt(o: Obj, key: string): Obj {
  const v = o[key];
  return isObj(v) ? v : (o[key] = {});
}

/** Fills what `checkRequired` already reported, so that parseMapping goes on to the other settings. */
function fillRequired(copy: Obj): Obj {
  if (unset(copy.homeCountry)) copy.homeCountry = 'AAA';
  if (unset(copy.surveyYear)) copy.surveyYear = 2000;
  const design = objectAt(copy, 'design');
  if (unset(design.weight)) design.weight = 'weight';
  const columns = objectAt(copy, 'columns');
  if (unset(columns.age)) columns.age = 'age';
  if (unset(columns.lfs)) columns.lfs = 'lfs';
  const codes = objectAt(copy, 'codes');
  for (const [key, concepts] of Object.entries(REQUIRED_CODES)) {
    if (columns[key] === undefined) continue;
    const c = objectAt(codes, key);
    for (const k of concepts) if (!Array.isArray(c[k])) c[k] = [];
  }
  return copy;
}

/**
 * Checks the settings and the shape of a draft: required entries (`required_unset`, naming each), then every other
 * entry through the engine's own `parseMapping` (`setting_invalid`, with the engine's text), so that what passes
 * here is what `labmig stats tables` accepts.
 */
export function checkSettings(draft: MappingDraft | unknown, list: IssueList): void {
  if (!isObj(draft)) {
    list.add({
      code: 'setting_invalid',
      severity: 'error',
      field: '(root)',
      count: 1,
      params: { detail: 'must be an object' },
    });
    return;
  }
  const criterion =
    (['birth', 'citizenship', 'either', 'both'] as const).find((c) => c === draft.migrantCriterion) ??
    'birth';
  checkRequired(draft, criterion, list);
  const copy = fillRequired(structuredClone(draft) as Obj);
  const seen = new Set<string>();
  for (let tries = 0; tries < 50; tries++) {
    try {
      parseMapping(copy);
      return;
    } catch (e) {
      if (!(e instanceof MappingError)) throw e;
      const detail = e.message.slice(`mapping: ${e.field} `.length);
      if (!list.hasError(e.field) && !seen.has(e.field))
        list.add({
          code: 'setting_invalid',
          severity: 'error',
          field: e.field,
          count: 1,
          params: { detail },
        });
      seen.add(e.field);
      if (!dropField(copy, e.field)) return;
      fillRequired(copy);
    }
  }
}
