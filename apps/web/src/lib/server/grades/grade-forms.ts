import { MAX_GRADING_COMMENT_LENGTH, MAX_OVERRIDE_REASON_LENGTH } from '@labmig/core/assessment';
import type { FormFailure } from '../forms.ts';
import { numberFormat } from '../../format.ts';

/** The texts of the grading forms' errors in one language (see grades-text.ts for the real ones). */
export interface GradesFormText {
  required(): string;
  number(): string;
  range(min: string, max: string): string;
  reasonRequired(): string;
  tooLong(max: string): string;
  summary(): string;
}

/** Longest override reason and grading comment: core's limits, which its commands enforce too. */
export const GRADE_FORM_LIMITS = {
  reason: MAX_OVERRIDE_REASON_LENGTH,
  comment: MAX_GRADING_COMMENT_LENGTH,
} as const;

/**
 * Reads a decimal number as people type it: dot or comma as the decimal mark, spaces around it.
 * @returns the number, or undefined when the text is not one plain decimal number
 * @example parseDecimal(' 7,5 ') // => 7.5
 */
export function parseDecimal(text: string): number | undefined {
  const t = text.trim().replace(',', '.');
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : undefined;
}

/** Prints a number for a form message: at most 2 decimals, the locale's decimal mark. */
function show(value: number, locale: 'en' | 'fr'): string {
  return numberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

function values(form: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, field(form, n)]));
}

/** What the override form asks core to do. */
export interface OverrideInput {
  readonly grade: number | null;
  readonly reason: string;
}

/**
 * Parses the override form: `intent` = `override` (needs `grade` in [0, maxGrade]) or `clear` (no grade);
 * `reason` is always required (≤ 500 characters).
 */
export function parseOverrideForm(
  form: FormData,
  maxGrade: number,
  text: GradesFormText,
  locale: 'en' | 'fr',
): { ok: true; data: OverrideInput } | { ok: false; failure: FormFailure } {
  const clear = field(form, 'intent') === 'clear';
  const reason = field(form, 'reason').trim();
  const errors: Record<string, string> = {};
  let grade: number | null = null;
  if (!clear) {
    const typed = field(form, 'grade');
    const parsed = parseDecimal(typed);
    if (typed.trim() === '') errors.grade = text.required();
    else if (parsed === undefined) errors.grade = text.number();
    else if (parsed < 0 || parsed > maxGrade) errors.grade = text.range('0', show(maxGrade, locale));
    else grade = parsed;
  }
  if (reason === '') errors.reason = text.reasonRequired();
  else if (reason.length > GRADE_FORM_LIMITS.reason)
    errors.reason = text.tooLong(String(GRADE_FORM_LIMITS.reason));
  if (Object.keys(errors).length > 0)
    return {
      ok: false,
      failure: { values: values(form, ['grade', 'reason']), errors, message: text.summary() },
    };
  return { ok: true, data: { grade, reason } };
}

/** What the essay grading form asks core to do. */
export interface EssayGradeInput {
  readonly attemptId: string;
  readonly slot: number;
  /** The mark out of the question's maximum, as typed. */
  readonly mark: number;
  readonly comment: string;
}

/** The essay a grading form refers to: `attemptId` and `slot` (hidden fields). */
export function essayKey(form: FormData): { attemptId: string; slot: number } | undefined {
  const attemptId = field(form, 'attemptId');
  const slot = field(form, 'slot');
  return attemptId !== '' && /^\d+$/.test(slot) ? { attemptId, slot: Number(slot) } : undefined;
}

/**
 * Parses an essay grading form. The tutor types a mark out of the question's maximum (e.g. 1.5 of 2), the unit
 * the learner's review shows; core wants a fraction, so the caller divides by `maxMark`.
 */
export function parseEssayGradeForm(
  form: FormData,
  maxMark: number,
  text: GradesFormText,
  locale: 'en' | 'fr',
): { ok: true; data: EssayGradeInput } | { ok: false; failure: FormFailure } {
  const key = essayKey(form);
  const typed = field(form, 'mark');
  const comment = field(form, 'comment').trim();
  const parsed = parseDecimal(typed);
  const errors: Record<string, string> = {};
  if (typed.trim() === '') errors.mark = text.required();
  else if (parsed === undefined) errors.mark = text.number();
  else if (parsed < 0 || parsed > maxMark) errors.mark = text.range('0', show(maxMark, locale));
  if (comment.length > GRADE_FORM_LIMITS.comment)
    errors.comment = text.tooLong(String(GRADE_FORM_LIMITS.comment));
  if (!key || parsed === undefined || Object.keys(errors).length > 0)
    return {
      ok: false,
      failure: { values: values(form, ['mark', 'comment']), errors, message: text.summary() },
    };
  return { ok: true, data: { ...key, mark: parsed, comment } };
}
