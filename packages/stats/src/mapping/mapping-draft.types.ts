import type { MappingColumns, MappingDesign, MappingSdg } from '../migration/mapping.types.ts';
import type { LfStatus, MigrantCriterion, MigrationReason } from '../migration/person.types.ts';

/** A key of `columns` in a mapping (`age`, `lfs`, `countryOfBirth`, …). */
export type ColumnField = keyof MappingColumns;

/**
 * A variable mapping as the wizard edits it: the JSON shape `parseMapping` and `labmig stats tables` read
 * (docs/migration.md), where every entry may still be missing. Codes are text (`"41"`), as in the file format.
 */
export interface MappingDraft {
  homeCountry?: string;
  surveyYear?: number;
  minWorkingAge?: number;
  migrantCriterion?: MigrantCriterion;
  /** `[min, max]` pairs; `max` null = open-ended. */
  ageBands?: [number, number | null][];
  source?: string;
  design?: { -readonly [K in keyof MappingDesign]?: MappingDesign[K] };
  columns?: { [K in ColumnField]?: string };
  codes?: {
    sex?: { male?: string[]; female?: string[] };
    lfs?: { [K in LfStatus]?: string[] };
    reasonForMigration?: { [K in MigrationReason]?: string[] };
    employee?: string[];
    education?: Record<string, string[]>;
    yes?: string[];
  };
  /** Codes to read as missing, per column field (e.g. `{ "lfs": ["9"], "age": ["999"] }`). */
  missing?: { [K in ColumnField]?: string[] };
  sdg?: { -readonly [K in keyof MappingSdg]?: MappingSdg[K] };
}

/** What a saved mapping remembers of the file it was made for, so that the next wave's file can be checked. */
export interface MappingDatasetInfo {
  /** File name. */
  file?: string;
  rows?: number;
  /** Variable label of each mapped column, when the file had one. */
  labels?: Record<string, string>;
}

/** A saved mapping (the file format, version 1): the mapping itself plus `format`, `version` and `dataset`. */
export interface MappingFile extends MappingDraft {
  format: 'labmig-mapping';
  version: 1;
  dataset?: MappingDatasetInfo;
}
