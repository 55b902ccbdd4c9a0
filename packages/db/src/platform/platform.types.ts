import type { ColumnType } from 'kysely';

/** States of a background job. `failed` is final (no attempts left, or cancelled by a permanent error). */
export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/**
 * One background job (see packages/core/src/jobs). `payload` and `result` are JSON text; `run_slot` with
 * `schedule_key` makes a recurring run unique across processes; `locked_by`/`locked_until` are the lease of
 * the process running it.
 */
export interface JobTable {
  id: string;
  type: string;
  payload: string;
  state: JobState;
  run_at: string;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: number;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  cancel_requested: ColumnType<number, number | undefined, number>;
  progress: number | null;
  result: string | null;
  owner_id: string | null;
  schedule_key: string | null;
  run_slot: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

/** `pending` until the feature that received the upload keeps it in its own transaction; then `kept`. */
export type StoredFileState = 'pending' | 'kept';

/**
 * An uploaded file kept in file storage: the checked type (by content), size and sha256. PostgreSQL returns
 * `bigint` as text, so `size_bytes` reads as string or number (mappers convert).
 */
export interface StoredFileTable {
  id: string;
  storage_key: string;
  purpose: string;
  owner_id: string | null;
  original_name: string;
  file_type: string;
  media_type: string;
  size_bytes: ColumnType<number | string, number, number>;
  sha256: string;
  state: StoredFileState;
  created_at: string;
  kept_at: string | null;
}

/** The platform tables (migration 0005-platform). */
export interface PlatformTables {
  jobs: JobTable;
  stored_files: StoredFileTable;
}
