import { conceptOfCode } from './code-rules.ts';
import type { ColumnProfile } from './column-profile.ts';
import { ROLE_BY_FIELD, type MappingRole, type RoleInfo } from './mapping-roles.ts';
import { NAME_RULES, normaliseName } from './name-rules.ts';

/** What made a column a candidate for a role. */
export type RoleEvidence = 'name' | 'label' | 'values';

/** How well a column fits a role (0–1, a candidate from 0.5). */
export interface RoleScore {
  readonly score: number;
  readonly evidence: RoleEvidence;
}

const PLAUSIBLE = 0.15;

function nameScore(role: MappingRole, p: ColumnProfile): RoleScore | null {
  const rule = NAME_RULES[role];
  const name = normaliseName(p.name);
  const label = p.label ? normaliseName(p.label) : '';
  const byName = rule.exact.includes(name) ? 1 : rule.name.test(name) ? 0.75 : 0;
  const byLabel = label && rule.label.test(label) ? 0.7 : 0;
  if (byName === 0 && byLabel === 0) return null;
  let score = Math.max(byName, byLabel) + (byName > 0 && byLabel > 0 ? 0.1 : 0);
  if (rule.penalty && (rule.penalty.test(name) || (label && rule.penalty.test(label)))) score -= 0.35;
  return { score, evidence: byName >= byLabel ? 'name' : 'label' };
}

/** Distinct concepts that the column's values (labels or text) point to. */
export function conceptsFound(list: string, p: ColumnProfile): Set<string> {
  const found = new Set<string>();
  for (const v of p.values) {
    const c = conceptOfCode(list, v.code, v.label);
    if (c) found.add(c);
  }
  return found;
}

/** Values alone can point to these roles (a column `v12` whose labels read employed / unemployed / inactive). */
const BY_VALUES: Partial<Record<MappingRole, { list: string; concepts: number }>> = {
  lfs: { list: 'codes.lfs', concepts: 2 },
  sex: { list: 'codes.sex', concepts: 2 },
  reasonForMigration: { list: 'codes.reasonForMigration', concepts: 3 },
};

function valueAdjustment(info: RoleInfo, p: ColumnProfile, nrows: number): number {
  const numeric = p.kind === 'numeric';
  switch (info.kind) {
    case 'weight':
      return !numeric ? -1 : p.min > 0 ? PLAUSIBLE : p.min < 0 ? -0.3 : 0;
    case 'design':
      return p.distinct < 2 ? -0.5 : info.role === 'psu' && p.distinct > 0.9 * nrows ? -0.3 : 0;
    case 'age':
      if (!numeric || p.max > 130 || p.min < 0) return -0.5;
      return p.distinct <= 15 ? -0.3 : PLAUSIBLE;
    case 'country':
      if (p.distinct <= 2) return -0.6;
      return p.alpha3Share >= 0.8 ? PLAUSIBLE : 0;
    case 'year':
      return numeric && p.min >= 1900 && p.max <= 2100 ? PLAUSIBLE : -0.3;
    case 'amount':
      return !numeric ? -0.6 : p.min < 0 ? -0.2 : 0;
    case 'yes_no':
      return p.distinct <= 3 ? 0.1 : -0.5;
    case 'code': {
      if (numeric && !p.integers) return -0.5;
      const byValues = BY_VALUES[info.role];
      const few = info.role !== 'sex' || p.distinct <= 3; // "F" and "M" are also ISIC sections
      if (byValues && few && conceptsFound(byValues.list, p).size >= byValues.concepts) return 0.25;
      if (info.role === 'sex') return p.distinct >= 2 && p.distinct <= 3 ? 0.1 : -0.5;
      return p.distinct > 2000 ? -0.5 : 0;
    }
  }
}

/**
 * How well a column fits a role: its name and label against the role's usual names (English, French, Spanish), then
 * its values (a weight is positive, an age is 0–130 with many values, a country column holds alpha-3 codes, value
 * labels that read employed / unemployed point to the labour force status).
 *
 * @returns the score, or null when nothing points to the role.
 * @example
 * scoreRole('columns.age', profileColumn(numericColumn('edad', ages)), ages.length); // { score: 1.15, evidence: 'name' }
 */
export function scoreRole(field: string, p: ColumnProfile, nrows: number): RoleScore | null {
  const info = ROLE_BY_FIELD.get(field);
  if (!info) return null;
  const byName = nameScore(info.role, p);
  const adjust = valueAdjustment(info, p, nrows);
  if (byName) return { score: byName.score + adjust, evidence: byName.evidence };
  const byValues = BY_VALUES[info.role];
  if (byValues && adjust >= 0.25) return { score: 0.6, evidence: 'values' };
  return null;
}
