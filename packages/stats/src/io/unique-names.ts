import { DataFileError, type DataFileErrorCode } from './data-file-error.ts';

/** Throws `DataFileError(code)` naming the first variable name that occurs twice. */
export function assertUniqueNames(names: readonly string[], code: DataFileErrorCode, file?: string): void {
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) {
      throw new DataFileError(
        code,
        `the file defines variable "${n}" twice. The file is damaged: export it again.`,
        {
          file,
          column: n,
        },
      );
    }
    seen.add(n);
  }
}
