import { StorageKeyError } from './file-storage.ts';

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;

/** Longest key accepted, in characters. */
export const MAX_STORAGE_KEY_LENGTH = 512;

/**
 * True for a safe storage key: 1–16 segments separated by `/`, each of letters, digits, `_`, `-` and `.`, not
 * starting with a dot (so no `.`, `..` or hidden names), no empty segment, at most 512 characters.
 * @example isValidStorageKey('submissions/7f3a/report.pdf') // true
 * @example isValidStorageKey('../etc/passwd') // false
 */
export function isValidStorageKey(key: string): boolean {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_STORAGE_KEY_LENGTH) return false;
  const segments = key.split('/');
  return segments.length <= 16 && segments.every((s) => SEGMENT.test(s));
}

/** The key's segments. @throws StorageKeyError for an unsafe key. */
export function storageKeySegments(key: string): string[] {
  if (!isValidStorageKey(key)) throw new StorageKeyError(key);
  return key.split('/');
}

/**
 * Joins safe parts into a key: each part is one segment (ids, fixed words); a part that is not a safe segment
 * throws, so user input can never smuggle a `/` or `..` in.
 * @example storageKey('lab', 'datasets', 'a1b2', 'source.sav') // 'lab/datasets/a1b2/source.sav'
 */
export function storageKey(...parts: string[]): string {
  const key = parts.join('/');
  if (parts.some((p) => p.includes('/')) || !isValidStorageKey(key)) throw new StorageKeyError(key);
  return key;
}
