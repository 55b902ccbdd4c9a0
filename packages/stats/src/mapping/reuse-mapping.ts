import type { Dataset } from '../dataset/dataset.types.ts';
import type { IssueExample, MappingReport } from './mapping-issue.ts';
import type { MappingDraft, MappingFile } from './mapping-draft.types.ts';
import { mappingOfFile, readMappingFile } from './mapping-file.ts';
import { normaliseName } from './name-rules.ts';
import { validateMapping, type ValidateMappingOptions } from './validate-mapping.ts';

/** What changed between the file a mapping was made for and a new file. */
export interface ReuseReport {
  /** Mapped columns the new file lacks, with the columns that could replace them (same label first, then close names). */
  readonly missingColumns: readonly {
    readonly field: string;
    readonly column: string;
    readonly candidates: readonly string[];
  }[];
  /** Listed codes the new file does not hold. */
  readonly missingCodes: readonly { readonly field: string; readonly codes: readonly string[] }[];
  /** Values of the new file that no code list maps. */
  readonly newCodes: readonly {
    readonly field: string;
    readonly column: string;
    readonly values: readonly IssueExample[];
  }[];
  /** The full check of the mapping on the new file. */
  readonly report: MappingReport;
}

function sameLabel(ds: Dataset, label: string | undefined): string[] {
  if (!label) return [];
  const want = normaliseName(label);
  return ds.columns.filter((c) => c.label && normaliseName(c.label) === want).map((c) => c.name);
}

/**
 * Checks a saved mapping against the next wave's file: which mapped columns are gone (and which columns of the new
 * file carry the old label or a close name), which listed codes no longer occur, which new values no list maps, and
 * the full {@link validateMapping} report.
 *
 * @param saved - a saved mapping (see {@link toMappingFile}) or a plain mapping.
 * @throws MappingError when `saved` is not a mapping file this version reads.
 * @example
 * checkMappingReuse(wave2, toMappingFile(mapping, wave1)).missingColumns;
 * // [{ field: 'columns.sex', column: 'sex', candidates: ['gender'] }]   (wave 2 renamed sex to gender, same label)
 */
export function checkMappingReuse(
  ds: Dataset,
  saved: MappingFile | MappingDraft | unknown,
  options: ValidateMappingOptions = {},
): ReuseReport {
  const file = readMappingFile(saved);
  const report = validateMapping(ds, mappingOfFile(file), { maxExamples: options.maxExamples ?? 20 });
  const labels = file.dataset?.labels ?? {};
  const missingColumns = report.issues
    .filter((i) => i.code === 'column_not_found')
    .map((i) => {
      const column = i.column as string;
      const byName = i.examples.map((e) => e.value as string);
      return {
        field: i.field,
        column,
        candidates: [...new Set([...sameLabel(ds, labels[column]), ...byName])],
      };
    });
  const missingCodes = report.issues
    .filter((i) => i.code === 'code_unused')
    .map((i) => ({ field: i.field, codes: i.examples.map((e) => e.value as string) }));
  const newCodes = report.issues
    .filter((i) => i.code === 'code_unknown')
    .map((i) => ({ field: i.field, column: i.column as string, values: i.examples }));
  return { missingColumns, missingCodes, newCodes, report };
}
