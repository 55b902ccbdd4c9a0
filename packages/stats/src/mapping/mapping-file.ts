import type { Dataset } from '../dataset/dataset.types.ts';
import { MappingError } from '../migration/mapping-error.ts';
import type { MappingDatasetInfo, MappingDraft, MappingFile } from './mapping-draft.types.ts';
import { MAPPING_ROLES } from './mapping-roles.ts';
import { valueAt } from './validate-settings.ts';

/** The format name and version written by {@link toMappingFile}. */
export const MAPPING_FORMAT = 'labmig-mapping';
export const MAPPING_FILE_VERSION = 1;

const KEYS: readonly (keyof MappingDraft)[] = [
  'homeCountry',
  'surveyYear',
  'minWorkingAge',
  'migrantCriterion',
  'ageBands',
  'source',
  'design',
  'columns',
  'codes',
  'missing',
  'sdg',
];

/**
 * A mapping as a file to save and reuse: `format`, `version` (1), the mapping entries in a fixed order, and what the
 * file it was made for looked like (name, rows, the labels of the mapped columns) so that the next wave's file can be
 * checked with {@link checkMappingReuse}. `labmig stats tables --mapping` reads the same file.
 *
 * @example
 * toMappingFile({ homeCountry: 'MYS', surveyYear: 2024 }, ds);
 * // { format: 'labmig-mapping', version: 1, homeCountry: 'MYS', surveyYear: 2024, dataset: { file: 'lfs_small.sav', rows: 21473 } }
 */
export function toMappingFile(draft: MappingDraft, ds?: Dataset): MappingFile {
  const out: MappingFile = { format: MAPPING_FORMAT, version: MAPPING_FILE_VERSION };
  const source = draft as Record<string, unknown>;
  for (const key of KEYS)
    if (source[key] !== undefined)
      (out as unknown as Record<string, unknown>)[key] = structuredClone(source[key]);
  if (ds) {
    const dataset: MappingDatasetInfo = { ...(ds.source ? { file: ds.source } : {}), rows: ds.nrows };
    const labels: Record<string, string> = {};
    for (const role of MAPPING_ROLES) {
      const column = valueAt(draft, role.field);
      if (typeof column !== 'string' || !ds.has(column)) continue;
      const label = ds.column(column).label;
      if (label) labels[column] = label;
    }
    if (Object.keys(labels).length) dataset.labels = labels;
    out.dataset = dataset;
  }
  return out;
}

const fail = (field: string, detail: string): never => {
  throw new MappingError('mapping.invalid', field, detail);
};

/**
 * Reads a saved mapping: a version-1 file, or a mapping without `format`/`version` (the format `labmig stats tables`
 * has always read), taken as version 1. The entries themselves are checked by {@link validateMapping} against the
 * data, or by `parseMapping`.
 *
 * @throws MappingError (`mapping.invalid`) for a value that is not a mapping, another format, or a newer version.
 * @example
 * readMappingFile({ format: 'labmig-mapping', version: 2 });
 * // throws MappingError: mapping: version is 2; this labmig reads version 1. Update labmig, or save the mapping again from this version.
 */
export function readMappingFile(json: unknown): MappingFile {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return fail('(root)', 'must be an object');
  const o = json as Record<string, unknown>;
  if (o.format !== undefined && o.format !== MAPPING_FORMAT)
    fail('format', `is "${String(o.format)}", not "${MAPPING_FORMAT}": this is not a labmig mapping`);
  if (o.version !== undefined && o.version !== MAPPING_FILE_VERSION) {
    const newer = typeof o.version === 'number' && o.version > MAPPING_FILE_VERSION;
    fail(
      'version',
      newer
        ? `is ${o.version}; this labmig reads version ${MAPPING_FILE_VERSION}. Update labmig, or save the mapping again from this version.`
        : `must be ${MAPPING_FILE_VERSION}`,
    );
  }
  if (
    o.dataset !== undefined &&
    (typeof o.dataset !== 'object' || o.dataset === null || Array.isArray(o.dataset))
  )
    fail('dataset', 'must be an object');
  return {
    ...(structuredClone(o) as unknown as MappingFile),
    format: MAPPING_FORMAT,
    version: MAPPING_FILE_VERSION,
  };
}

/**
 * The mapping entries of a file (without `format`, `version` and `dataset`).
 *
 * @example
 * mappingOfFile({ format: 'labmig-mapping', version: 1, homeCountry: 'MYS' }); // { homeCountry: 'MYS' }
 */
export function mappingOfFile(file: MappingFile): MappingDraft {
  const { format: _format, version: _version, dataset: _dataset, ...draft } = file;
  return draft;
}
