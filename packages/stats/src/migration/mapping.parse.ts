import { MappingError } from './mapping-error.ts';
import type { AgeBand, MappingCodes, MappingColumns, VariableMapping } from './mapping.types.ts';

const COLUMN_KEYS: readonly (keyof MappingColumns)[] = [
  'age',
  'sex',
  'lfs',
  'countryOfBirth',
  'citizenship',
  'usualResidenceCountry',
  'presentInCountry',
  'previousCountryOfResidence',
  'yearOfArrival',
  'reasonForMigration',
  'education',
  'isic',
  'isco',
  'statusInEmployment',
  'workedAbroad',
  'recruitmentCost',
  'firstMonthEarnings',
];
const REASONS = ['work', 'seek_work', 'family', 'study', 'asylum', 'other'];
const CRITERIA = ['birth', 'citizenship', 'either', 'both'];
const LONELY = ['fail', 'remove', 'adjust', 'certainty', 'average'];
const ORIGINS = ['citizenship', 'countryOfBirth', 'previousCountryOfResidence'];

/** ILOSTAT age bands 15–24, 25–54, 55–64, 65+ (domain brief §1.6). */
export const DEFAULT_AGE_BANDS: readonly AgeBand[] = [
  { min: 15, max: 24 },
  { min: 25, max: 54 },
  { min: 55, max: 64 },
  { min: 65, max: null },
];

type Obj = Record<string, unknown>;
const fail = (field: string, detail: string): never => {
  throw new MappingError('mapping.invalid', field, detail);
};
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function obj(v: unknown, field: string): Obj {
  return isObj(v) ? v : fail(field, 'must be an object');
}
function str(v: unknown, field: string): string {
  return typeof v === 'string' && v.trim() !== '' ? v : fail(field, 'must be a non-empty string');
}
function optStr(v: unknown, field: string): string | undefined {
  return v === undefined || v === null ? undefined : str(v, field);
}
function int(v: unknown, field: string, def: number, min: number, max: number): number {
  if (v === undefined) return def;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    fail(field, `must be an integer in [${min}, ${max}]`);
  return v as number;
}
function codeList(v: unknown, field: string): string[] {
  if (!Array.isArray(v)) fail(field, 'must be a list of codes, e.g. ["1", "2"]');
  return (v as unknown[]).map((c, i) =>
    typeof c === 'string' || typeof c === 'number'
      ? String(c)
      : fail(`${field}[${i}]`, 'must be a string or number'),
  );
}
function codeMap(v: unknown, field: string, keys?: readonly string[]): Record<string, string[]> {
  const o = obj(v, field);
  const out: Record<string, string[]> = {};
  for (const [k, list] of Object.entries(o)) {
    if (keys && !keys.includes(k)) fail(`${field}.${k}`, `is not one of ${keys.join(', ')}`);
    out[k] = codeList(list, `${field}.${k}`);
  }
  return out;
}

function parseColumns(v: unknown): MappingColumns {
  const o = obj(v, 'columns');
  for (const k of Object.keys(o))
    if (!COLUMN_KEYS.includes(k as keyof MappingColumns))
      fail(`columns.${k}`, `is not a known concept (known: ${COLUMN_KEYS.join(', ')})`);
  const out: Record<string, string> = { age: str(o.age, 'columns.age'), lfs: str(o.lfs, 'columns.lfs') };
  for (const k of COLUMN_KEYS) {
    const s = optStr(o[k], `columns.${k}`);
    if (s !== undefined) out[k] = s;
  }
  return out as unknown as MappingColumns;
}

function parseCodes(v: unknown, columns: MappingColumns): MappingCodes {
  const o = obj(v, 'codes');
  const lfs = codeMap(o.lfs, 'codes.lfs', ['employed', 'unemployed', 'outside_lf']);
  for (const k of ['employed', 'unemployed', 'outside_lf'])
    if (!lfs[k]) fail(`codes.lfs.${k}`, 'is required');
  const out: Record<string, unknown> = { lfs };
  if (columns.sex !== undefined) {
    const sex = codeMap(o.sex, 'codes.sex', ['male', 'female']);
    if (!sex.male || !sex.female) fail('codes.sex', 'needs both male and female');
    out.sex = sex;
  }
  if (o.reasonForMigration !== undefined)
    out.reasonForMigration = codeMap(o.reasonForMigration, 'codes.reasonForMigration', REASONS);
  else if (columns.reasonForMigration !== undefined)
    fail('codes.reasonForMigration', 'is required when columns.reasonForMigration is set');
  if (o.employee !== undefined) out.employee = codeList(o.employee, 'codes.employee');
  if (o.education !== undefined) out.education = codeMap(o.education, 'codes.education');
  else if (columns.education !== undefined)
    fail('codes.education', 'is required when columns.education is set');
  out.yes = o.yes === undefined ? ['yes', '1'] : codeList(o.yes, 'codes.yes');
  return out as unknown as MappingCodes;
}

function parseMissing(v: unknown, columns: MappingColumns): VariableMapping['missing'] {
  if (v === undefined) return undefined;
  const out = codeMap(v, 'missing', COLUMN_KEYS);
  for (const k of Object.keys(out))
    if (columns[k as keyof MappingColumns] === undefined)
      fail(`missing.${k}`, `lists codes of columns.${k}, which is not mapped`);
  return out;
}

function parseAgeBands(v: unknown, minAge: number): AgeBand[] {
  if (v === undefined) return [...DEFAULT_AGE_BANDS];
  if (!Array.isArray(v) || v.length === 0)
    fail('ageBands', 'must be a non-empty list of [min, max] pairs (max null = open)');
  return (v as unknown[]).map((b, i) => {
    const f = `ageBands[${i}]`;
    if (!Array.isArray(b) || b.length !== 2) fail(f, 'must be [min, max]');
    const [min, max] = b as unknown[];
    const lo = int(min, `${f}[0]`, 0, 0, 150);
    const hi = max === null ? null : int(max, `${f}[1]`, 0, lo, 150);
    if (lo < minAge) fail(f, `starts below minWorkingAge ${minAge}`);
    return { min: lo, max: hi };
  });
}

/**
 * Validates a variable-mapping JSON value (see docs/migration.md) and fills defaults.
 *
 * @param json - the parsed JSON.
 * @returns the mapping.
 * @throws MappingError (`mapping.invalid`) whose `field` names the offending entry.
 * @example
 * parseMapping({ homeCountry: 'MYS' }); // throws MappingError: mapping: surveyYear must be an integer in [1900, 2200]
 */
export function parseMapping(json: unknown): VariableMapping {
  const o = obj(json, '(root)');
  const homeCountry = str(o.homeCountry, 'homeCountry');
  if (!/^[A-Z]{3}$/.test(homeCountry))
    fail('homeCountry', 'must be an ISO 3166-1 alpha-3 code such as "MYS"');
  if (typeof o.surveyYear !== 'number') fail('surveyYear', 'must be an integer in [1900, 2200]');
  const surveyYear = int(o.surveyYear, 'surveyYear', 0, 1900, 2200);
  const minWorkingAge = int(o.minWorkingAge, 'minWorkingAge', 15, 0, 100);
  const migrantCriterion = o.migrantCriterion ?? 'birth';
  if (!CRITERIA.includes(migrantCriterion as string))
    fail('migrantCriterion', `must be one of ${CRITERIA.join(', ')}`);
  const d = obj(o.design, 'design');
  const lonelyPsu = d.lonelyPsu ?? 'fail';
  if (!LONELY.includes(lonelyPsu as string)) fail('design.lonelyPsu', `must be one of ${LONELY.join(', ')}`);
  const design = {
    weight: str(d.weight, 'design.weight'),
    strata: optStr(d.strata, 'design.strata'),
    psu: optStr(d.psu, 'design.psu'),
    lonelyPsu: lonelyPsu as VariableMapping['design']['lonelyPsu'],
  };
  const columns = parseColumns(o.columns);
  const s = o.sdg === undefined ? {} : obj(o.sdg, 'sdg');
  if (s.includeZeroCost !== undefined && typeof s.includeZeroCost !== 'boolean')
    fail('sdg.includeZeroCost', 'must be true or false');
  const corridorOrigin = s.corridorOrigin ?? 'citizenship';
  if (!ORIGINS.includes(corridorOrigin as string))
    fail('sdg.corridorOrigin', `must be one of ${ORIGINS.join(', ')}`);
  return {
    homeCountry,
    surveyYear,
    minWorkingAge,
    migrantCriterion: migrantCriterion as VariableMapping['migrantCriterion'],
    ageBands: parseAgeBands(o.ageBands, minWorkingAge),
    source: optStr(o.source, 'source') ?? 'NA',
    design,
    columns,
    codes: parseCodes(o.codes, columns),
    ...(o.missing !== undefined ? { missing: parseMissing(o.missing, columns) } : {}),
    sdg: {
      windowYears: int(s.windowYears, 'sdg.windowYears', 3, 1, 50),
      includeZeroCost: (s.includeZeroCost as boolean | undefined) ?? true,
      corridorOrigin: corridorOrigin as VariableMapping['sdg']['corridorOrigin'],
    },
  };
}
