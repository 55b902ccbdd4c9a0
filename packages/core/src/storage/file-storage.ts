import type { Readable } from 'node:stream';

/** Bytes to store: a Node stream, a web stream (`request.body`) or any async iterable of chunks. */
export type ByteSource = Readable | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

/** What `put` stored. */
export interface StoredObject {
  readonly key: string;
  /** Size in bytes. */
  readonly size: number;
  /** sha256 of the bytes, lower-case hex, computed while they streamed in. */
  readonly sha256: string;
}

/** Size and last change of a stored object. */
export interface ObjectStat {
  readonly size: number;
  readonly modifiedAt: Date;
}

/** Options of `put`. */
export interface PutOptions {
  /** The most bytes accepted: the write stops (and stores nothing) as soon as the stream passes it. */
  readonly maxBytes: number;
  /** Aborting stops the write; nothing is stored. */
  readonly signal?: AbortSignal;
}

/** A byte range to read, both ends inclusive (like HTTP Range). */
export interface ByteRange {
  readonly start: number;
  readonly end?: number;
}

/**
 * Where uploaded files live (submissions, attachments, datasets, certificates). Keys are slash-separated paths of
 * safe segments (`isValidStorageKey`), chosen by the caller from ids, never from user input. Every implementation
 * runs the shared contract suite (`describeFileStorageContract`, in `@labmig/core/storage/testing`).
 *
 * Guarantees: `put` streams (never holds a whole file in memory), enforces `maxBytes` while streaming, computes the
 * sha256 on the way, and is all-or-nothing — a broken-off or refused upload leaves no object, and readers never
 * see a half-written one. A `put` on an existing key replaces it atomically.
 */
export interface FileStorage {
  readonly kind: 'local' | (string & {});
  /** Stores the bytes under `key`. @throws ObjectTooLargeError past `maxBytes`; StorageKeyError for a bad key. */
  put(key: string, source: ByteSource, options: PutOptions): Promise<StoredObject>;
  /** The bytes (or a range of them) as a stream. @throws ObjectNotFoundError */
  get(key: string, range?: ByteRange): Promise<Readable>;
  /** Size and modification time; undefined when there is no such object. */
  stat(key: string): Promise<ObjectStat | undefined>;
  /** Deletes one object; false when it did not exist. */
  delete(key: string): Promise<boolean>;
  /** Deletes `prefix` and every object below it (`lab/datasets/42` removes `lab/datasets/42/…`). Returns how many. */
  deletePrefix(prefix: string): Promise<number>;
}

/** A key that is not a safe relative path (see `isValidStorageKey`). */
export class StorageKeyError extends Error {
  override readonly name = 'StorageKeyError';
  constructor(readonly key: string) {
    super(`invalid storage key ${JSON.stringify(key.slice(0, 200))}`);
  }
}

/** No object under the key. */
export class ObjectNotFoundError extends Error {
  override readonly name = 'ObjectNotFoundError';
  constructor(readonly key: string) {
    super(`no stored object ${key}`);
  }
}

/** The stream was longer than `maxBytes`; nothing was stored. */
export class ObjectTooLargeError extends Error {
  override readonly name = 'ObjectTooLargeError';
  constructor(readonly maxBytes: number) {
    super(`the file is larger than the limit of ${maxBytes} bytes`);
  }
}
