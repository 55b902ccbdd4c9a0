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

  it('looks a code up in the user’s language, English otherwise', () => {
    expect(errorMessage('quiz.closed', 'fr')).toBe('Cette évaluation est close.');
    expect(errorMessage('quiz.closed', 'de')).toBe('This assessment is closed.');
    expect(isErrorCode('quiz.closed')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
  });
});
