import { describe, expect, it } from 'vitest';
import type { SubmissionSpec } from '../definition/assignment-definition.ts';
import { submitProblems, wordCount } from './submission-content.rules.ts';

const files = (min: number, max: number): SubmissionSpec['files'] => ({
  min,
  max,
  maxFileBytes: 1,
  maxTotalBytes: 1,
  types: ['pdf'],
});

describe('submitProblems', () => {
  it.each([
    [
      'a required text, written',
      { text: 'required', wordLimit: 10, files: null },
      { text: 'Hello', files: 0 },
      [],
    ],
    [
      'a required text, blank',
      { text: 'required', wordLimit: null, files: null },
      { text: ' \n ', files: 0 },
      [{ code: 'text-required' }],
    ],
    [
      'an optional text, blank, with the file asked for',
      { text: 'optional', wordLimit: null, files: files(1, 2) },
      { text: '', files: 1 },
      [],
    ],
    [
      'a file asked for, none attached',
      { text: 'optional', wordLimit: null, files: files(1, 2) },
      { text: 'Hi', files: 0 },
      [{ code: 'files-required', min: 1 }],
    ],
    [
      'more files than allowed',
      { text: 'optional', wordLimit: null, files: files(0, 2) },
      { text: 'Hi', files: 3 },
      [{ code: 'too-many-files', max: 2 }],
    ],
    [
      'files where none are taken',
      { text: 'required', wordLimit: null, files: null },
      { text: 'Hi', files: 1 },
      [{ code: 'too-many-files', max: 0 }],
    ],
    [
      'text where files only are taken',
      { text: 'none', wordLimit: null, files: files(1, 1) },
      { text: 'Hi', files: 1 },
      [{ code: 'text-not-accepted' }],
    ],
    [
      'a text over the advisory word limit',
      { text: 'required', wordLimit: 1, files: null },
      { text: 'two words', files: 0 },
      [],
    ],
  ] as [string, SubmissionSpec, { text: string; files: number }, unknown[]][])(
    '%s',
    (_name, spec, draft, problems) => {
      expect(submitProblems(spec, draft)).toEqual(problems);
    },
  );
});

describe('wordCount', () => {
  it('counts words as a reader would, not Markdown marks', () => {
    expect(wordCount('## Sources\n\n- **LFS** 2019 — the *labour force* survey; 4.7% (ILO).')).toBe(9);
  });
});
