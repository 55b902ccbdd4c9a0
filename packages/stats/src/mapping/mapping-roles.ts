import type { MigrantCriterion } from '../migration/person.types.ts';
import type { ColumnField } from './mapping-draft.types.ts';

/** A column the mapping can name: a design column or one of `columns.*`. */
export type MappingRole = 'weight' | 'strata' | 'psu' | ColumnField;

/** What a role's column holds, which decides the checks made on it. */
export type RoleKind = 'weight' | 'design' | 'age' | 'code' | 'country' | 'year' | 'amount' | 'yes_no';

/** Where a role sits in the wizard. */
export type RoleGroup = 'design' | 'person' | 'migration' | 'job' | 'sdg';

/** One role of the mapping. */
export interface RoleInfo {
  readonly role: MappingRole;
  /** Path in the mapping JSON, e.g. `design.weight`, `columns.age`. */
  readonly field: string;
  readonly kind: RoleKind;
  readonly group: RoleGroup;
  /** Path of the role's code lists, for coded roles (`codes.lfs`). */
  readonly codes?: string;
}

const col = (role: ColumnField, kind: RoleKind, group: RoleGroup, codes?: string): RoleInfo => ({
  role,
  field: `columns.${role}`,
  kind,
  group,
  ...(codes ? { codes } : {}),
});

/** Every role, in the order the wizard shows them. */
export const MAPPING_ROLES: readonly RoleInfo[] = [
  { role: 'weight', field: 'design.weight', kind: 'weight', group: 'design' },
  { role: 'strata', field: 'design.strata', kind: 'design', group: 'design' },
  { role: 'psu', field: 'design.psu', kind: 'design', group: 'design' },
  col('age', 'age', 'person'),
  col('sex', 'code', 'person', 'codes.sex'),
  col('lfs', 'code', 'person', 'codes.lfs'),
  col('education', 'code', 'person', 'codes.education'),
  col('countryOfBirth', 'country', 'migration'),
  col('citizenship', 'country', 'migration'),
  col('usualResidenceCountry', 'country', 'migration'),
  col('presentInCountry', 'yes_no', 'migration', 'codes.yes'),
  col('previousCountryOfResidence', 'country', 'migration'),
  col('yearOfArrival', 'year', 'migration'),
  col('reasonForMigration', 'code', 'migration', 'codes.reasonForMigration'),
  col('workedAbroad', 'yes_no', 'migration', 'codes.yes'),
  col('isic', 'code', 'job'),
  col('isco', 'code', 'job'),
  col('statusInEmployment', 'code', 'job', 'codes.employee'),
  col('recruitmentCost', 'amount', 'sdg'),
  col('firstMonthEarnings', 'amount', 'sdg'),
];

/** The role of each mapping field. */
export const ROLE_BY_FIELD: ReadonlyMap<string, RoleInfo> = new Map(MAPPING_ROLES.map((r) => [r.field, r]));

/** Fields every run needs, whatever the criterion. */
export const ALWAYS_REQUIRED = ['homeCountry', 'surveyYear', 'design.weight', 'columns.age', 'columns.lfs'];

/**
 * The column fields the migrant status needs under a criterion (without them no ILMS table can be made).
 *
 * @example
 * migrantStatusFields('either'); // ['columns.countryOfBirth', 'columns.citizenship']
 */
export function migrantStatusFields(criterion: MigrantCriterion): string[] {
  if (criterion === 'birth') return ['columns.countryOfBirth'];
  if (criterion === 'citizenship') return ['columns.citizenship'];
  return ['columns.countryOfBirth', 'columns.citizenship'];
}

/** What SDG 10.7.1 needs besides the migrant status (`codes.employee` included). */
export const SDG_FIELDS = [
  'columns.recruitmentCost',
  'columns.firstMonthEarnings',
  'columns.yearOfArrival',
  'columns.reasonForMigration',
  'columns.statusInEmployment',
  'codes.employee',
];
