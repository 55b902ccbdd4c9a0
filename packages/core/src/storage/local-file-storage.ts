import { createHash, randomUUID } from 'node:crypto';
import { constants, createReadStream, createWriteStream } from 'node:fs';
import { access, lstat, mkdir, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  ObjectNotFoundError,
  ObjectTooLargeError,
  StorageKeyError,
  type ByteRange,
  type ByteSource,
  type FileStorage,
  type ObjectStat,
  type StoredObject,
} from './file-storage.ts';
import { storageKeySegments } from './storage-key.ts';

/** Temporary files of writes in progress live here, inside the root, so the final rename stays on one disk. */
const TEMP_DIR = '.tmp';

/** A temporary file untouched this long belongs to a process that died mid-write: removed when a storage opens. */
export const STALE_TEMP_MS = 60 * 60_000;

/**
 * File storage in a local folder (`data/files/` by default, `FILES_DIR`). A write goes to `<root>/.tmp/<uuid>`,
 * is flushed to disk, then renamed onto its key: readers and a crash never see half a file. Keys map to paths
 * below the root and are checked twice (the key grammar, then the resolved path), so no key reaches outside it.
 * Several processes may share the folder (one machine, or a shared mount).
 * @throws Error when the folder cannot be created or written (the message names it)
 */
export async function createLocalFileStorage(root: string): Promise<FileStorage> {
  const base = path.resolve(root);
  const temp = path.join(base, TEMP_DIR);
  await mkdir(temp, { recursive: true });
  await access(base, constants.W_OK);
  await removeStaleTemps(temp);

  const pathOf = (key: string): string => {
    const full = path.resolve(base, ...storageKeySegments(key));
    // Defence in depth: the grammar already forbids `..`; the resolved path must still be inside the root.
    if (!full.startsWith(base + path.sep)) throw new StorageKeyError(key);
    return full;
  };

  return {
    kind: 'local',
    async put(key, source, options) {
      const target = pathOf(key);
      if (!Number.isSafeInteger(options.maxBytes) || options.maxBytes < 0)
        throw new RangeError('put: maxBytes must be a whole number of bytes');
      await mkdir(path.dirname(target), { recursive: true });
      const tempFile = path.join(temp, randomUUID());
      const meter = new HashingLimiter(options.maxBytes);
      try {
        await pipeline(
          toReadable(source),
          meter,
          createWriteStream(tempFile, { flags: 'wx', flush: true }),
          ...(options.signal ? [{ signal: options.signal }] : []),
        );
        await rename(tempFile, target);
      } catch (error) {
        await rm(tempFile, { force: true });
        throw meter.exceeded ? new ObjectTooLargeError(options.maxBytes) : error;
      }
      return { key, size: meter.bytes, sha256: meter.digest() } satisfies StoredObject;
    },
    async get(key, range?: ByteRange) {
      const file = pathOf(key);
      const info = await statFile(file);
      if (!info) throw new ObjectNotFoundError(key);
      if (range && (range.start < 0 || (range.end !== undefined && range.end < range.start)))
        throw new RangeError(`get: invalid range ${range.start}-${range.end ?? ''}`);
      // Opening first turns a missing file into ObjectNotFoundError here rather than an error event later.
      const stream = createReadStream(file, range ? { start: range.start, end: range.end } : {});
      await new Promise<void>((resolve, reject) => {
        stream.once('open', () => resolve());
        stream.once('error', (error: NodeJS.ErrnoException) =>
          reject(error.code === 'ENOENT' ? new ObjectNotFoundError(key) : error),
        );
      });
      return stream;
    },
    async stat(key): Promise<ObjectStat | undefined> {
      const info = await statFile(pathOf(key));
      return info ? { size: info.size, modifiedAt: info.mtime } : undefined;
    },
    async delete(key) {
      try {
        await unlink(pathOf(key));
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
        if (
          (error as NodeJS.ErrnoException).code === 'EISDIR' ||
          (error as NodeJS.ErrnoException).code === 'EPERM'
        )
          return false;
        throw error;
      }
    },
    async deletePrefix(prefix) {
      const target = pathOf(prefix);
      const info = await lstat(target).catch(() => undefined);
      if (!info) return 0;
      const count = info.isDirectory() ? await countFiles(target) : 1;
      await rm(target, { recursive: true, force: true });
      return count;
    },
  };
}

/** Counts bytes, computes the sha256 and fails as soon as more than `maxBytes` went through. */
class HashingLimiter extends Transform {
  bytes = 0;
  exceeded = false;
  private readonly hash = createHash('sha256');
  constructor(private readonly maxBytes: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      this.exceeded = true;
      done(new ObjectTooLargeError(this.maxBytes));
      return;
    }
    this.hash.update(chunk);
    done(null, chunk);
  }
  digest(): string {
    return this.hash.digest('hex');
  }
}

function toReadable(source: ByteSource): Readable {
  if (source instanceof Readable) return source;
  if (typeof (source as ReadableStream).getReader === 'function')
    return Readable.fromWeb(source as import('node:stream/web').ReadableStream<Uint8Array>);
  return Readable.from(source as AsyncIterable<Uint8Array>, { objectMode: false });
}

async function statFile(file: string) {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
    throw error;
  });
  return info?.isFile() ? info : undefined;
}

async function countFiles(dir: string): Promise<number> {
  let n = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) n++;
  return n;
}

async function removeStaleTemps(temp: string): Promise<void> {
  const now = Date.now();
  for (const name of await readdir(temp)) {
    const file = path.join(temp, name);
    const info = await stat(file).catch(() => undefined);
    if (info && now - info.mtimeMs > STALE_TEMP_MS) await rm(file, { force: true });
  }
}
