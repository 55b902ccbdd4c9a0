import type { StoredFileRow } from '@labmig/db';
import { FILE_TYPES, type FileTypeId } from './file-types.ts';
import type { UploadPurpose } from './upload-rules.ts';

/** An uploaded file as features see it (never the storage key). */
export interface StoredFileDto {
  readonly id: string;
  /** The name to show and to download under: the sender's name, with the extension of the real type. */
  readonly name: string;
  readonly type: FileTypeId;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
  readonly purpose: UploadPurpose;
  readonly ownerId: string | null;
  readonly createdAt: string;
}

/** Maps a row to the DTO. */
export function presentStoredFile(row: StoredFileRow): StoredFileDto {
  return {
    id: row.id,
    name: row.original_name,
    type: row.file_type as FileTypeId,
    mediaType: row.media_type,
    size: Number(row.size_bytes),
    sha256: row.sha256,
    purpose: row.purpose as UploadPurpose,
    ownerId: row.owner_id,
    createdAt: row.created_at,
  };
}

/**
 * A safe display name: the last path segment of what the browser sent, without control or reserved characters,
 * at most 120 characters, ending in the extension of the detected type (`report.pdf` that is really a PNG becomes
 * `report.png`; `notes` becomes `notes.txt`).
 * @example displayName('C:\\Users\\ana\\Note finale.PDF', 'pdf') // 'Note finale.pdf'
 */
export function displayName(sent: string, type: FileTypeId): string {
  const base = (sent.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f"<>:|?*]/g, '')
    .trim();
  const stem =
    base
      .replace(/\.[A-Za-z0-9]{1,8}$/, '')
      .slice(0, 120)
      .trim() || 'file';
  return stem + FILE_TYPES[type].extension;
}
