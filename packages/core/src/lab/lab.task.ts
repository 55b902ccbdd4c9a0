// The Lab's CPU work, run in a worker thread of `app.workers` (never on the event loop that serves requests):
// reading a data file, its overview and suggested mapping; the ILMS tables and SDG 10.7.1 of a mapping.
import {
  computeMigrationTables,
  detectFormat,
  overviewDataset,
  parseMapping,
  readDataBytesAsync,
  readMappingFile,
  suggestMapping,
  toTidyJson,
  validateMapping,
  type DataFileFormat,
  type DatasetOverview,
  type MappingReport,
  MAPPING_ROLES,
  suggestColumnCodes,
  type CodeSuggestion,
  type Dataset,
  type RoleSuggestion,
} from '@labmig/stats';
import type { CpuTaskContext } from '../workers/cpu-task.ts';
import { toLabProblem, type LabProblem } from './lab-problem.ts';

/** What the task is asked. The bytes are transferred to the thread, not copied. */
export type LabTaskInput =
  | {
      readonly op: 'inspect';
      readonly name: string;
      readonly bytes: Uint8Array;
      readonly previewRows: number;
    }
  | { readonly op: 'tables'; readonly name: string; readonly bytes: Uint8Array; readonly mapping: unknown };

/**
 * What the dataset page and its mapping wizard show, computed once when the file is read: the overview, the engine's
 * suggested column for each role, and the code table of every column that a coded role could use (so the wizard can
 * show a column's values and labels without reading the file again).
 */
export interface LabOverview extends DatasetOverview {
  readonly suggested: readonly RoleSuggestion[];
  /** Role field (`columns.lfs`) → column → its code table. */
  readonly codeTables: Readonly<Record<string, Readonly<Record<string, CodeSuggestion>>>>;
}

/** Columns with at most this many distinct values get code tables. */
const MAX_CODED_VALUES = 100;

function codeTablesOf(ds: Dataset, overview: DatasetOverview): LabOverview['codeTables'] {
  const out: Record<string, Record<string, CodeSuggestion>> = {};
  const candidates = overview.variables.filter(
    (v) => v.distinctCount > 0 && v.distinctCount <= MAX_CODED_VALUES,
  );
  for (const role of MAPPING_ROLES) {
    if (!role.codes) continue;
    const tables: Record<string, CodeSuggestion> = {};
    for (const v of candidates) {
      const table = suggestColumnCodes(ds, role.field, v.name);
      if (table) tables[v.name] = table;
    }
    out[role.field] = tables;
  }
  return out;
}

/** The overview and first guess of a mapping of a file that could be read. */
export interface LabInspection {
  readonly format: DataFileFormat;
  readonly rows: number;
  readonly overview: LabOverview;
  /** The engine's suggested mapping (the wizard's first draft). */
  readonly mapping: unknown;
}

/** The tables of a run: the tidy JSON of `labmig stats tables`, and how many tables and persons. */
export interface LabTablesOutput {
  readonly tidyJson: string;
  readonly tables: number;
  readonly persons: number;
  readonly sdgSkipped: string | null;
}

/** The answer: a result, or the problem (errors cross the thread boundary as data, not as classes). */
export type LabTaskOutput =
  | { readonly ok: true; readonly inspection?: LabInspection; readonly tables?: LabTablesOutput }
  | { readonly ok: false; readonly problem: LabProblem; readonly report?: MappingReport };

const STAGES = { reading: 0.05, classifying: 0.15, tables: 0.3, sdg: 0.85 } as const;

/** Runs one Lab task in the thread. */
export async function run(input: LabTaskInput, ctx: CpuTaskContext): Promise<LabTaskOutput> {
  try {
    ctx.progress(STAGES.reading, { stage: 'reading' });
    const format = detectFormat(input.bytes.subarray(0, 4096), input.name);
    const ds = await readDataBytesAsync(input.bytes, format);
    if (input.op === 'inspect') {
      ctx.progress(0.8, { stage: 'overview' });
      const overview = overviewDataset(ds, { previewRows: input.previewRows });
      const suggestion = suggestMapping(ds);
      return {
        ok: true,
        inspection: {
          format,
          rows: ds.nrows,
          overview: {
            ...overview,
            source: input.name,
            suggested: suggestion.roles,
            codeTables: codeTablesOf(ds, overview),
          },
          mapping: suggestion.mapping,
        },
      };
    }
    ctx.progress(STAGES.classifying, { stage: 'checking' });
    const report = validateMapping(ds, input.mapping);
    if (!report.canRun) {
      const errors = report.issues.filter((i) => i.severity === 'error');
      return {
        ok: false,
        problem: {
          code: 'lab.mapping_refused',
          message: errors.map((i) => `${i.field}: ${i.code}`).join('; '),
          fields: [...new Set(errors.map((i) => i.field))],
        },
        report,
      };
    }
    const mapping = parseMapping(readMappingFile(input.mapping));
    const result = computeMigrationTables(ds, mapping, {
      onProgress: (done, total, label) => {
        if (ctx.signal.aborted) throw new Error('cancelled');
        const stage = label === 'classifying' ? 'classifying' : label === 'SDG 10.7.1' ? 'sdg' : 'tables';
        ctx.progress(STAGES.classifying + 0.8 * (done / Math.max(total, 1)), { stage });
      },
    });
    const meta = {
      data: input.name,
      homeCountry: mapping.homeCountry,
      surveyYear: mapping.surveyYear,
      migrantCriterion: mapping.migrantCriterion,
      persons: ds.nrows,
      classification: result.classification,
      notAssessed: result.notAssessed,
      sdgEligibility: result.sdgEligibility,
      sdgSkipped: result.sdgSkipped,
    };
    return {
      ok: true,
      tables: {
        tidyJson: toTidyJson(result.tables, meta),
        tables: result.tables.length,
        persons: ds.nrows,
        sdgSkipped: result.sdgSkipped,
      },
    };
  } catch (e) {
    if (ctx.signal.aborted) throw e; // cancelled: the pool reports it as such
    return { ok: false, problem: toLabProblem(e, input.name) };
  }
}
