import { buffer } from 'node:stream/consumers';
import type { FileStorage } from '../storage/file-storage.ts';

/** Random access to a file's bytes: enough to read a header and a ZIP's central directory without the rest. */
export interface ByteReader {
  readonly size: number;
  /** Up to `length` bytes from `offset` (fewer at the end of the file). */
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** A reader over bytes in memory (tests, small inputs). */
export function bufferReader(bytes: Uint8Array): ByteReader {
  return { size: bytes.length, read: async (offset, length) => bytes.subarray(offset, offset + length) };
}

/** A reader over a stored object, reading only the ranges asked for. */
export function storageReader(storage: FileStorage, key: string, size: number): ByteReader {
  return {
    size,
    async read(offset, length) {
      if (length <= 0 || offset >= size) return new Uint8Array(0);
      const end = Math.min(size, offset + length) - 1;
      return new Uint8Array(await buffer(await storage.get(key, { start: offset, end })));
    },
  };
}
