import type { ClassificationParams, CountryCode, Person, RuleResult } from './person.types.ts';

/** Yes/no answer of a flow or origin-side rule. */
export type YesNo = 'yes' | 'no';

/** Reason codes of {@link classifyForWorkMigrant}. */
export const FOR_WORK_REASONS = [
  'FWM_BELOW_WORKING_AGE',
  'FWM_ARRIVAL_UNKNOWN',
  'FWM_ARRIVED_OUTSIDE_PERIOD',
  'FWM_NOT_FROM_ABROAD',
  'FWM_PURPOSE_NOT_WORK',
  'FWM_ARRIVED_FOR_WORK',
] as const;

/**
 * For-work international migrant (a flow; domain brief §1.4 (c), **unverified wording**): of working age, arrived in
 * M within the reference period from a previous usual residence abroad, for the purpose of work or seeking work.
 *
 * @example
 * classifyForWorkMigrant({ ...p, ageYears: 30, yearOfArrival: 2023, previousUsualResidenceCountry: 'NPL',
 *   reasonForMigration: 'work' }, { ...params, M: 'MYS', refPeriod: { start: 2023, end: 2023 } });
 * // { status: 'yes', reason: 'FWM_ARRIVED_FOR_WORK' }
 */
export function classifyForWorkMigrant(p: Person, k: ClassificationParams): RuleResult<YesNo> {
  if (!(p.ageYears >= k.minWorkingAge)) return { status: 'no', reason: 'FWM_BELOW_WORKING_AGE' };
  if (p.yearOfArrival === null) return { status: 'no', reason: 'FWM_ARRIVAL_UNKNOWN' };
  if (p.yearOfArrival < k.refPeriod.start || p.yearOfArrival > k.refPeriod.end) {
    return { status: 'no', reason: 'FWM_ARRIVED_OUTSIDE_PERIOD' };
  }
  if (p.previousUsualResidenceCountry === null || p.previousUsualResidenceCountry === k.M) {
    return { status: 'no', reason: 'FWM_NOT_FROM_ABROAD' };
  }
  if (p.reasonForMigration !== 'work' && p.reasonForMigration !== 'seek_work') {
    return { status: 'no', reason: 'FWM_PURPOSE_NOT_WORK' };
  }
  return { status: 'yes', reason: 'FWM_ARRIVED_FOR_WORK' };
}

/** Reason codes of {@link classifyReturnMigrantWorker}. */
export const RETURN_REASONS = [
  'RET_NOT_USUAL_RESIDENT',
  'RET_WORKED_OR_SOUGHT_WORK_ABROAD',
  'RET_NO_WORK_ABROAD',
] as const;

/**
 * Return international migrant worker (domain brief §1.4 (d)): a current usual resident of M with an episode in
 * another country in which they were employed or unemployed, or which had work as its purpose. No condition on
 * citizenship, birthplace, current labour force status, or residence abroad.
 *
 * @example
 * classifyReturnMigrantWorker({ ...p, usualResidenceCountry: 'MYS',
 *   episodesAbroad: [{ country: 'QAT', lfStatusAbroad: 'employed', purposeWork: false }] }, params);
 * // { status: 'yes', reason: 'RET_WORKED_OR_SOUGHT_WORK_ABROAD' }
 */
export function classifyReturnMigrantWorker(p: Person, k: ClassificationParams): RuleResult<YesNo> {
  if (p.usualResidenceCountry !== k.M) return { status: 'no', reason: 'RET_NOT_USUAL_RESIDENT' };
  const worked = p.episodesAbroad.some(
    (e) =>
      e.country !== k.M &&
      (e.lfStatusAbroad === 'employed' || e.lfStatusAbroad === 'unemployed' || e.purposeWork),
  );
  return worked
    ? { status: 'yes', reason: 'RET_WORKED_OR_SOUGHT_WORK_ABROAD' }
    : { status: 'no', reason: 'RET_NO_WORK_ABROAD' };
}

/** Reason codes of {@link classifyNationalAbroad}. */
export const NATIONAL_ABROAD_REASONS = [
  'NAB_NOT_NATIONAL',
  'NAB_CITIZENSHIP_UNKNOWN',
  'NAB_RESIDENCE_UNKNOWN',
  'NAB_RESIDES_IN_ORIGIN',
  'NAB_BELOW_WORKING_AGE',
  'NAB_NATIONAL_RESIDING_ABROAD',
] as const;

/**
 * National abroad (domain brief §1.4 (e), ILMS): a working-age person whose country of origin (citizenship; for a
 * stateless person, the country of usual residence) is `origin` and whose usual residence is elsewhere.
 *
 * @example
 * classifyNationalAbroad({ ...p, citizenships: ['MYS'], usualResidenceCountry: 'SGP', ageYears: 40 }, 'MYS', 15);
 * // { status: 'yes', reason: 'NAB_NATIONAL_RESIDING_ABROAD' }
 */
export function classifyNationalAbroad(p: Person, origin: CountryCode, minAge: number): RuleResult<YesNo> {
  if (p.citizenships === null) return { status: 'no', reason: 'NAB_CITIZENSHIP_UNKNOWN' };
  const countryOfOrigin = p.citizenships.includes(origin)
    ? origin
    : p.citizenships.length === 0
      ? p.usualResidenceCountry
      : null;
  if (countryOfOrigin !== origin) return { status: 'no', reason: 'NAB_NOT_NATIONAL' };
  if (p.usualResidenceCountry === null) return { status: 'no', reason: 'NAB_RESIDENCE_UNKNOWN' };
  if (p.usualResidenceCountry === origin) return { status: 'no', reason: 'NAB_RESIDES_IN_ORIGIN' };
  if (!(p.ageYears >= minAge)) return { status: 'no', reason: 'NAB_BELOW_WORKING_AGE' };
  return { status: 'yes', reason: 'NAB_NATIONAL_RESIDING_ABROAD' };
}
