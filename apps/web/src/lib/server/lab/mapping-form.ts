// The mapping form of a dataset page → the wizard's draft. The form is the wizard component itself, rendered on the
// server inside a POST form (its fields carry names), so it works without JavaScript; its edits are applied with the
// wizard's own functions (`mapping-edit.ts`), the same the in-browser Lab uses.
import { MAPPING_ROLES, type CodeSuggestion, type MappingDraft } from '@labmig/stats';
import { applyProposals, columnOf, listOf, setColumn, setMeaning } from '../../lab/mapping-edit';

/** Field names of the wizard's inputs. */
export const wizardField = {
  role: (field: string) => `role:${field}`,
  meaning: (field: string, code: string) => `code:${field}:${code}`,
} as const;

/**
 * Applies a submitted wizard form to the saved draft: settings, the column of each role, and the meaning of each
 * value of a coded role's column. A role whose column changed gets the new column's proposed codes (as the wizard
 * does in the browser); its submitted meanings, which belonged to the old column, are ignored.
 * @example draftFromForm({}, form, {}).columns?.age // the column chosen for age
 */
export function draftFromForm(
  saved: MappingDraft,
  form: FormData,
  codeTables: Readonly<Record<string, Readonly<Record<string, CodeSuggestion>>>>,
): MappingDraft {
  const draft = structuredClone(saved);
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v.trim() : null;
  };
  const home = text('homeCountry');
  if (home !== null) {
    if (home) draft.homeCountry = home.toUpperCase();
    else delete draft.homeCountry;
  }
  const year = text('surveyYear');
  if (year !== null) {
    if (year && Number.isFinite(Number(year))) draft.surveyYear = Number(year);
    else delete draft.surveyYear;
  }
  const criterion = text('migrantCriterion');
  if (criterion === 'birth' || criterion === 'citizenship' || criterion === 'either')
    draft.migrantCriterion = criterion;
  for (const role of MAPPING_ROLES) {
    const column = text(wizardField.role(role.field));
    if (column === null) continue;
    const before = columnOf(draft, role);
    setColumn(draft, role, column);
    if (!listOf(role)) continue;
    if (column !== before) {
      applyProposals(draft, role, column ? (codeTables[role.field]?.[column] ?? null) : null);
      continue;
    }
    const table = column ? codeTables[role.field]?.[column] : undefined;
    for (const v of table?.values ?? []) {
      const meaning = text(wizardField.meaning(role.field, v.code));
      if (meaning !== null) setMeaning(draft, role, v.code, meaning);
    }
  }
  return draft;
}
