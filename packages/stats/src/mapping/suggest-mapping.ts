import type { Dataset } from '../dataset/dataset.types.ts';
import { EDUCATION_LEVELS } from './code-rules.ts';
import { profileColumn, type ColumnProfile } from './column-profile.ts';
import type { ColumnField, MappingDraft } from './mapping-draft.types.ts';
import { MAPPING_ROLES, ROLE_BY_FIELD, type MappingRole, type RoleInfo } from './mapping-roles.ts';
import { scoreRole, type RoleEvidence } from './role-score.ts';
import { codesByConcept, isMissingLabel, suggestCodes, type CodeSuggestion } from './suggest-codes.ts';
import { suggestHomeCountry, suggestSurveyYear, type SettingSuggestion } from './suggest-settings.ts';

/** The suggestion for one role. */
export interface RoleSuggestion {
  readonly role: MappingRole;
  readonly field: string;
  /** The column proposed, or null when none fits. */
  readonly column: string | null;
  /** `high` (the usual name, values as expected), `medium`, `low`; null without a column. */
  readonly confidence: 'high' | 'medium' | 'low' | null;
  readonly evidence: RoleEvidence | null;
  /** Other columns that could fit, best first (at most 3). */
  readonly alternatives: readonly string[];
}

/** What {@link suggestMapping} proposes; `mapping` is a draft for the wizard to confirm or change. */
export interface MappingSuggestion {
  readonly mapping: MappingDraft;
  readonly roles: readonly RoleSuggestion[];
  readonly settings: readonly SettingSuggestion[];
  readonly codes: readonly CodeSuggestion[];
}

const CANDIDATE = 0.5;
const REASONS = ['work', 'seek_work', 'family', 'study', 'asylum', 'other'];
const ALTERNATIVE = 0.4;

interface Candidate {
  readonly info: RoleInfo;
  readonly column: string;
  readonly score: number;
  readonly evidence: RoleEvidence;
  readonly order: number;
}

function confidenceOf(score: number): 'high' | 'medium' | 'low' {
  return score >= 0.9 ? 'high' : score >= 0.7 ? 'medium' : 'low';
}

/** Best column per role, each column used once, highest scores first; the other candidates of each role. */
function assignRoles(profiles: readonly ColumnProfile[], nrows: number) {
  const all: Candidate[] = [];
  MAPPING_ROLES.forEach((info) =>
    profiles.forEach((p, order) => {
      const s = scoreRole(info.field, p, nrows);
      if (s && s.score >= ALTERNATIVE) all.push({ info, column: p.name, ...s, order });
    }),
  );
  all.sort((a, b) => b.score - a.score || a.order - b.order);
  const chosen = new Map<string, Candidate>();
  const others = new Map<string, Candidate[]>();
  const taken = new Set<string>();
  for (const c of all) {
    const field = c.info.field;
    if (c.score >= CANDIDATE && !chosen.has(field) && !taken.has(c.column)) {
      chosen.set(field, c);
      taken.add(c.column);
    } else others.set(field, [...(others.get(field) ?? []), c]);
  }
  return { chosen, others };
}

function draftCodes(codes: readonly CodeSuggestion[]): MappingDraft['codes'] {
  const out: NonNullable<MappingDraft['codes']> = {};
  for (const s of codes) {
    if (s.list === 'codes.lfs') out.lfs = codesByConcept(s, ['employed', 'unemployed', 'outside_lf'], true);
    else if (s.list === 'codes.sex') out.sex = codesByConcept(s, ['male', 'female'], true);
    else if (s.list === 'codes.reasonForMigration') out.reasonForMigration = codesByConcept(s, REASONS);
    else if (s.list === 'codes.education') out.education = codesByConcept(s, EDUCATION_LEVELS);
    else if (s.list === 'codes.employee') out.employee = codesByConcept(s).employee ?? [];
    else if (s.list === 'codes.yes') {
      const yes = codesByConcept(s).yes ?? [];
      if (yes.length) out.yes = [...new Set([...(out.yes ?? []), ...yes])];
    }
  }
  return out;
}

/** Values to read as missing: those whose label says "not applicable", "not stated", "don't know". */
function draftMissing(
  roles: readonly RoleSuggestion[],
  codes: readonly CodeSuggestion[],
  byName: Map<string, ColumnProfile>,
) {
  const missing: NonNullable<MappingDraft['missing']> = {};
  for (const r of roles) {
    if (!r.column || !r.field.startsWith('columns.')) continue;
    const listed = codes.find((c) => c.field === r.field);
    const values = listed
      ? listed.values.filter((v) => v.missing)
      : (byName.get(r.column)?.values ?? []).filter((v) => isMissingLabel(v.label));
    if (values.length) missing[r.role as ColumnField] = values.map((v) => v.code);
  }
  return missing;
}

/**
 * Proposes a variable mapping for a dataset: a column for each role (weight, strata, PSU, age, sex, labour force
 * status, countries, year of arrival, reason for migration, ISIC, ISCO, status in employment, education, SDG 10.7.1
 * amounts) from names and labels in English, French and Spanish and from the values; code lists from value labels
 * (`1 → employed`); values whose label says "not applicable" / "not stated" as missing; the home country (most
 * frequent country of birth) and the survey year. Nothing is decided for the user: the result is a draft, each part
 * with its evidence, for {@link validateMapping} and the wizard.
 *
 * @example
 * const s = suggestMapping(lfsSmallSav);
 * s.mapping.design;          // { weight: 'weight', strata: 'stratum', psu: 'psu' }
 * s.mapping.codes?.lfs;      // { employed: ['1'], unemployed: ['2'], outside_lf: ['3'] }
 * s.mapping.homeCountry;     // 'MYS'
 */
export function suggestMapping(ds: Dataset): MappingSuggestion {
  const profiles = ds.columns.map((c) => profileColumn(c));
  const byName = new Map(profiles.map((p) => [p.name, p]));
  const { chosen, others } = assignRoles(profiles, ds.nrows);
  const roles: RoleSuggestion[] = MAPPING_ROLES.map((info) => {
    const best = chosen.get(info.field);
    return {
      role: info.role,
      field: info.field,
      column: best?.column ?? null,
      confidence: best ? confidenceOf(best.score) : null,
      evidence: best?.evidence ?? null,
      alternatives: [...new Set((others.get(info.field) ?? []).map((c) => c.column))].slice(0, 3),
    };
  });
  const column = (field: string) => roles.find((r) => r.field === field)?.column ?? undefined;
  const codes = roles.flatMap((r) => {
    const info = MAPPING_ROLES.find((i) => i.field === r.field) as RoleInfo;
    const s = r.column ? suggestCodes(info, byName.get(r.column) as ColumnProfile) : null;
    return s ? [s] : [];
  });
  const cob = column('columns.countryOfBirth');
  const cit = column('columns.citizenship');
  const arrival = column('columns.yearOfArrival');
  const home = suggestHomeCountry([cob ? byName.get(cob) : undefined, cit ? byName.get(cit) : undefined]);
  const year = suggestSurveyYear(profiles, arrival ? byName.get(arrival) : undefined);
  const settings = [home, year].filter((s): s is SettingSuggestion => s !== null);

  const mapping: MappingDraft = {};
  if (home) mapping.homeCountry = home.value as string;
  if (year) mapping.surveyYear = year.value as number;
  if (cob || cit) mapping.migrantCriterion = cob ? 'birth' : 'citizenship';
  const design: NonNullable<MappingDraft['design']> = {};
  for (const key of ['weight', 'strata', 'psu'] as const) {
    const c = column(`design.${key}`);
    if (c) design[key] = c;
  }
  mapping.design = design;
  mapping.columns = {};
  for (const r of roles)
    if (r.column && r.field.startsWith('columns.')) mapping.columns[r.role as ColumnField] = r.column;
  mapping.codes = draftCodes(codes);
  const missing = draftMissing(roles, codes, byName);
  if (Object.keys(missing).length) mapping.missing = missing;
  return { mapping, roles, settings, codes };
}

/**
 * The code table of one coded role for a column the user chose (the wizard's code table after a change of column):
 * the column's values with their labels and counts, each with the concept its label points to. Null when the role
 * has no code list or the dataset has no such column.
 *
 * @param field - the role's mapping path, e.g. `columns.lfs`.
 * @example
 * suggestColumnCodes(lfsSmallSav, 'columns.sex', 'sex')?.values[0]; // { code: '1', label: 'Male', count: 10412, concept: 'male', missing: false }
 */
export function suggestColumnCodes(ds: Dataset, field: string, column: string): CodeSuggestion | null {
  const info = ROLE_BY_FIELD.get(field);
  const col = ds.columns.find((c) => c.name === column);
  if (!info?.codes || !col) return null;
  return suggestCodes(info, profileColumn(col));
}
