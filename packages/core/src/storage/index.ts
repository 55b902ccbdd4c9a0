/**
 * File storage: one interface (`FileStorage`), a local-folder implementation, safe keys. The app opens one
 * storage at `FILES_DIR` (`app.storage`). See README.md in this folder.
 */
export {
  ObjectNotFoundError,
  ObjectTooLargeError,
  StorageKeyError,
  type ByteRange,
  type ByteSource,
  type FileStorage,
  type ObjectStat,
  type PutOptions,
  type StoredObject,
} from './file-storage.ts';
export { createLocalFileStorage } from './local-file-storage.ts';
export { isValidStorageKey, storageKey, MAX_STORAGE_KEY_LENGTH } from './storage-key.ts';
