import { conceptOfCode, employeeCodes } from './code-rules.ts';
import type { ColumnProfile, ValueCount } from './column-profile.ts';
import type { RoleInfo } from './mapping-roles.ts';
import { normaliseName } from './name-rules.ts';

/** One value of a coded column and what the suggestion does with it. */
export interface SuggestedCode extends ValueCount {
  /** The concept the value is mapped to, or null when nothing points to one. */
  readonly concept: string | null;
  /** The value's label says it is not a real answer (not applicable, not stated, don't know): read as missing. */
  readonly missing: boolean;
}

/** The code list of one coded role, value by value, as the wizard's code table shows it. */
export interface CodeSuggestion {
  /** Mapping path of the list, e.g. `codes.lfs`. */
  readonly list: string;
  readonly field: string;
  readonly column: string;
  readonly values: readonly SuggestedCode[];
  /** False when the column has more distinct values than were profiled. */
  readonly complete: boolean;
}

const MISSING =
  /not_applicable|not_stated|don_t_know|refus|no_respon|unknown|missing|sans_objet|non_applicable|ne_sait_pas|no_aplica|no_sabe|non_declare|no_declarad|(^|_)(ns_nr|nsp|nsnr|dk|na)(_|$)/;

/**
 * True when a value label says the value is not a real answer.
 *
 * @example
 * isMissingLabel('Not applicable (under 15)'); // true
 * isMissingLabel('Employed'); // false
 */
export function isMissingLabel(label: string | undefined): boolean {
  return label !== undefined && MISSING.test(normaliseName(label));
}

/** ISCED 2011 level codes 0–8 → the aggregate levels, for an unlabelled column named after ISCED. */
function iscedConcept(code: string): string | null {
  const n = Number(code);
  if (!Number.isInteger(n) || n < 0 || n > 8) return null;
  return n === 0 ? 'less_than_basic' : n <= 2 ? 'basic' : n <= 4 ? 'intermediate' : 'advanced';
}

function conceptFor(info: RoleInfo, p: ColumnProfile, v: ValueCount): string | null {
  const list = info.codes as string;
  if (list === 'codes.education' && v.label === undefined && /isced|cine/.test(normaliseName(p.name)))
    return iscedConcept(v.code);
  return conceptOfCode(list, v.code, v.label);
}

/**
 * Suggests the code list of a coded role from the column's values and value labels (`1 → employed`), and which
 * values to read as missing.
 *
 * @example
 * suggestCodes(ROLE_BY_FIELD.get('columns.lfs'), profileColumn(lfsColumn)).values[0];
 * // { code: '1', label: 'employed', count: 9310, concept: 'employed', missing: false }
 */
export function suggestCodes(info: RoleInfo, p: ColumnProfile): CodeSuggestion | null {
  if (!info.codes) return null;
  const employees = info.codes === 'codes.employee' ? new Set(employeeCodes(p.values)) : null;
  const values = p.values.map((v) => {
    if (isMissingLabel(v.label) && info.codes !== 'codes.education')
      return { ...v, concept: null, missing: true };
    const concept = employees ? (employees.has(v.code) ? 'employee' : null) : conceptFor(info, p, v);
    return { ...v, concept, missing: false };
  });
  return { list: info.codes, field: info.field, column: p.name, values, complete: p.complete };
}

/**
 * Codes per concept from a suggestion, concepts in `order` (others after, in order of appearance). Concepts of
 * `order` without a code are kept as empty lists when `keepEmpty` (the wizard shows them as still to be filled).
 */
export function codesByConcept(
  s: CodeSuggestion,
  order: readonly string[] = [],
  keepEmpty = false,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const c of order) out[c] = [];
  for (const v of s.values) if (v.concept) (out[v.concept] ??= []).push(v.code);
  if (!keepEmpty) for (const c of order) if (out[c].length === 0) delete out[c];
  return out;
}
