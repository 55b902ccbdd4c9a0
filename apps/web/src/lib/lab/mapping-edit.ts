// The wizard's edits of a mapping draft (the `labmig stats tables` mapping format, every entry optional): which
// column a role uses, and what each value of a coded column means. Pure functions on a plain draft, so the page can
// keep the draft in `$state` and the tests can check every edit without a browser.
import type { CodeSuggestion, MappingDraft, RoleInfo } from '@labmig/stats';

/** What a value of a coded column can mean, per code list (`codes.lfs` → `lfs`). */
export const LIST_CONCEPTS: Readonly<Record<string, readonly string[]>> = {
  sex: ['male', 'female'],
  lfs: ['employed', 'unemployed', 'outside_lf'],
  reasonForMigration: ['work', 'seek_work', 'family', 'study', 'asylum', 'other'],
  education: ['less_than_basic', 'basic', 'intermediate', 'advanced', 'not_stated'],
  employee: ['employee'],
  yes: ['yes'],
};

/** The meaning of a value read as missing (not a real answer). */
export const MISSING = 'missing';

/** Lists that are one flat list of codes (`codes.employee: ['41', …]`) rather than codes per concept. */
const FLAT = new Set(['employee', 'yes']);

type Lists = Record<string, string[] | Record<string, string[]>>;

/** The key of a role's code list (`codes.lfs` → `lfs`), or null for a role without codes. */
export function listOf(role: RoleInfo): string | null {
  return role.codes ? role.codes.slice('codes.'.length) : null;
}

/**
 * The column a role uses in the draft, or '' when none.
 *
 * @example
 * columnOf({ design: { weight: 'pw' } }, ROLE_WEIGHT); // 'pw'
 */
export function columnOf(draft: MappingDraft, role: RoleInfo): string {
  const [head, key] = role.field.split('.');
  const group = (head === 'design' ? draft.design : draft.columns) as Record<string, string> | undefined;
  return group?.[key] ?? '';
}

/** Sets (or, with '', removes) the column of a role. */
export function setColumn(draft: MappingDraft, role: RoleInfo, column: string): void {
  const [head, key] = role.field.split('.');
  const group = (head === 'design' ? (draft.design ??= {}) : (draft.columns ??= {})) as Record<
    string,
    string
  >;
  if (column) group[key] = column;
  else delete group[key];
}

/**
 * Replaces a role's code list and missing codes by what the column's code table proposes (after a change of
 * column). The "yes" list is shared by two roles: the proposals are added to it.
 */
export function applyProposals(draft: MappingDraft, role: RoleInfo, table: CodeSuggestion | null): void {
  const list = listOf(role);
  if (!list) return;
  const codes = (draft.codes ??= {}) as Lists;
  const values = table?.values ?? [];
  if (FLAT.has(list)) {
    const proposed = values.filter((v) => v.concept === list).map((v) => v.code);
    const kept = list === 'yes' ? ((codes.yes as string[] | undefined) ?? []) : [];
    codes[list] = [...new Set([...kept, ...proposed])];
  } else {
    const byConcept: Record<string, string[]> = {};
    for (const v of values) if (v.concept) (byConcept[v.concept] ??= []).push(v.code);
    codes[list] = byConcept;
  }
  const missing = (draft.missing ??= {}) as Record<string, string[]>;
  const asMissing = values.filter((v) => v.missing).map((v) => v.code);
  if (asMissing.length) missing[role.role] = asMissing;
  else delete missing[role.role];
}

/**
 * What a value of a role's column means in the draft: a concept of its list (`employed`), {@link MISSING}, or ''
 * when nothing maps it.
 */
export function meaningOf(draft: MappingDraft, role: RoleInfo, code: string): string {
  const list = listOf(role);
  if (!list) return '';
  if ((draft.missing as Record<string, string[]> | undefined)?.[role.role]?.includes(code)) return MISSING;
  const entry = (draft.codes as Lists | undefined)?.[list];
  if (Array.isArray(entry)) return entry.includes(code) ? list : '';
  for (const [concept, codes] of Object.entries(entry ?? {})) if (codes.includes(code)) return concept;
  return '';
}

/** Makes a value of a role's column mean `meaning` (a concept of its list, {@link MISSING}, or '' for nothing). */
export function setMeaning(draft: MappingDraft, role: RoleInfo, code: string, meaning: string): void {
  const list = listOf(role);
  if (!list) return;
  const codes = (draft.codes ??= {}) as Lists;
  const missing = (draft.missing ??= {}) as Record<string, string[]>;
  const without = (xs: string[] | undefined) => (xs ?? []).filter((c) => c !== code);
  // take the value out of every place it may be
  missing[role.role] = without(missing[role.role]);
  if (FLAT.has(list)) codes[list] = without(codes[list] as string[] | undefined);
  else {
    const byConcept = (codes[list] ??= {}) as Record<string, string[]>;
    for (const concept of Object.keys(byConcept)) byConcept[concept] = without(byConcept[concept]);
  }
  // then put it where it belongs
  if (meaning === MISSING) missing[role.role].push(code);
  else if (FLAT.has(list) && meaning === list) (codes[list] as string[]).push(code);
  else if (!FLAT.has(list) && meaning) ((codes[list] as Record<string, string[]>)[meaning] ??= []).push(code);
  if (missing[role.role].length === 0) delete missing[role.role];
}

/**
 * The draft a saved mapping file gives for this file: its entries without `format`, `version` and `dataset`, and
 * without the columns this file lacks (the wizard shows them as unset, the reuse report says what they were).
 */
export function draftFromSaved(
  saved: MappingDraft,
  missingColumns: readonly { field: string }[],
): MappingDraft {
  const {
    format: _format,
    version: _version,
    dataset: _dataset,
    ...draft
  } = structuredClone(saved) as MappingDraft & {
    format?: unknown;
    version?: unknown;
    dataset?: unknown;
  };
  for (const { field } of missingColumns) {
    const [head, key] = field.split('.');
    const group = (head === 'design' ? draft.design : draft.columns) as Record<string, string> | undefined;
    if (group) delete group[key];
  }
  return draft;
}
