import { describe, expect, it } from 'vitest';
import {
  classifyForWorkMigrant,
  classifyNationalAbroad,
  classifyReturnMigrantWorker,
} from './flows.rules.ts';
import { classifyMigrantWorker } from './migrant-worker.rules.ts';
import { classifyInternationalMigrant } from './migrant.rules.ts';
import type { ClassificationParams, MigrantCriterion, Person } from './person.types.ts';

const base: Person = {
  ageYears: 30,
  countryOfBirth: 'MYS',
  citizenships: ['MYS'],
  usualResidenceCountry: 'MYS',
  presentInM: true,
  previousUsualResidenceCountry: null,
  yearOfArrival: null,
  reasonForMigration: null,
  lfStatus: 'employed',
  suppliesLabourToResidentUnitOfM: false,
  seekingWorkInM: false,
  excludedCategory: null,
  episodesAbroad: [],
};
const params = (criterion: MigrantCriterion = 'birth'): ClassificationParams => ({
  M: 'MYS',
  minWorkingAge: 15,
  migrantCriterion: criterion,
  refPeriod: { start: 2024, end: 2024 },
});
const person = (over: Partial<Person>): Person => ({ ...base, ...over });

describe('classifyInternationalMigrant', () => {
  // [case, person, criterion, status, reason] — from the brief §1.4 (a)
  const cases: [string, Partial<Person>, MigrantCriterion, string, string][] = [
    ['native-born citizen', {}, 'birth', 'non_migrant', 'MIG_NATIVE_BORN'],
    [
      'foreign-born citizen (naturalised), birth',
      { countryOfBirth: 'IDN' },
      'birth',
      'migrant',
      'MIG_FOREIGN_BORN',
    ],
    [
      'foreign-born citizen, citizenship',
      { countryOfBirth: 'IDN' },
      'citizenship',
      'non_migrant',
      'MIG_CITIZEN',
    ],
    [
      'native-born foreigner, citizenship',
      { citizenships: ['SGP'] },
      'citizenship',
      'migrant',
      'MIG_FOREIGN_CITIZEN',
    ],
    ['native-born foreigner, birth', { citizenships: ['SGP'] }, 'birth', 'non_migrant', 'MIG_NATIVE_BORN'],
    ['stateless counts as foreign citizen', { citizenships: [] }, 'citizenship', 'migrant', 'MIG_STATELESS'],
    ['unknown birthplace under birth', { countryOfBirth: null }, 'birth', 'unknown', 'MIG_BIRTH_UNKNOWN'],
    [
      'unknown birthplace under either is decided by citizenship',
      { countryOfBirth: null, citizenships: ['NPL'] },
      'either',
      'migrant',
      'MIG_FOREIGN_CITIZEN',
    ],
    ['either: foreign-born citizen', { countryOfBirth: 'IDN' }, 'either', 'migrant', 'MIG_FOREIGN_BORN'],
    [
      'both: foreign-born citizen is not a migrant',
      { countryOfBirth: 'IDN' },
      'both',
      'non_migrant',
      'MIG_NOT_BOTH_FOREIGN',
    ],
    [
      'both: foreign-born foreigner',
      { countryOfBirth: 'IDN', citizenships: ['IDN'] },
      'both',
      'migrant',
      'MIG_FOREIGN_BORN_AND_FOREIGN_CITIZEN',
    ],
    [
      'dual citizen holding M is a citizen',
      { citizenships: ['IDN', 'MYS'] },
      'citizenship',
      'non_migrant',
      'MIG_CITIZEN',
    ],
    [
      'not a usual resident is out of the stock',
      { countryOfBirth: 'IDN', usualResidenceCountry: 'IDN' },
      'birth',
      'not_resident',
      'MIG_NOT_USUAL_RESIDENT',
    ],
  ];
  it.each(cases)('%s', (_name, over, criterion, status, reason) => {
    expect(classifyInternationalMigrant(person(over), params(criterion))).toEqual({ status, reason });
  });
});

describe('classifyMigrantWorker', () => {
  const nonRes = { usualResidenceCountry: 'IDN', countryOfBirth: 'IDN', citizenships: ['IDN'] };
  const cases: [string, Partial<Person>, string, string][] = [
    ['resident foreign-born employed', { countryOfBirth: 'NPL' }, 'resident', 'IMW_RESIDENT_MIGRANT_IN_LF'],
    [
      'resident foreign-born unemployed',
      { countryOfBirth: 'NPL', lfStatus: 'unemployed' },
      'resident',
      'IMW_RESIDENT_MIGRANT_IN_LF',
    ],
    [
      'resident foreign-born outside the labour force',
      { countryOfBirth: 'NPL', lfStatus: 'outside_lf' },
      'no',
      'IMW_RESIDENT_MIGRANT_OUTSIDE_LF',
    ],
    ['resident native-born employed', {}, 'no', 'IMW_RESIDENT_NOT_MIGRANT'],
    [
      'came for family, now employed: still a migrant worker',
      { countryOfBirth: 'NPL', reasonForMigration: 'family' },
      'resident',
      'IMW_RESIDENT_MIGRANT_IN_LF',
    ],
    ['below working age', { countryOfBirth: 'NPL', ageYears: 14 }, 'no', 'IMW_BELOW_WORKING_AGE'],
    ['not present in M', { countryOfBirth: 'NPL', presentInM: false }, 'no', 'IMW_NOT_PRESENT'],
    [
      'foreign diplomat excluded',
      { ...nonRes, excludedCategory: 'military_diplomatic', suppliesLabourToResidentUnitOfM: true },
      'no',
      'IMW_EXCLUDED_CATEGORY',
    ],
    [
      'non-resident working for a resident unit (frontier worker)',
      { ...nonRes, suppliesLabourToResidentUnitOfM: true },
      'non_resident',
      'IMW_NONRES_EMPLOYED_FOR_RESIDENT_UNIT',
    ],
    [
      'non-resident seeking work in M',
      { ...nonRes, lfStatus: 'unemployed', seekingWorkInM: true },
      'non_resident',
      'IMW_NONRES_SEEKING_WORK_IN_M',
    ],
    ['non-resident employed by a foreign unit', { ...nonRes }, 'no', 'IMW_NONRES_NO_LABOUR_ATTACHMENT'],
    [
      'non-resident citizen of M: unverified',
      { usualResidenceCountry: 'SGP', suppliesLabourToResidentUnitOfM: true },
      'non_resident',
      'IMW_NONRES_CITIZEN_OF_M_UNVERIFIED',
    ],
  ];
  it.each(cases)('%s', (_name, over, status, reason) => {
    expect(classifyMigrantWorker(person(over), params())).toEqual({ status, reason });
  });
});

describe('classifyForWorkMigrant', () => {
  const mover = {
    yearOfArrival: 2024,
    previousUsualResidenceCountry: 'NPL',
    reasonForMigration: 'work' as const,
  };
  const cases: [string, Partial<Person>, string, string][] = [
    ['arrived in the period to work', mover, 'yes', 'FWM_ARRIVED_FOR_WORK'],
    [
      'arrived to seek work, now outside the labour force',
      { ...mover, reasonForMigration: 'seek_work', lfStatus: 'outside_lf' },
      'yes',
      'FWM_ARRIVED_FOR_WORK',
    ],
    ['arrived for family', { ...mover, reasonForMigration: 'family' }, 'no', 'FWM_PURPOSE_NOT_WORK'],
    ['arrived before the period', { ...mover, yearOfArrival: 2019 }, 'no', 'FWM_ARRIVED_OUTSIDE_PERIOD'],
    ['year of arrival unknown', { ...mover, yearOfArrival: null }, 'no', 'FWM_ARRIVAL_UNKNOWN'],
    [
      'previous residence in M',
      { ...mover, previousUsualResidenceCountry: 'MYS' },
      'no',
      'FWM_NOT_FROM_ABROAD',
    ],
    ['child', { ...mover, ageYears: 10 }, 'no', 'FWM_BELOW_WORKING_AGE'],
  ];
  it.each(cases)('%s', (_name, over, status, reason) => {
    expect(classifyForWorkMigrant(person(over), params())).toEqual({ status, reason });
  });
});

describe('classifyReturnMigrantWorker', () => {
  const ep = (o: object) => ({
    country: 'QAT',
    lfStatusAbroad: 'outside_lf' as const,
    purposeWork: false,
    ...o,
  });
  const cases: [string, Partial<Person>, string, string][] = [
    [
      'worked abroad, now outside the labour force',
      { lfStatus: 'outside_lf', episodesAbroad: [ep({ lfStatusAbroad: 'employed' })] },
      'yes',
      'RET_WORKED_OR_SOUGHT_WORK_ABROAD',
    ],
    [
      'sought work abroad',
      { episodesAbroad: [ep({ lfStatusAbroad: 'unemployed' })] },
      'yes',
      'RET_WORKED_OR_SOUGHT_WORK_ABROAD',
    ],
    [
      'brief trip to look for work (Lao pilot rule)',
      { episodesAbroad: [ep({ lfStatusAbroad: null, purposeWork: true })] },
      'yes',
      'RET_WORKED_OR_SOUGHT_WORK_ABROAD',
    ],
    [
      'foreign-born resident who worked in a third country',
      { countryOfBirth: 'IDN', citizenships: ['IDN'], episodesAbroad: [ep({ lfStatusAbroad: 'employed' })] },
      'yes',
      'RET_WORKED_OR_SOUGHT_WORK_ABROAD',
    ],
    ['studied abroad only', { episodesAbroad: [ep({})] }, 'no', 'RET_NO_WORK_ABROAD'],
    [
      'still abroad',
      { usualResidenceCountry: 'QAT', episodesAbroad: [ep({ lfStatusAbroad: 'employed' })] },
      'no',
      'RET_NOT_USUAL_RESIDENT',
    ],
  ];
  it.each(cases)('%s', (_name, over, status, reason) => {
    expect(classifyReturnMigrantWorker(person(over), params())).toEqual({ status, reason });
  });
});

describe('classifyNationalAbroad', () => {
  const cases: [string, Partial<Person>, string, string][] = [
    ['citizen living in Singapore', { usualResidenceCountry: 'SGP' }, 'yes', 'NAB_NATIONAL_RESIDING_ABROAD'],
    ['citizen at home', {}, 'no', 'NAB_RESIDES_IN_ORIGIN'],
    [
      'foreign citizen abroad',
      { citizenships: ['IDN'], usualResidenceCountry: 'SGP' },
      'no',
      'NAB_NOT_NATIONAL',
    ],
    [
      'stateless person: origin is the residence country',
      { citizenships: [], usualResidenceCountry: 'SGP' },
      'no',
      'NAB_NOT_NATIONAL',
    ],
    ['child citizen abroad', { usualResidenceCountry: 'SGP', ageYears: 8 }, 'no', 'NAB_BELOW_WORKING_AGE'],
    ['residence unknown', { usualResidenceCountry: null }, 'no', 'NAB_RESIDENCE_UNKNOWN'],
  ];
  it.each(cases)('%s', (_name, over, status, reason) => {
    expect(classifyNationalAbroad(person(over), 'MYS', 15)).toEqual({ status, reason });
  });
});
