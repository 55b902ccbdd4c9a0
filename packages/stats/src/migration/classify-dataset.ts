import { categoricalFromCodes, withColumns } from '../dataset/dataset.ts';
import type { CategoricalColumn, Dataset } from '../dataset/dataset.types.ts';
import { readNumberColumn, recodeColumn } from './column-codes.ts';
import type { VariableMapping } from './mapping.types.ts';
import { classifyMigrantWorker } from './migrant-worker.rules.ts';
import { classifyInternationalMigrant } from './migrant.rules.ts';
import {
  classifyForWorkMigrant,
  classifyNationalAbroad,
  classifyReturnMigrantWorker,
} from './flows.rules.ts';
import type { ClassificationParams, LfStatus, MigrationReason, Person, RuleResult } from './person.types.ts';
import { rowPersonReader } from './row-person.ts';

/** Names of the derived columns, `<rule>` and `<rule>_reason`. */
export const ICLS_RULES = [
  'icls_migrant',
  'icls_imw',
  'icls_for_work',
  'icls_return_imw',
  'icls_national_abroad',
] as const;
export type IclsRule = (typeof ICLS_RULES)[number];

/** Result of {@link classifyDataset}. */
export interface ClassifiedDataset {
  /** The input dataset plus `icls_*` and `icls_*_reason` categorical columns (inputs shared, not copied). */
  readonly dataset: Dataset;
  /** Rules that could not be assessed because the mapping lacks their inputs, with the missing fields. */
  readonly notAssessed: Readonly<Partial<Record<IclsRule, readonly string[]>>>;
}

/** Options of {@link classifyDataset}. */
export interface ClassifyOptions {
  /** Flow reference period in calendar years; default: the survey year. */
  readonly refPeriod?: { readonly start: number; readonly end: number };
}

const LFS_ORDER: readonly LfStatus[] = ['employed', 'unemployed', 'outside_lf'];
const REASON_ORDER: readonly MigrationReason[] = ['work', 'seek_work', 'family', 'study', 'asylum', 'other'];

class Encoder {
  readonly codes: Int32Array;
  readonly reasons: Int32Array;
  readonly #status = new Map<string, number>();
  readonly #reason = new Map<string, number>();
  constructor(n: number) {
    this.codes = new Int32Array(n);
    this.reasons = new Int32Array(n);
  }
  put(i: number, r: RuleResult<string>): void {
    let s = this.#status.get(r.status);
    if (s === undefined) this.#status.set(r.status, (s = this.#status.size));
    let c = this.#reason.get(r.reason);
    if (c === undefined) this.#reason.set(r.reason, (c = this.#reason.size));
    this.codes[i] = s;
    this.reasons[i] = c;
  }
  columns(name: string): CategoricalColumn[] {
    return [
      categoricalFromCodes(name, this.codes, [...this.#status.keys()]),
      categoricalFromCodes(`${name}_reason`, this.reasons, [...this.#reason.keys()]),
    ];
  }
}

function missingFields(m: VariableMapping, fields: readonly (keyof VariableMapping['columns'])[]): string[] {
  return fields.filter((f) => m.columns[f] === undefined).map((f) => `columns.${f}`);
}

/**
 * Applies the ICLS 2018 rules to every row and adds status and reason-code columns (see {@link ICLS_RULES}).
 * Rows with a missing age are classified with age NaN (below working age).
 *
 * @throws MappingError when a mapped column is missing or holds codes the mapping does not list.
 * @example
 * const { dataset } = classifyDataset(ds, mapping);
 * dataset.column('icls_migrant').kind; // 'categorical' with levels such as 'migrant', 'non_migrant'
 */
export function classifyDataset(
  ds: Dataset,
  mapping: VariableMapping,
  options: ClassifyOptions = {},
): ClassifiedDataset {
  const c = mapping.columns;
  const lfs = recodeColumn(ds, c.lfs, 'columns.lfs', 'codes.lfs', mapping.codes.lfs, LFS_ORDER);
  const reason = c.reasonForMigration
    ? recodeColumn(
        ds,
        c.reasonForMigration,
        'columns.reasonForMigration',
        'codes.reasonForMigration',
        mapping.codes.reasonForMigration ?? {},
        REASON_ORDER,
      )
    : null;
  const read = rowPersonReader(ds, mapping, { age: readNumberColumn(ds, c.age, 'columns.age'), lfs, reason });
  const k: ClassificationParams = {
    M: mapping.homeCountry,
    minWorkingAge: mapping.minWorkingAge,
    migrantCriterion: mapping.migrantCriterion,
    refPeriod: options.refPeriod ?? { start: mapping.surveyYear, end: mapping.surveyYear },
  };
  const notAssessed: Partial<Record<IclsRule, string[]>> = {};
  const needMig =
    mapping.migrantCriterion === 'birth'
      ? ['countryOfBirth']
      : mapping.migrantCriterion === 'citizenship'
        ? ['citizenship']
        : ['countryOfBirth', 'citizenship'];
  const migMissing = missingFields(mapping, needMig as (keyof VariableMapping['columns'])[]);
  if (migMissing.length) notAssessed.icls_migrant = notAssessed.icls_imw = migMissing;
  const fwMissing = missingFields(mapping, [
    'yearOfArrival',
    'previousCountryOfResidence',
    'reasonForMigration',
  ]);
  if (fwMissing.length) notAssessed.icls_for_work = fwMissing;
  if (c.workedAbroad === undefined) notAssessed.icls_return_imw = ['columns.workedAbroad'];
  if (c.citizenship === undefined) notAssessed.icls_national_abroad = ['columns.citizenship'];

  const n = ds.nrows;
  const enc = Object.fromEntries(ICLS_RULES.map((r) => [r, new Encoder(n)])) as Record<IclsRule, Encoder>;
  const p: Person = read.person;
  for (let i = 0; i < n; i++) {
    read.load(i);
    if (!notAssessed.icls_migrant) enc.icls_migrant.put(i, classifyInternationalMigrant(p, k));
    if (!notAssessed.icls_imw) enc.icls_imw.put(i, classifyMigrantWorker(p, k));
    if (!notAssessed.icls_for_work) enc.icls_for_work.put(i, classifyForWorkMigrant(p, k));
    if (!notAssessed.icls_return_imw) enc.icls_return_imw.put(i, classifyReturnMigrantWorker(p, k));
    if (!notAssessed.icls_national_abroad)
      enc.icls_national_abroad.put(i, classifyNationalAbroad(p, k.M, k.minWorkingAge));
  }
  const cols = ICLS_RULES.filter((r) => !notAssessed[r]).flatMap((r) => enc[r].columns(r));
  return { dataset: withColumns(ds, cols), notAssessed };
}
