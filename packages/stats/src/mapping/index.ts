// Public API of this area (the Lab's mapping wizard and dataset page); re-exported from ../index.ts.
export type * from './mapping-draft.types.ts';
export type * from './mapping-issue.ts';
export { MAPPING_ROLES, SDG_FIELDS, ALWAYS_REQUIRED, migrantStatusFields } from './mapping-roles.ts';
export type { MappingRole, RoleInfo, RoleKind, RoleGroup } from './mapping-roles.ts';
export { normaliseName } from './name-rules.ts';
export { conceptOfCode, employeeCodes, EDUCATION_LEVELS } from './code-rules.ts';
export { profileColumn, type ColumnProfile, type ValueCount } from './column-profile.ts';
export {
  suggestMapping,
  suggestColumnCodes,
  type MappingSuggestion,
  type RoleSuggestion,
} from './suggest-mapping.ts';
export { isMissingLabel, type CodeSuggestion, type SuggestedCode } from './suggest-codes.ts';
export type { SettingSuggestion } from './suggest-settings.ts';
export { validateMapping, type ValidateMappingOptions } from './validate-mapping.ts';
export { AGE_RANGE } from './validate-columns.ts';
export {
  toMappingFile,
  readMappingFile,
  mappingOfFile,
  MAPPING_FORMAT,
  MAPPING_FILE_VERSION,
} from './mapping-file.ts';
export { checkMappingReuse, type ReuseReport } from './reuse-mapping.ts';
export {
  overviewDataset,
  type DatasetOverview,
  type VariableOverview,
  type OverviewOptions,
} from './dataset-overview.ts';
