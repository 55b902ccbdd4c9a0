import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ObjectNotFoundError,
  ObjectTooLargeError,
  StorageKeyError,
  type FileStorage,
} from './file-storage.ts';

/** A storage under test and how to throw it away. */
export interface StorageUnderTest {
  readonly storage: FileStorage;
  cleanup(): Promise<void>;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const bytesOf = (n: number, seed = 7) => Buffer.from(Array.from({ length: n }, (_, i) => (i * seed) % 251));

/** An async source of `chunks` that then fails, like a connection dropped mid-upload. */
async function* brokenOff(chunks: Buffer[]): AsyncIterable<Uint8Array> {
  for (const c of chunks) yield c;
  throw new Error('connection reset');
}

/** Keys that must never be accepted by any implementation. */
export const UNSAFE_KEYS = [
  '',
  '../outside',
  'a/../../outside',
  'a/..',
  '/etc/passwd',
  'a//b',
  '.hidden',
  'a/./b',
  'a\\b',
  '..\\..\\outside',
  'a/b/',
  '%2e%2e/outside',
  'nul\u0000byte',
  'ümlaut',
  'x'.repeat(600),
];

/**
 * The contract every FileStorage implementation must keep (local folder today; S3 or another later): run it from
 * the implementation's own test file with a factory that gives a fresh, empty storage.
 * @example describeFileStorageContract('local', async () => ({ storage, cleanup }))
 */
export function describeFileStorageContract(name: string, create: () => Promise<StorageUnderTest>): void {
  describe(`FileStorage contract: ${name}`, () => {
    let current: StorageUnderTest;
    let storage: FileStorage;
    beforeEach(async () => {
      current = await create();
      storage = current.storage;
    });
    afterEach(async () => {
      await current.cleanup();
    });

    it('stores bytes from a Node stream, a web stream or an async iterable and gives them back', async () => {
      const data = bytesOf(300_000);
      const sources = {
        node: () => Readable.from([data.subarray(0, 100_000), data.subarray(100_000)]),
        web: () => new Blob([data]).stream(),
        iterable: () =>
          (async function* () {
            for (let i = 0; i < data.length; i += 65_536) yield data.subarray(i, i + 65_536);
          })(),
      };
      for (const [kind, source] of Object.entries(sources)) {
        const stored = await storage.put(`uploads/${kind}.bin`, source(), { maxBytes: 1_000_000 });
        expect(stored).toEqual({ key: `uploads/${kind}.bin`, size: data.length, sha256: sha256(data) });
        expect((await buffer(await storage.get(`uploads/${kind}.bin`))).equals(data)).toBe(true);
        expect((await storage.stat(`uploads/${kind}.bin`))?.size).toBe(data.length);
      }
    });

    it('accepts exactly maxBytes and refuses one byte more, storing nothing and keeping the old object', async () => {
      const old = Buffer.from('the earlier version');
      await storage.put('a/file', Readable.from([old]), { maxBytes: 100 });
      expect((await storage.put('a/exact', Readable.from([bytesOf(100)]), { maxBytes: 100 })).size).toBe(100);
      await expect(
        storage.put('a/file', Readable.from([bytesOf(60), bytesOf(41)]), { maxBytes: 100 }),
      ).rejects.toBeInstanceOf(ObjectTooLargeError);
      expect((await buffer(await storage.get('a/file'))).toString()).toBe('the earlier version');
      await expect(
        storage.put('a/new', Readable.from([bytesOf(101)]), { maxBytes: 100 }),
      ).rejects.toMatchObject({ maxBytes: 100 });
      expect(await storage.stat('a/new')).toBeUndefined();
    });

    it('leaves no object when the upload breaks off or is aborted', async () => {
      await expect(
        storage.put('broken/file', brokenOff([bytesOf(70_000), bytesOf(70_000)]), { maxBytes: 1e9 }),
      ).rejects.toThrow('connection reset');
      expect(await storage.stat('broken/file')).toBeUndefined();
      await expect(storage.get('broken/file')).rejects.toBeInstanceOf(ObjectNotFoundError);

      const abort = new AbortController();
      const endless = (async function* () {
        for (let i = 0; ; i++) {
          if (i === 3) abort.abort();
          yield bytesOf(10_000);
          await new Promise((r) => setTimeout(r, 1));
        }
      })();
      await expect(
        storage.put('aborted/file', endless, { maxBytes: 1e9, signal: abort.signal }),
      ).rejects.toThrow();
      expect(await storage.stat('aborted/file')).toBeUndefined();
    });

    it('never shows a half-written object to readers', async () => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const slow = (async function* () {
        yield bytesOf(50_000);
        await gate;
        yield bytesOf(50_000);
      })();
      const writing = storage.put('slow/file', slow, { maxBytes: 1e6 });
      await new Promise((r) => setTimeout(r, 30));
      expect(await storage.stat('slow/file')).toBeUndefined();
      release();
      await writing;
      expect((await storage.stat('slow/file'))?.size).toBe(100_000);
    });

    it('reads a byte range, both ends inclusive', async () => {
      await storage.put('r/file', Readable.from([Buffer.from('0123456789')]), { maxBytes: 100 });
      expect((await buffer(await storage.get('r/file', { start: 2, end: 5 }))).toString()).toBe('2345');
      expect((await buffer(await storage.get('r/file', { start: 7 }))).toString()).toBe('789');
    });

    it('deletes one object, or a prefix and everything below it, and nothing beside it', async () => {
      const put = (key: string) => storage.put(key, Readable.from([Buffer.from(key)]), { maxBytes: 100 });
      for (const key of ['d/42/a', 'd/42/sub/b', 'd/42/sub/c', 'd/420/keep', 'd/4/keep', 'e/x'])
        await put(key);
      expect(await storage.delete('e/x')).toBe(true);
      expect(await storage.delete('e/x')).toBe(false);
      expect(await storage.deletePrefix('d/42')).toBe(3);
      expect(await storage.stat('d/42/sub/b')).toBeUndefined();
      expect((await storage.stat('d/420/keep'))?.size).toBe(10);
      expect((await storage.stat('d/4/keep'))?.size).toBe(8);
      expect(await storage.deletePrefix('d/nothing-here')).toBe(0);
    });

    it('stores an empty stream as an empty object (refusing empty files is the caller’s rule)', async () => {
      expect(await storage.put('empty/file', Readable.from([]), { maxBytes: 10 })).toMatchObject({
        size: 0,
        sha256: sha256(Buffer.alloc(0)),
      });
    });

    it('refuses every unsafe key in every operation', async () => {
      for (const key of UNSAFE_KEYS) {
        await expect(
          storage.put(key, Readable.from([Buffer.from('x')]), { maxBytes: 10 }),
        ).rejects.toBeInstanceOf(StorageKeyError);
        await expect(storage.get(key)).rejects.toBeInstanceOf(StorageKeyError);
        await expect(storage.stat(key)).rejects.toBeInstanceOf(StorageKeyError);
        await expect(storage.delete(key)).rejects.toBeInstanceOf(StorageKeyError);
        await expect(storage.deletePrefix(key)).rejects.toBeInstanceOf(StorageKeyError);
      }
    });
  });
}
