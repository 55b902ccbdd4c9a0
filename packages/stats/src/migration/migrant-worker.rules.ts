import { classifyInternationalMigrant } from './migrant.rules.ts';
import type { ClassificationParams, Person, RuleResult } from './person.types.ts';

/** Status under the international-migrant-worker rule: category (a), category (b), or neither. */
export type MigrantWorkerStatus = 'resident' | 'non_resident' | 'no';

/** Reason codes of {@link classifyMigrantWorker}. */
export const MIGRANT_WORKER_REASONS = [
  'IMW_BELOW_WORKING_AGE',
  'IMW_NOT_PRESENT',
  'IMW_EXCLUDED_CATEGORY',
  'IMW_RESIDENT_MIGRANT_IN_LF',
  'IMW_RESIDENT_MIGRANT_OUTSIDE_LF',
  'IMW_RESIDENT_MIGRANT_LF_UNKNOWN',
  'IMW_RESIDENT_NOT_MIGRANT',
  'IMW_RESIDENT_MIGRANT_STATUS_UNKNOWN',
  'IMW_NONRES_EMPLOYED_FOR_RESIDENT_UNIT',
  'IMW_NONRES_SEEKING_WORK_IN_M',
  'IMW_NONRES_CITIZEN_OF_M_UNVERIFIED',
  'IMW_NONRES_NO_LABOUR_ATTACHMENT',
] as const;

/**
 * International migrant worker, 20th ICLS (domain brief §1.4 (b)): a person of working age present in M who is
 * (a) a usual resident international migrant in the labour force, or (b) a non-resident with labour attachment to M
 * (employed for a resident producer unit, or unemployed and seeking work in M), whatever the initial purpose of
 * migration. Foreign military/diplomatic staff, tourists not working and remote service providers are excluded.
 *
 * Whether a non-resident *citizen* of M counts under (b) is not confirmed in the text (unverified): such persons are
 * classified `non_resident`, as the brief's rule does, with the distinct reason `IMW_NONRES_CITIZEN_OF_M_UNVERIFIED`
 * so that users can drop them.
 *
 * @example
 * classifyMigrantWorker({ ...residentMigrant, lfStatus: 'unemployed' }, params);
 * // { status: 'resident', reason: 'IMW_RESIDENT_MIGRANT_IN_LF' }
 */
export function classifyMigrantWorker(p: Person, k: ClassificationParams): RuleResult<MigrantWorkerStatus> {
  if (!(p.ageYears >= k.minWorkingAge)) return { status: 'no', reason: 'IMW_BELOW_WORKING_AGE' };
  if (!p.presentInM) return { status: 'no', reason: 'IMW_NOT_PRESENT' };
  if (p.excludedCategory !== null) return { status: 'no', reason: 'IMW_EXCLUDED_CATEGORY' };
  if (p.usualResidenceCountry === k.M) {
    const mig = classifyInternationalMigrant(p, k).status;
    if (mig === 'unknown') return { status: 'no', reason: 'IMW_RESIDENT_MIGRANT_STATUS_UNKNOWN' };
    if (mig !== 'migrant') return { status: 'no', reason: 'IMW_RESIDENT_NOT_MIGRANT' };
    if (p.lfStatus === 'employed' || p.lfStatus === 'unemployed') {
      return { status: 'resident', reason: 'IMW_RESIDENT_MIGRANT_IN_LF' };
    }
    return {
      status: 'no',
      reason: p.lfStatus === null ? 'IMW_RESIDENT_MIGRANT_LF_UNKNOWN' : 'IMW_RESIDENT_MIGRANT_OUTSIDE_LF',
    };
  }
  const employedHere = p.lfStatus === 'employed' && p.suppliesLabourToResidentUnitOfM;
  const seekingHere = p.lfStatus === 'unemployed' && p.seekingWorkInM;
  if (!employedHere && !seekingHere) return { status: 'no', reason: 'IMW_NONRES_NO_LABOUR_ATTACHMENT' };
  if (p.citizenships !== null && p.citizenships.includes(k.M)) {
    return { status: 'non_resident', reason: 'IMW_NONRES_CITIZEN_OF_M_UNVERIFIED' };
  }
  return {
    status: 'non_resident',
    reason: employedHere ? 'IMW_NONRES_EMPLOYED_FOR_RESIDENT_UNIT' : 'IMW_NONRES_SEEKING_WORK_IN_M',
  };
}
