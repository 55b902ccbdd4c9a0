import {
  deleteStoredFileRow,
  findStoredFileById,
  insertStoredFile,
  markStoredFilesKept,
  newId,
  type Database,
  type Kysely,
} from '@labmig/db';
import type { Readable } from 'node:stream';
import type { App } from '../app/app.ts';
import { ObjectTooLargeError, type ByteRange, type ByteSource } from '../storage/file-storage.ts';
import { storageKey } from '../storage/storage-key.ts';
import { storageReader } from './byte-reader.ts';
import { detectFileType, type RefusalReason } from './detect-file-type.ts';
import { FileRejectedError } from './file-rejected-error.ts';
import { FILE_TYPES } from './file-types.ts';
import type { FileErrorCode } from '../errors/messages/files.messages.ts';
import { displayName, presentStoredFile, type StoredFileDto } from './stored-file.ts';
import { UPLOAD_RULES, type UploadPurpose } from './upload-rules.ts';

/** The files of one submission, post or form so far: the per-submission limits count across them. */
export interface UploadBatch {
  readonly purpose: UploadPurpose;
  readonly files: readonly StoredFileDto[];
  readonly bytes: number;
}

/** Starts an empty batch for one form. */
export function createUploadBatch(purpose: UploadPurpose): UploadBatch {
  return { purpose, files: [], bytes: 0 };
}

/** One file to receive. */
export interface UploadInput {
  readonly purpose: UploadPurpose;
  /** The name the browser sent (shown, never used as a path). */
  readonly filename: string;
  readonly source: ByteSource;
  readonly ownerId: string | null;
  /** The files already accepted in the same form (per-submission limits). */
  readonly batch?: UploadBatch;
  /** The form field, for the error. */
  readonly field?: string;
  readonly signal?: AbortSignal;
}

const REFUSAL_CODES: { readonly [R in RefusalReason]: FileErrorCode } = {
  empty: 'file.empty',
  executable: 'file.executable',
  markup: 'file.markup',
  archive: 'file.archive',
  'zip-bomb': 'file.zip_bomb',
  macros: 'file.macros',
  'legacy-office': 'file.legacy_office',
  damaged: 'file.damaged',
  unrecognised: 'file.unrecognised',
};

/**
 * Receives one uploaded file: streams it into storage (never whole in memory) under the use's size limits,
 * checks its type by content against the use's allow-list, and records it as `pending`. Refused or broken-off
 * uploads leave nothing behind. The feature then keeps the file in its own transaction (`keepStoredFiles`);
 * pending files nobody kept are deleted after a day (`files.sweep-pending`).
 * Returns the file and the batch with it added.
 * @throws FileRejectedError (too many, too large, wrong type, a program, damaged, interrupted)
 */
export async function acceptUpload(
  app: Pick<App, 'db' | 'clock' | 'storage' | 'logger'>,
  input: UploadInput,
): Promise<{ file: StoredFileDto; batch: UploadBatch }> {
  const rule = UPLOAD_RULES[input.purpose];
  const batch = input.batch ?? createUploadBatch(input.purpose);
  const sent = input.filename;
  const field = input.field ?? 'files';
  const reject = (code: FileErrorCode, params: object = {}) =>
    new FileRejectedError(code, { name: sent, allowed: rule.types, ...params }, field);
  if (batch.files.length >= rule.maxFiles) throw reject('file.too_many', { count: rule.maxFiles });
  const roomInBatch = rule.maxTotalBytes - batch.bytes;
  const maxBytes = Math.min(rule.maxFileBytes, roomInBatch);
  const id = newId();
  const now = app.clock.now();
  const key = storageKey('uploads', input.purpose, now.toISOString().slice(0, 7), id);
  let stored;
  try {
    stored = await app.storage.put(key, input.source, {
      maxBytes,
      ...(input.signal ? { signal: input.signal } : {}),
    });
  } catch (error) {
    if (error instanceof ObjectTooLargeError)
      throw roomInBatch < rule.maxFileBytes
        ? reject('file.total_too_large', { limitBytes: rule.maxTotalBytes })
        : reject('file.too_large', { limitBytes: rule.maxFileBytes });
    app.logger.warn('upload interrupted', { purpose: input.purpose, error: (error as Error).message });
    throw reject('file.interrupted');
  }
  const detection = await detectFileType(storageReader(app.storage, key, stored.size));
  if (!detection.ok || !rule.types.includes(detection.type)) {
    await app.storage.delete(key);
    throw detection.ok
      ? reject('file.type_not_allowed', { detected: detection.type })
      : reject(REFUSAL_CODES[detection.reason]);
  }
  const row = {
    id,
    storage_key: key,
    purpose: input.purpose,
    owner_id: input.ownerId,
    original_name: displayName(sent, detection.type),
    file_type: detection.type,
    media_type: FILE_TYPES[detection.type].mediaType,
    size_bytes: stored.size,
    sha256: stored.sha256,
    state: 'pending' as const,
    created_at: now.toISOString(),
    kept_at: null,
  };
  try {
    await insertStoredFile(app.db, row);
  } catch (error) {
    await app.storage.delete(key);
    throw error;
  }
  const file = presentStoredFile(row);
  return {
    file,
    batch: { purpose: batch.purpose, files: [...batch.files, file], bytes: batch.bytes + file.size },
  };
}

/**
 * Keeps uploaded files for good, inside the feature's transaction (the submission or post that holds them).
 * Returns how many were still pending (a file already kept is not counted).
 */
export function keepStoredFiles(trx: Kysely<Database>, ids: readonly string[], now: Date): Promise<number> {
  return markStoredFilesKept(trx, ids, now.toISOString());
}

/** Deletes a file: its record, then its bytes. Authorization is the caller's. Returns false when there was none. */
export async function deleteStoredFile(
  app: Pick<App, 'db' | 'storage' | 'logger'>,
  id: string,
): Promise<boolean> {
  const row = await deleteStoredFileRow(app.db, id);
  if (!row) return false;
  // The record is gone first: a failure here leaves unreferenced bytes (logged), never a record without bytes.
  await app.storage
    .delete(row.storage_key)
    .catch((error: unknown) => app.logger.error('stored file bytes not deleted', { fileId: id, error }));
  return true;
}

/** Deletes the files of a batch (the form failed after the uploads). */
export async function discardUploadBatch(
  app: Pick<App, 'db' | 'storage' | 'logger'>,
  batch: UploadBatch,
): Promise<void> {
  for (const file of batch.files) await deleteStoredFile(app, file.id);
}

/** A stored file and a way to read it (downloads). Authorization is the caller's. */
export async function openStoredFile(
  app: Pick<App, 'db' | 'storage'>,
  id: string,
): Promise<{ file: StoredFileDto; read(range?: ByteRange): Promise<Readable> } | undefined> {
  const row = await findStoredFileById(app.db, id);
  if (!row) return undefined;
  return { file: presentStoredFile(row), read: (range) => app.storage.get(row.storage_key, range) };
}
