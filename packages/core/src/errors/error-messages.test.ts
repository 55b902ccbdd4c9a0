import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, MESSAGES_BY_FEATURE, errorMessage, isErrorCode } from './error-messages.ts';

describe('error messages', () => {
  it('defines each code in one feature file only, with English and French text', () => {
    const codes = Object.values(MESSAGES_BY_FEATURE).flatMap((table) => Object.keys(table));
    expect(codes.length).toBe(new Set(codes).size);
    expect(Object.keys(ERROR_MESSAGES).sort()).toEqual([...codes].sort());
    for (const [code, text] of Object.entries(ERROR_MESSAGES)) {
      expect(text.en.trim(), code).not.toBe('');
      expect(text.fr.trim(), code).not.toBe('');
      expect(text.fr, `${code} is not translated`).not.toBe(text.en);
    }
  });

  it('writes French with French typography: ’, U+202F before : ; ? ! and inside « », no "(s)"', () => {
    const mistakes: string[] = [];
    for (const [code, text] of Object.entries(ERROR_MESSAGES)) {
      const fr = text.fr.replace(/\{\w+\}/g, '0');
      if (/[A-Za-zÀ-ÿœ]'[A-Za-zÀ-ÿœ]/.test(fr)) mistakes.push(`${code}: straight apostrophe`);
      if (/[ \u00a0][:;?!]|[\p{L}\d)][;?!]|\p{L}:(\s|$)/u.test(fr))
        mistakes.push(`${code}: space before : ; ? !`);
      if (/«(?!\u202f)|(?<!\u202f)»/.test(fr)) mistakes.push(`${code}: « »`);
      if (/\((s|es|x)\)/.test(fr)) mistakes.push(`${code}: (s)`);
    }
    expect(mistakes).toEqual([]);
  });

  it('looks a code up in the user’s language, English otherwise', () => {
    expect(errorMessage('quiz.closed', 'fr')).toBe('Cette évaluation est close.');
    expect(errorMessage('quiz.closed', 'de')).toBe('This assessment is closed.');
    expect(isErrorCode('quiz.closed')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
  });
});
