// The messages between a Lab page and the engine's Web Worker (see README.md). Types only: this file is shared by the
// page bundle and the worker bundle and adds nothing to either.
import type {
  CodeSuggestion,
  DataFileErrorCode,
  DataFileFormat,
  DatasetOverview,
  MappingFile,
  MappingReport,
  MappingSuggestion,
  MigrationTables,
  ReuseReport,
  SpecResult,
  StatsSpec,
  TextEncodingName,
  VariableMapping,
} from '@labmig/stats';

/** Stable codes of everything that can go wrong; each has an English and a French message (messages/lab/). */
export type EngineErrorCode =
  | DataFileErrorCode
  | 'mapping.invalid'
  | 'mapping.column_missing'
  | 'spec.invalid'
  | 'engine.no_dataset'
  | 'engine.no_tables'
  | 'engine.bad_request'
  | 'engine.out_of_memory'
  | 'engine.cancelled'
  | 'engine.worker_failed'
  | 'engine.failed';

/** An error as the page receives it: a code to translate, the engine's own (English) text, and where. */
export interface EngineError {
  readonly code: EngineErrorCode;
  /** The engine's message, in English (shown as a technical detail under the translated text). */
  readonly message: string;
  /** Mapping or spec field at fault (`columns.age`, `spec.estimate[1].kind`). */
  readonly field?: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number | string;
  /** Byte offset in the file. */
  readonly offset?: number;
}

/** Steps a long request reports progress for. */
export type EngineStage = 'reading' | 'classifying' | 'tables' | 'sdg' | 'exporting';

/** CSV reading options the page may force (everything else is detected). */
export interface OpenOptions {
  readonly delimiter?: ',' | ';' | '\t' | '|';
  readonly decimal?: '.' | ',';
  readonly encoding?: TextEncodingName;
}

/** What `open` answers: the dataset is now held by the worker. */
export interface OpenedDataset {
  readonly source: string;
  readonly format: DataFileFormat;
  readonly bytes: number;
  readonly rows: number;
  readonly variables: number;
  /** Milliseconds spent reading, in the worker. */
  readonly readMs: number;
}

/** What `tables` answers: the ILMS core tables and SDG 10.7.1, as `labmig stats tables` computes them. */
export interface TablesResult extends MigrationTables {
  /** The mapping as the engine read it (defaults filled). */
  readonly mapping: VariableMapping;
  /** Milliseconds per step, in the worker: classification, ILMS tables, SDG 10.7.1, all. */
  readonly timings: {
    readonly classifyMs: number;
    readonly tablesMs: number;
    readonly sdgMs: number;
    readonly totalMs: number;
  };
}

/** A file built from the last tables, for the page to offer as a download. */
export interface ExportedFile {
  readonly filename: string;
  readonly type: string;
  readonly bytes: Uint8Array;
}

/** The export formats: tidy JSON, one table as CSV, all tables as XLSX, the ILOSTAT bulk CSV. */
export type ExportFormat = 'json' | 'csv' | 'xlsx' | 'ilostat';

/** Every request, by operation: its payload and its answer. */
export interface EngineOps {
  /**
   * Reads a CSV, SPSS (.sav, .zsav, .por), Stata (.dta), Parquet or Arrow file (CSV and gzip CSV streamed from
   * `File.stream()`); replaces any dataset held.
   */
  open: { request: { file: Blob; name?: string; options?: OpenOptions }; result: OpenedDataset };
  /** Variables, labels, types, missing counts, value labels and the first rows. */
  overview: { request: { previewRows?: number; maxValueLabels?: number }; result: DatasetOverview };
  /** A proposed mapping (roles, codes, home country, survey year) with its evidence. */
  suggest: { request: Record<string, never>; result: MappingSuggestion };
  /** The code table of a coded role for the column the user chose (values, labels, counts, proposed concepts). */
  codes: { request: { field: string; column: string }; result: CodeSuggestion | null };
  /** The wizard's report on a (possibly incomplete) mapping. */
  validate: { request: { mapping: unknown; maxExamples?: number }; result: MappingReport };
  /** A mapping as a file to save (format and version, the labels of the mapped columns of the file held). */
  saveMapping: { request: { mapping: unknown }; result: MappingFile };
  /** A saved mapping checked against the file held (the next wave's file). */
  reuse: { request: { mapping: unknown }; result: ReuseReport };
  /** ILMS core tables and SDG 10.7.1 for a mapping (the `labmig stats tables` format). */
  tables: { request: { mapping: unknown }; result: TablesResult };
  /** A spec (the `labmig stats run` format; `data` is ignored: the file held is the data). */
  run: { request: { spec: StatsSpec }; result: SpecResult | { results: SpecResult[] } };
  /** A download built from the last `tables` result. */
  export: { request: { format: ExportFormat; tableId?: string }; result: ExportedFile };
  /** Forgets the dataset and the tables. */
  close: { request: Record<string, never>; result: null };
}

export type EngineOp = keyof EngineOps;

/** Page → worker. `id` pairs the answers with the request. */
export type EngineRequest = {
  [K in EngineOp]: { readonly id: number; readonly op: K } & EngineOps[K]['request'];
}[EngineOp];

/** Worker → page. */
export type EngineResponse =
  | {
      readonly id: number;
      readonly type: 'progress';
      readonly stage: EngineStage;
      readonly done: number;
      readonly total: number;
    }
  | { readonly id: number; readonly type: 'result'; readonly result: unknown; readonly ms: number }
  | { readonly id: number; readonly type: 'error'; readonly error: EngineError };
