import { UPLOAD_RULES } from '../files/upload-rules.ts';

/**
 * The Lab's limits per person, defined once: the commands enforce them, the pages state them. One file may be as
 * large as the `lab-dataset` upload rule allows (1 GiB); a person's datasets together at most `maxBytes`.
 */
export const LAB_LIMITS = {
  /** Datasets a person may keep. */
  maxDatasets: 20,
  /** Bytes of all of a person's uploaded datasets together. */
  maxBytes: 2 * 1024 ** 3,
  /** Largest single file (the upload rule's). */
  maxFileBytes: UPLOAD_RULES['lab-dataset'].maxFileBytes,
  /** A person's Lab jobs (inspections and runs) queued or running at once. */
  maxActiveJobs: 2,
  /** Rows of the preview on the dataset page. */
  previewRows: 10,
} as const;
