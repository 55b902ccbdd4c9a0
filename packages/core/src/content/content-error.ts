/** Stable codes for everything `labmig content check` can report. */
export type ContentErrorCode =
  | 'content.yaml-syntax'
  | 'content.missing-field'
  | 'content.wrong-type'
  | 'content.unknown-key'
  | 'content.invalid-value'
  | 'content.file-missing'
  | 'content.module-missing'
  | 'content.lesson-missing'
  | 'content.broken-link'
  | 'content.unknown-term'
  | 'content.duplicate-term'
  | 'content.week-out-of-range'
  | 'content.hours-mismatch'
  | 'content.slides-invalid'
  | 'content.question-bank'
  | 'content.authoring-marker'
  | 'content.unsourced-figure'
  | 'content.reading-url'
  | 'content.objective-id'
  | 'content.objective-untaught'
  | 'content.objective-untested'
  | 'content.unknown-objective'
  | 'content.question-untagged'
  | 'content.question-misfiled'
  | 'content.french-apostrophe'
  | 'content.question-cue'
  | 'content.schedule-overrun';

/** One problem in a content file, located by file path and 1-based line. */
export interface ContentError {
  readonly file: string;
  readonly line: number;
  readonly code: ContentErrorCode;
  readonly message: string;
}

/**
 * Formats an error the way editors and CI logs understand it.
 * @example formatContentError({ file: 'a/module.yaml', line: 3, code: 'content.missing-field', message: 'missing field `title`' })
 * // 'a/module.yaml:3: missing field `title`'
 */
export function formatContentError(error: ContentError): string {
  return `${error.file}:${error.line}: ${error.message}`;
}

/** Builds a ContentError (a small helper so call sites stay on one line). */
export function contentError(
  file: string,
  line: number,
  code: ContentErrorCode,
  message: string,
): ContentError {
  return { file, line, code, message };
}

/** Sorts errors by file, then line, so reports are stable. */
export function sortContentErrors(errors: readonly ContentError[]): ContentError[] {
  return [...errors].sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
}
