/**
 * Uploaded files: type by content, allow-lists and limits per use, and the upload path every feature uses
 * (`acceptUpload` → storage → `stored_files`). See README.md in this folder.
 */
export { FILE_TYPES, type FileTypeId, type FileTypeInfo } from './file-types.ts';
export { UPLOAD_RULES, acceptAttribute, type UploadPurpose, type UploadRule } from './upload-rules.ts';
export { detectFileType, ARCHIVE_LIMITS, type Detection, type RefusalReason } from './detect-file-type.ts';
export { bufferReader, storageReader, type ByteReader } from './byte-reader.ts';
export {
  FileRejectedError,
  formatBytes,
  formatTypeList,
  type FileRejectionParams,
} from './file-rejected-error.ts';
export { FILE_ERROR_MESSAGES, type FileErrorCode } from '../errors/messages/files.messages.ts';
export { displayName, type StoredFileDto } from './stored-file.ts';
export {
  acceptUpload,
  createUploadBatch,
  keepStoredFiles,
  deleteStoredFile,
  discardUploadBatch,
  openStoredFile,
  type UploadBatch,
  type UploadInput,
} from './upload.commands.ts';
export { PENDING_FILE_TTL_HOURS } from './files-sweep.job.ts';
export type { TextEncoding } from './text-sniff.rules.ts';
