import { describe, expect, it } from 'vitest';
import { parseDecimal, parseEssayGradeForm, parseOverrideForm, type GradesFormText } from './grade-forms.ts';

const text: GradesFormText = {
  required: () => 'required',
  number: () => 'number',
  range: (min, max) => `range ${min}–${max}`,
  reasonRequired: () => 'reason',
  tooLong: (max) => `max ${max}`,
  summary: () => 'summary',
};

const form = (fields: Record<string, string>): FormData => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};

describe('parseDecimal', () => {
  it('reads dots, commas and surrounding spaces', () => {
    expect(parseDecimal('72.5')).toBe(72.5);
    expect(parseDecimal(' 7,5 ')).toBe(7.5);
    expect(parseDecimal('0')).toBe(0);
    expect(parseDecimal('.5')).toBe(0.5);
  });
  it('refuses anything that is not one plain number', () => {
    for (const bad of ['', 'abc', '1,234.5', '1e3', '7 5', '72%', 'NaN', 'Infinity'])
      expect(parseDecimal(bad), bad).toBeUndefined();
  });
});

describe('parseOverrideForm', () => {
  it('accepts a grade within the scale and a reason', () => {
    expect(parseOverrideForm(form({ grade: '72,5', reason: ' Re-marked ' }), 100, text, 'fr')).toEqual({
      ok: true,
      data: { grade: 72.5, reason: 'Re-marked' },
    });
  });
  it('clears without a grade but still needs a reason', () => {
    expect(parseOverrideForm(form({ intent: 'clear', grade: 'x', reason: 'Undo' }), 100, text, 'en')).toEqual(
      {
        ok: true,
        data: { grade: null, reason: 'Undo' },
      },
    );
    const result = parseOverrideForm(form({ intent: 'clear', reason: '  ' }), 100, text, 'en');
    expect(result.ok === false && result.failure.errors).toEqual({ reason: 'reason' });
  });
  it('keeps what was typed and names each bad field', () => {
    const result = parseOverrideForm(form({ grade: '120', reason: '' }), 100, text, 'en');
    expect(result).toEqual({
      ok: false,
      failure: {
        values: { grade: '120', reason: '' },
        errors: { grade: 'range 0–100', reason: 'reason' },
        message: 'summary',
      },
    });
    const words = parseOverrideForm(form({ grade: 'seventy', reason: 'x'.repeat(501) }), 100, text, 'en');
    expect(words.ok === false && words.failure.errors).toEqual({ grade: 'number', reason: 'max 500' });
    const empty = parseOverrideForm(form({ grade: ' ', reason: 'x' }), 100, text, 'en');
    expect(empty.ok === false && empty.failure.errors).toEqual({ grade: 'required' });
  });
  it('prints the maximum with the decimal mark of the language', () => {
    const result = parseOverrideForm(form({ grade: '11', reason: 'x' }), 10.5, text, 'fr');
    expect(result.ok === false && result.failure.errors.grade).toBe('range 0–10,5');
  });
});

describe('parseEssayGradeForm', () => {
  const essay = { attemptId: 'a1', slot: '3' };
  it('reads a mark out of the maximum, the comment and which essay', () => {
    expect(parseEssayGradeForm(form({ ...essay, mark: '1,5', comment: ' Good ' }), 2, text, 'en')).toEqual({
      ok: true,
      data: { attemptId: 'a1', slot: 3, mark: 1.5, comment: 'Good' },
    });
  });
  it('refuses a mark above the maximum, a missing mark and an overlong comment', () => {
    const above = parseEssayGradeForm(form({ ...essay, mark: '3' }), 2, text, 'en');
    expect(above.ok === false && above.failure).toEqual({
      values: { mark: '3', comment: '' },
      errors: { mark: 'range 0–2' },
      message: 'summary',
    });
    const missing = parseEssayGradeForm(form({ ...essay, comment: 'x'.repeat(2001) }), 2, text, 'en');
    expect(missing.ok === false && missing.failure.errors).toEqual({ mark: 'required', comment: 'max 2000' });
  });
  it('refuses a form that does not say which essay it grades', () => {
    expect(parseEssayGradeForm(form({ attemptId: 'a1', slot: 'x', mark: '1' }), 2, text, 'en').ok).toBe(
      false,
    );
  });
});
