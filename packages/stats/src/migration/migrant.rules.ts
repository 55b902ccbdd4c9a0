import type { ClassificationParams, CountryCode, Person, RuleResult } from './person.types.ts';

/** Status of a person under the international-migrant (stock) rule. */
export type MigrantStatus = 'migrant' | 'non_migrant' | 'unknown' | 'not_resident';

/** Reason codes of {@link classifyInternationalMigrant}. */
export const MIGRANT_REASONS = [
  'MIG_NOT_USUAL_RESIDENT',
  'MIG_BIRTH_UNKNOWN',
  'MIG_FOREIGN_BORN',
  'MIG_NATIVE_BORN',
  'MIG_CITIZENSHIP_UNKNOWN',
  'MIG_FOREIGN_CITIZEN',
  'MIG_STATELESS',
  'MIG_CITIZEN',
  'MIG_FOREIGN_BORN_AND_FOREIGN_CITIZEN',
  'MIG_NOT_BOTH_FOREIGN',
] as const;

/** True when the country of birth is known and is not M. */
export function isForeignBorn(p: Person, M: CountryCode): boolean {
  return p.countryOfBirth !== null && p.countryOfBirth !== M;
}

/** True when the person does not hold M's citizenship (stateless counts as foreign); false when unknown. */
export function isForeignCitizen(p: Person, M: CountryCode): boolean {
  return p.citizenships !== null && !p.citizenships.includes(M);
}

function citizenshipReason(p: Person, M: CountryCode): string {
  if (p.citizenships === null) return 'MIG_CITIZENSHIP_UNKNOWN';
  if (p.citizenships.length === 0) return 'MIG_STATELESS';
  return p.citizenships.includes(M) ? 'MIG_CITIZEN' : 'MIG_FOREIGN_CITIZEN';
}

/**
 * International migrant (stock of usual residents), 20th ICLS / ILMS: a usual resident of M who is foreign-born
 * and/or a foreign citizen, under the declared criterion (domain brief §1.4 (a)).
 *
 * @param p - the person.
 * @param k - `M` and `migrantCriterion` are used.
 * @returns status and reason code. Under `birth`, an unknown birthplace gives `unknown`; under `either`, an unknown
 *   birthplace counts as not foreign-born (as in the brief); an unknown citizenship (`null`) gives `unknown` under
 *   `citizenship`.
 * @example
 * classifyInternationalMigrant(
 *   { ...person, usualResidenceCountry: 'MYS', countryOfBirth: 'NPL', citizenships: ['MYS'] },
 *   { ...params, M: 'MYS', migrantCriterion: 'birth' },
 * ); // { status: 'migrant', reason: 'MIG_FOREIGN_BORN' }
 */
export function classifyInternationalMigrant(p: Person, k: ClassificationParams): RuleResult<MigrantStatus> {
  const M = k.M;
  if (p.usualResidenceCountry !== M) return { status: 'not_resident', reason: 'MIG_NOT_USUAL_RESIDENT' };
  switch (k.migrantCriterion) {
    case 'birth':
      if (p.countryOfBirth === null) return { status: 'unknown', reason: 'MIG_BIRTH_UNKNOWN' };
      return isForeignBorn(p, M)
        ? { status: 'migrant', reason: 'MIG_FOREIGN_BORN' }
        : { status: 'non_migrant', reason: 'MIG_NATIVE_BORN' };
    case 'citizenship': {
      const reason = citizenshipReason(p, M);
      if (reason === 'MIG_CITIZENSHIP_UNKNOWN') return { status: 'unknown', reason };
      return { status: reason === 'MIG_CITIZEN' ? 'non_migrant' : 'migrant', reason };
    }
    case 'either':
      if (isForeignBorn(p, M)) return { status: 'migrant', reason: 'MIG_FOREIGN_BORN' };
      if (isForeignCitizen(p, M)) return { status: 'migrant', reason: citizenshipReason(p, M) };
      if (p.citizenships === null) return { status: 'unknown', reason: 'MIG_CITIZENSHIP_UNKNOWN' };
      return {
        status: 'non_migrant',
        reason: p.countryOfBirth === null ? 'MIG_BIRTH_UNKNOWN' : 'MIG_CITIZEN',
      };
    case 'both':
      if (isForeignBorn(p, M) && isForeignCitizen(p, M)) {
        return { status: 'migrant', reason: 'MIG_FOREIGN_BORN_AND_FOREIGN_CITIZEN' };
      }
      return { status: 'non_migrant', reason: 'MIG_NOT_BOTH_FOREIGN' };
  }
}
