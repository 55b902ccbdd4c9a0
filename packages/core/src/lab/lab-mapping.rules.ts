// Pure rules of a mapping saved on the server: what is left unset, and the wizard's per-role edits applied to it.
import {
  ALWAYS_REQUIRED,
  MAPPING_ROLES,
  mappingOfFile,
  migrantStatusFields,
  readMappingFile,
  type MappingDraft,
} from '@labmig/stats';

const valueAt = (o: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (x, k) => (x && typeof x === 'object' ? (x as Record<string, unknown>)[k] : undefined),
      o,
    );

/**
 * The required fields a mapping leaves unset (the run refuses to start and names them): home country, survey year,
 * weight, age, labour force status, and what the migrant criterion needs.
 * @example unsetRequired({ homeCountry: 'MYS', surveyYear: 2024, migrantCriterion: 'birth' }) // ['design.weight', 'columns.age', 'columns.lfs', 'columns.countryOfBirth']
 */
export function unsetRequired(mapping: MappingDraft | null): string[] {
  const criterion = mapping?.migrantCriterion ?? 'birth';
  const needed = [...ALWAYS_REQUIRED, ...migrantStatusFields(criterion)];
  return needed.filter((f) => {
    const v = valueAt(mapping, f);
    return v === undefined || v === null || v === '';
  });
}

/** Reads a mapping (a saved file of the wizard, or a plain mapping) as a draft; throws the engine's MappingError. */
export function readDraft(json: unknown): MappingDraft {
  return mappingOfFile(readMappingFile(json));
}

/** The form's edits of a mapping: a column (or none) per role, and the settings. */
export interface MappingEdits {
  readonly homeCountry?: string;
  readonly surveyYear?: number;
  readonly migrantCriterion?: 'birth' | 'citizenship' | 'either';
  /** Role field (`design.weight`, `columns.age`) → column name, '' to unset. */
  readonly roles: Readonly<Record<string, string>>;
}

/**
 * Applies the form's edits to a draft: only known role fields, only columns of the dataset; codes are kept.
 * @example applyEdits({ columns: { age: 'age' } }, { roles: { 'columns.age': '' } }, ['age']).columns // {}
 */
export function applyEdits(
  draft: MappingDraft,
  edits: MappingEdits,
  columns: readonly string[],
): MappingDraft {
  const next = structuredClone(draft);
  if (edits.homeCountry !== undefined) next.homeCountry = edits.homeCountry;
  if (edits.surveyYear !== undefined) next.surveyYear = edits.surveyYear;
  if (edits.migrantCriterion !== undefined) next.migrantCriterion = edits.migrantCriterion;
  const known = new Set(columns);
  for (const role of MAPPING_ROLES) {
    if (!Object.hasOwn(edits.roles, role.field)) continue;
    const column = edits.roles[role.field];
    const [group, key] = role.field.split('.') as ['design' | 'columns', string];
    const target = ((next as Record<string, unknown>)[group] ??= {}) as Record<string, string>;
    if (column && known.has(column)) target[key] = column;
    else delete target[key];
  }
  return next;
}
