import { PassThrough, Readable } from 'node:stream';
import busboy from 'busboy';
import {
  acceptUpload,
  createUploadBatch,
  discardUploadBatch,
  FileRejectedError,
  UPLOAD_RULES,
  type StoredFileDto,
  type UploadBatch,
  type UploadPurpose,
} from '@labmig/core/files';
import { type App } from '@labmig/core/app';

/** What a multipart form brought: its text fields, the files kept, or the first refusal. */
export interface ReceivedForm {
  /** Text fields; a repeated name keeps every value in order. */
  readonly fields: Readonly<Record<string, string[]>>;
  /** The accepted files (pending until the feature keeps them with `keepStoredFiles`). */
  readonly files: readonly StoredFileDto[];
  /** The first refused file; then no file is kept (the text fields still are, to re-show the form). */
  readonly error?: FileRejectedError;
}

/** Options of `receiveUploads`. */
export interface ReceiveOptions {
  readonly purpose: UploadPurpose;
  /** The signed-in uploader (null only for files no one owns). */
  readonly ownerId: string | null;
  /** The form field holding the files (default `files`); files in other fields are ignored. */
  readonly fileField?: string;
  /** Longest text field in bytes (default 1 MiB). */
  readonly maxFieldBytes?: number;
}

/**
 * Reads a `multipart/form-data` request as a stream (busboy): each file goes through `acceptUpload` — into storage
 * under the use's limits, checked by content — one after the other, never whole in memory; text fields are
 * collected. When a file is refused, the rest of the body is still read (so a text field after it, such as the
 * draft, is kept), the files already accepted are discarded, and `error` says why. The route returns `fail()` with
 * the fields and `error.localize(locale)`.
 * @example const form = await receiveUploads(locals.app, request, { purpose: 'forum-attachment', ownerId })
 */
export async function receiveUploads(
  app: App,
  request: Request,
  options: ReceiveOptions,
): Promise<ReceivedForm> {
  const fileField = options.fileField ?? 'files';
  const rule = UPLOAD_RULES[options.purpose];
  const fields: Record<string, string[]> = {};
  let batch: UploadBatch = createUploadBatch(options.purpose);
  let error: FileRejectedError | undefined;
  let unexpected: unknown;
  let chain = Promise.resolve();
  const parser = busboy({
    headers: { 'content-type': request.headers.get('content-type') ?? '' },
    limits: { fieldSize: options.maxFieldBytes ?? 1024 ** 2, fields: 200, files: rule.maxFiles + 1 },
  });
  const parsed = new Promise<void>((resolve, reject) => {
    parser.on('field', (name, value) => (fields[name] ??= []).push(value));
    parser.on('file', (name, stream, info) => {
      // An empty file input still sends a part (no name, no bytes): nothing to keep.
      if (name !== fileField || !info.filename) {
        stream.resume();
        return;
      }
      // Parts arrive in order and busboy waits for each to be read: uploads run one after the other.
      chain = chain.then(async () => {
        if (error || unexpected) return void stream.resume();
        const source = new PassThrough();
        stream.pipe(source);
        try {
          ({ batch } = await acceptUpload(app, {
            purpose: options.purpose,
            filename: info.filename,
            source,
            ownerId: options.ownerId,
            batch,
            field: fileField,
          }));
        } catch (caught) {
          // Keep reading what is left of this part so the parts after it (the draft text) still arrive.
          stream.unpipe(source);
          stream.resume();
          if (caught instanceof FileRejectedError) error = caught;
          else unexpected ??= caught;
        }
      });
    });
    parser.on('filesLimit', () => {
      error ??= new FileRejectedError('file.too_many', { count: rule.maxFiles }, fileField);
    });
    parser.on('close', () => chain.then(resolve, reject));
    parser.on('error', reject);
  });
  if (!request.body) throw new FileRejectedError('file.empty', { name: '' }, fileField);
  Readable.fromWeb(request.body as import('node:stream/web').ReadableStream<Uint8Array>).pipe(parser);
  await parsed;
  if (unexpected) {
    await discardUploadBatch(app, batch);
    throw unexpected;
  }
  if (error) {
    await discardUploadBatch(app, batch);
    return { fields, files: [], error };
  }
  return { fields, files: batch.files };
}
