import { describe, expect, it } from 'vitest';
import { AssignmentClosedError, formatClosing } from './assignment.errors.ts';
import { MAX_SUBMISSION_TEXT_CHARS } from './submission/submission-content.rules.ts';
import { errorMessage } from '../errors/error-messages.ts';

describe('AssignmentClosedError', () => {
  it('says when the assignment closed, in the reader’s language and the cohort’s time zone', () => {
    const error = new AssignmentClosedError(new Date('2020-11-08T22:59:00Z'), 'Europe/Rome');
    expect(error.localize('en')).toBe(
      'This assignment closed on Sunday, 8 November 2020 at 23:59 (Europe/Rome). Nothing was saved; the work you saved before is kept.',
    );
    expect(error.localize('fr')).toBe(
      'Ce devoir a été clos le dimanche 8 novembre 2020 à 23:59 (Europe/Rome). Rien n’a été enregistré\u202f; le travail enregistré auparavant est conservé.',
    );
    expect(error.kind).toBe('conflict');
  });

  it('gives the local date, which may differ from the UTC date', () => {
    expect(formatClosing(new Date('2020-11-08T23:30:00Z'), 'Asia/Manila', 'en')).toBe(
      'Monday, 9 November 2020 at 07:30 (Asia/Manila)',
    );
  });
});

describe('the text limit message', () => {
  it('states the limit defined in the rules', () => {
    const formatted = new Intl.NumberFormat('en').format(MAX_SUBMISSION_TEXT_CHARS);
    expect(errorMessage('assignment.text_too_long', 'en')).toContain(formatted);
  });
});
