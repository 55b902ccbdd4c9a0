import type { LfStatus, MigrantCriterion, MigrationReason } from './person.types.ts';

/** Columns of the survey file, by concept. Only `age` and `lfs` (and the design's weight) are required. */
export interface MappingColumns {
  readonly age: string;
  readonly sex?: string;
  readonly lfs: string;
  readonly countryOfBirth?: string;
  readonly citizenship?: string;
  readonly usualResidenceCountry?: string;
  readonly presentInCountry?: string;
  readonly previousCountryOfResidence?: string;
  readonly yearOfArrival?: string;
  readonly reasonForMigration?: string;
  readonly education?: string;
  readonly isic?: string;
  readonly isco?: string;
  readonly statusInEmployment?: string;
  readonly workedAbroad?: string;
  readonly recruitmentCost?: string;
  readonly firstMonthEarnings?: string;
}

/** The survey design: which columns hold the weight, strata and primary sampling units. */
export interface MappingDesign {
  readonly weight: string;
  readonly strata?: string;
  readonly psu?: string;
  /** Single-PSU strata: `fail` (default, as R), `remove`, `adjust`, `certainty` or `average`. */
  readonly lonelyPsu?: 'fail' | 'remove' | 'adjust' | 'certainty' | 'average';
}

/** How the file's codes map to concepts: concept → list of codes (numbers are written as text, e.g. "41"). */
export interface MappingCodes {
  readonly sex?: { readonly male: readonly string[]; readonly female: readonly string[] };
  readonly lfs: Readonly<Record<LfStatus, readonly string[]>>;
  readonly reasonForMigration?: Readonly<Partial<Record<MigrationReason, readonly string[]>>>;
  /** Codes of status in employment that mean "employee" (wage or salary earner), for SDG 10.7.1. */
  readonly employee?: readonly string[];
  /** Education: output level (e.g. ISCED aggregate `basic`) → codes. Order is kept in tables. */
  readonly education?: Readonly<Record<string, readonly string[]>>;
  /** Codes of `presentInCountry` / `workedAbroad` that mean yes. */
  readonly yes?: readonly string[];
}

/** An age band, inclusive; `max: null` = open-ended. */
export interface AgeBand {
  readonly min: number;
  readonly max: number | null;
}

/** SDG 10.7.1 settings (domain brief §3). */
export interface MappingSdg {
  /** Look-back window: arrived in the survey year or the `windowYears − 1` years before (default 3). */
  readonly windowYears: number;
  /** Keep workers who paid nothing (ratio 0) in the summaries (default true). */
  readonly includeZeroCost: boolean;
  /** Which column gives the origin of the corridor origin → home country (default `citizenship`). */
  readonly corridorOrigin: 'citizenship' | 'countryOfBirth' | 'previousCountryOfResidence';
}

/** A validated variable mapping. */
export interface VariableMapping {
  /** ISO 3166-1 alpha-3 code of the country of measurement, e.g. `MYS`. */
  readonly homeCountry: string;
  readonly surveyYear: number;
  readonly minWorkingAge: number;
  readonly migrantCriterion: MigrantCriterion;
  readonly ageBands: readonly AgeBand[];
  /** ILOSTAT `source` code for the bulk CSV (e.g. `BA:1234`); default `NA`. */
  readonly source: string;
  readonly design: MappingDesign;
  readonly columns: MappingColumns;
  readonly codes: MappingCodes;
  /** Codes read as missing, per column field (`{ lfs: ['9'], age: ['999'] }`): "not applicable", "not stated". */
  readonly missing?: Readonly<Partial<Record<keyof MappingColumns, readonly string[]>>>;
  readonly sdg: MappingSdg;
}
