import { countWords } from '../../content/content-files.ts';
import type { SubmissionSpec } from '../definition/assignment-definition.ts';

/** The longest text a submission may hold, in characters (a draft beyond it is refused, never cut). */
export const MAX_SUBMISSION_TEXT_CHARS = 100_000;

/** What stops work from being handed in, as the page and the error say it. */
export type SubmitProblem =
  | { readonly code: 'text-required' }
  | { readonly code: 'files-required'; readonly min: number }
  | { readonly code: 'too-many-files'; readonly max: number }
  | { readonly code: 'text-not-accepted' };

/**
 * What stops a draft from being handed in: a required text that is empty, fewer files than the assignment asks for,
 * more than it allows, or a text where the assignment takes files only. The advisory word limit never stops a
 * submission (tutors see the count). Drafts are saved whatever these say.
 * @example submitProblems({ text: 'required', wordLimit: null, files: null }, { text: '  ', files: 0 }) // [{ code: 'text-required' }]
 */
export function submitProblems(
  spec: SubmissionSpec,
  draft: { readonly text: string; readonly files: number },
): SubmitProblem[] {
  const problems: SubmitProblem[] = [];
  const hasText = draft.text.trim() !== '';
  if (spec.text === 'required' && !hasText) problems.push({ code: 'text-required' });
  if (spec.text === 'none' && hasText) problems.push({ code: 'text-not-accepted' });
  const min = spec.files?.min ?? 0;
  const max = spec.files?.max ?? 0;
  if (draft.files < min) problems.push({ code: 'files-required', min });
  if (draft.files > max) problems.push({ code: 'too-many-files', max });
  return problems;
}

/**
 * The word count a learner and a tutor see, counted as a reader would (Markdown punctuation ignored).
 * @example wordCount('The **labour** force — 3 rates.') // 5
 */
export function wordCount(text: string): number {
  return countWords(text);
}
