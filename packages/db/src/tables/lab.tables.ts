// The Lab on the server: datasets and runs (migration 0013-lab).
import type { ColumnType } from 'kysely';

/** Where a dataset's data come from. */
export type LabDatasetSource = 'upload' | 'practice';

/** A dataset is read once after upload (`inspecting`), then `ready`, or `failed` with the reader's error. */
export type LabDatasetState = 'inspecting' | 'ready' | 'failed';

/**
 * A run's own state: `queued` until its job ends it `done` or `failed`; while queued, the job's state (queued,
 * running, cancelled, failed) tells the rest.
 */
export type LabRunState = 'queued' | 'done' | 'failed';

/** A dataset of the Lab (JSON as text: `error`, `overview`, `mapping`). */
export interface LabDatasetTable {
  id: string;
  owner_user_id: string;
  cohort_id: string | null;
  group_id: string | null;
  name: string;
  source: LabDatasetSource;
  practice_file: string | null;
  file_id: string | null;
  format: string | null;
  size_bytes: ColumnType<number | string, number, number>;
  state: LabDatasetState;
  error: string | null;
  row_count: number | null;
  overview: string | null;
  mapping: string | null;
  inspect_job_id: string | null;
  created_at: string;
  updated_at: string;
}

/** A run of the ILMS tables and SDG 10.7.1 on a dataset (JSON as text: `error`, `mapping`, `summary`). */
export interface LabRunTable {
  id: string;
  dataset_id: string;
  owner_user_id: string;
  job_id: string | null;
  state: LabRunState;
  error: string | null;
  mapping: string;
  result_key: string | null;
  summary: string | null;
  engine_version: string;
  created_at: string;
  finished_at: string | null;
}

/** The Lab's tables. */
export interface LabTables {
  lab_datasets: LabDatasetTable;
  lab_runs: LabRunTable;
}
