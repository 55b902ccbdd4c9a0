import type { MigrationReason } from './person.types.ts';

/** What the SDG 10.7.1 eligibility rule needs about one person. */
export interface SdgCandidate {
  /** Status under the international-migrant rule (`icls_migrant`). */
  readonly migrant: string | null;
  readonly employee: boolean;
  readonly reasonForMigration: MigrationReason | null;
  readonly yearOfArrival: number | null;
  readonly cost: number;
  readonly earnings: number;
}

/** Parameters of {@link checkSdgEligibility}. */
export interface SdgEligibilityParams {
  readonly surveyYear: number;
  /** Arrived in the survey year or the `windowYears − 1` years before. */
  readonly windowYears: number;
  readonly includeZeroCost: boolean;
}

/** Reason codes of {@link checkSdgEligibility}, in the order the rule tests them. */
export const SDG_REASONS = [
  'SDG_NOT_MIGRANT',
  'SDG_NOT_EMPLOYEE',
  'SDG_NOT_MOVED_FOR_WORK',
  'SDG_ARRIVAL_OUTSIDE_WINDOW',
  'SDG_COST_MISSING',
  'SDG_EARNINGS_MISSING_OR_ZERO',
  'SDG_ZERO_COST_EXCLUDED',
  'SDG_ELIGIBLE',
] as const;
export type SdgReason = (typeof SDG_REASONS)[number];

/**
 * SDG 10.7.1 analysis population (domain brief §3.2, §9.7): an international migrant working as an employee (wage or
 * salary earner) who moved for work (or to seek work) and arrived within the recent window, with a known recruitment
 * cost and positive first-month earnings. Workers who paid nothing are kept unless `includeZeroCost` is false.
 * "First job in the last destination" is approximated by the latest arrival in the window (the LFS records no job
 * history).
 *
 * @example
 * checkSdgEligibility({ migrant: 'migrant', employee: true, reasonForMigration: 'work', yearOfArrival: 2023,
 *   cost: 0, earnings: 1500 }, { surveyYear: 2024, windowYears: 3, includeZeroCost: false });
 * // 'SDG_ZERO_COST_EXCLUDED'
 */
export function checkSdgEligibility(p: SdgCandidate, k: SdgEligibilityParams): SdgReason {
  if (p.migrant !== 'migrant') return 'SDG_NOT_MIGRANT';
  if (!p.employee) return 'SDG_NOT_EMPLOYEE';
  if (p.reasonForMigration !== 'work' && p.reasonForMigration !== 'seek_work')
    return 'SDG_NOT_MOVED_FOR_WORK';
  if (
    p.yearOfArrival === null ||
    p.yearOfArrival > k.surveyYear ||
    p.yearOfArrival <= k.surveyYear - k.windowYears
  ) {
    return 'SDG_ARRIVAL_OUTSIDE_WINDOW';
  }
  if (!(p.cost >= 0)) return 'SDG_COST_MISSING';
  if (!(p.earnings > 0)) return 'SDG_EARNINGS_MISSING_OR_ZERO';
  if (p.cost === 0 && !k.includeZeroCost) return 'SDG_ZERO_COST_EXCLUDED';
  return 'SDG_ELIGIBLE';
}
