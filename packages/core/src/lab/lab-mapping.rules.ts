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

/**
 * The draft without columns the dataset lacks (a role whose column is not in the file is unset); codes are kept.
 * @example keepKnownColumns({ columns: { age: 'age', sex: 'gender' } }, ['age']).columns // { age: 'age' }
 */
export function keepKnownColumns(draft: MappingDraft, columns: readonly string[]): MappingDraft {
  const next = structuredClone(draft);
  const known = new Set(columns);
  for (const role of MAPPING_ROLES) {
    const [group, key] = role.field.split('.') as ['design' | 'columns', string];
    const target = (next as Record<string, unknown>)[group] as Record<string, string> | undefined;
    if (target && target[key] !== undefined && !known.has(target[key])) delete target[key];
  }
  return next;
}
