import type { FileTypeId } from './file-types.ts';

/** What an upload is for: each use has its own allow-list and limits. */
export type UploadPurpose = 'assignment-submission' | 'forum-attachment' | 'lab-dataset';

/** The types and sizes one use accepts. */
export interface UploadRule {
  readonly types: readonly FileTypeId[];
  /** Largest file, in bytes. */
  readonly maxFileBytes: number;
  /** Largest total of one submission, post or upload form, in bytes. */
  readonly maxTotalBytes: number;
  /** Most files in one submission, post or upload form. */
  readonly maxFiles: number;
}

const MiB = 1024 ** 2;

/**
 * The limits of every upload, defined once: the form schemas, the commands, the messages and the pages all read
 * them from here (STYLE rule 15). Lab datasets accept what the statistics engine reads: CSV, SPSS .sav/.zsav/.por,
 * Stata .dta, Parquet and Arrow.
 */
export const UPLOAD_RULES: { readonly [P in UploadPurpose]: UploadRule } = {
  'assignment-submission': {
    types: ['pdf', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'csv', 'txt', 'png', 'jpeg'],
    maxFileBytes: 20 * MiB,
    maxTotalBytes: 50 * MiB,
    maxFiles: 10,
  },
  'forum-attachment': {
    types: ['pdf', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'csv', 'txt', 'png', 'jpeg', 'gif'],
    maxFileBytes: 10 * MiB,
    maxTotalBytes: 20 * MiB,
    maxFiles: 5,
  },
  'lab-dataset': {
    types: ['csv', 'sav', 'zsav', 'por', 'dta', 'parquet', 'arrow'],
    maxFileBytes: 1024 * MiB,
    maxTotalBytes: 1024 * MiB,
    maxFiles: 1,
  },
};

/** The `accept` attribute of a file input for a use (a hint for the browser's picker; the server checks content). */
export function acceptAttribute(purpose: UploadPurpose): string {
  return UPLOAD_RULES[purpose].types.flatMap((t) => ACCEPT[t]).join(',');
}

const ACCEPT: { readonly [K in FileTypeId]: readonly string[] } = {
  pdf: ['.pdf'],
  docx: ['.docx'],
  xlsx: ['.xlsx'],
  pptx: ['.pptx'],
  odt: ['.odt'],
  ods: ['.ods'],
  odp: ['.odp'],
  csv: ['.csv', '.tsv'],
  txt: ['.txt'],
  png: ['.png'],
  jpeg: ['.jpg', '.jpeg'],
  gif: ['.gif'],
  sav: ['.sav'],
  zsav: ['.zsav'],
  por: ['.por'],
  dta: ['.dta'],
  parquet: ['.parquet'],
  arrow: ['.arrow', '.feather'],
};
