import type { Dataset } from '../dataset/dataset.types.ts';
import { readNumberColumn, readTextColumn, recodeColumn } from './column-codes.ts';
import { MappingError } from './mapping-error.ts';
import type { VariableMapping } from './mapping.types.ts';
import type { MigrationReason } from './person.types.ts';
import {
  checkSdgEligibility,
  SDG_REASONS,
  type SdgCandidate,
  type SdgEligibilityParams,
  type SdgReason,
} from './sdg-eligibility.rules.ts';

const REASONS: readonly MigrationReason[] = ['work', 'seek_work', 'family', 'study', 'asylum', 'other'];

/** The SDG 10.7.1 analysis population of a classified dataset. */
export interface SdgPopulation {
  /** 1 for eligible rows. */
  readonly eligible: Uint8Array;
  /** Eligible rows, ascending. */
  readonly rows: readonly number[];
  /** C_k / E_k for eligible rows, NaN elsewhere. */
  readonly ratio: Float64Array;
  readonly cost: Float64Array;
  readonly earnings: Float64Array;
  /** Persons by eligibility reason (unweighted). */
  readonly counts: Record<SdgReason, number>;
}

function need(v: string | undefined, field: string): string {
  if (v === undefined) throw new MappingError('mapping.invalid', field, 'is required for SDG 10.7.1');
  return v;
}

/**
 * Applies {@link checkSdgEligibility} to every row of a dataset classified by `classifyDataset` (it reads
 * `icls_migrant`), with the columns and codes of the mapping.
 *
 * @throws MappingError when a needed column or `codes.employee` is not mapped.
 * @example
 * findSdgPopulation(classified, mapping, { surveyYear: 2024, windowYears: 3, includeZeroCost: true }).rows.length;
 * // 219 on lfs_small.csv
 */
export function findSdgPopulation(ds: Dataset, m: VariableMapping, k: SdgEligibilityParams): SdgPopulation {
  const c = m.columns;
  const num = (col: string | undefined, field: string) => readNumberColumn(ds, need(col, field), field);
  const cost = num(c.recruitmentCost, 'columns.recruitmentCost');
  const earnings = num(c.firstMonthEarnings, 'columns.firstMonthEarnings');
  const arrival = num(c.yearOfArrival, 'columns.yearOfArrival');
  const reasonCol = need(c.reasonForMigration, 'columns.reasonForMigration');
  const why = m.codes.reasonForMigration ?? {};
  const reason = recodeColumn(
    ds,
    reasonCol,
    'columns.reasonForMigration',
    'codes.reasonForMigration',
    why,
    REASONS,
  );
  const employeeCodes = m.codes.employee;
  if (!employeeCodes) {
    const detail = 'is required for SDG 10.7.1 (codes of status in employment meaning employee)';
    throw new MappingError('mapping.invalid', 'codes.employee', detail);
  }
  const steCol = need(c.statusInEmployment, 'columns.statusInEmployment');
  const ste = readTextColumn(ds, steCol, 'columns.statusInEmployment');
  const isEmployeeLevel = ste.levels.map((l) => employeeCodes.includes(l));
  const mig = readTextColumn(ds, 'icls_migrant', 'columns.countryOfBirth');
  const counts = Object.fromEntries(SDG_REASONS.map((r) => [r, 0])) as Record<SdgReason, number>;
  const eligible = new Uint8Array(ds.nrows);
  const ratio = new Float64Array(ds.nrows).fill(NaN);
  const rows: number[] = [];
  // one reusable candidate: no allocation per row
  const p: { -readonly [K in keyof SdgCandidate]: SdgCandidate[K] } = {
    migrant: 'migrant',
    employee: false,
    reasonForMigration: null,
    yearOfArrival: null,
    cost: NaN,
    earnings: NaN,
  };
  const migrantCode = mig.levels.indexOf('migrant');
  for (let i = 0; i < ds.nrows; i++) {
    if (mig.codes[i] !== migrantCode) {
      counts.SDG_NOT_MIGRANT++; // the rule's first test, without building the candidate
      continue;
    }
    p.employee = ste.codes[i] >= 0 && isEmployeeLevel[ste.codes[i]];
    p.reasonForMigration = reason[i] < 0 ? null : REASONS[reason[i]];
    p.yearOfArrival = Number.isNaN(arrival[i]) ? null : arrival[i];
    p.cost = cost[i];
    p.earnings = earnings[i];
    const r = checkSdgEligibility(p, k);
    counts[r]++;
    if (r === 'SDG_ELIGIBLE') {
      eligible[i] = 1;
      ratio[i] = cost[i] / earnings[i];
      rows.push(i);
    }
  }
  return { eligible, rows, ratio, cost, earnings, counts };
}
