/**
 * Inputs of the ICLS 2018 decision rules, one person at a time (domain brief §1.4).
 * Country codes are ISO 3166-1 alpha-3 (or M49) strings; `M` is the country of measurement.
 */

/** A country code (ISO 3166-1 alpha-3 or UN M49). */
export type CountryCode = string;

/** Labour force status in the short reference period (19th ICLS). */
export type LfStatus = 'employed' | 'unemployed' | 'outside_lf';

/** Reason for the latest migration to M. */
export type MigrationReason = 'work' | 'seek_work' | 'family' | 'study' | 'asylum' | 'other';

/** Groups the 20th ICLS Guidelines exclude from international migrant workers. */
export type ExcludedCategory = 'military_diplomatic' | 'tourist_not_working' | 'remote_service_provider';

/** A period abroad, used for return international migrant workers. */
export interface EpisodeAbroad {
  readonly country: CountryCode;
  readonly lfStatusAbroad: LfStatus | null;
  readonly purposeWork: boolean;
}

/** One person as the decision rules see them. `null` means unknown. */
export interface Person {
  readonly ageYears: number;
  readonly countryOfBirth: CountryCode | null;
  /** Citizenships held; `[]` = stateless; `null` = unknown (an extension of the brief's shape). */
  readonly citizenships: readonly CountryCode[] | null;
  readonly usualResidenceCountry: CountryCode | null;
  /** Physically present in M during the reference period. */
  readonly presentInM: boolean;
  readonly previousUsualResidenceCountry: CountryCode | null;
  readonly yearOfArrival: number | null;
  readonly reasonForMigration: MigrationReason | null;
  readonly lfStatus: LfStatus | null;
  /** Non-residents: employed and supplying labour to resident producer units of M. */
  readonly suppliesLabourToResidentUnitOfM: boolean;
  /** Non-residents: seeking employment in M. */
  readonly seekingWorkInM: boolean;
  readonly excludedCategory: ExcludedCategory | null;
  readonly episodesAbroad: readonly EpisodeAbroad[];
}

/** Which criterion makes a usual resident an international migrant. */
export type MigrantCriterion = 'birth' | 'citizenship' | 'either' | 'both';

/** Parameters of the decision rules. */
export interface ClassificationParams {
  /** Country of measurement (home country). */
  readonly M: CountryCode;
  readonly minWorkingAge: number;
  readonly migrantCriterion: MigrantCriterion;
  /** Reference period for flows, in calendar years (inclusive). */
  readonly refPeriod: { readonly start: number; readonly end: number };
}

/** A rule's answer: a status and a stable reason code for audit. */
export interface RuleResult<S extends string> {
  readonly status: S;
  readonly reason: string;
}
