import { Readable } from 'node:stream';
import type { ByteRange } from '@labmig/core/storage';
import type { StoredFileDto } from '@labmig/core/files';
import type { Readable as NodeReadable } from 'node:stream';

const INLINE_TYPES = new Set(['pdf', 'png', 'jpeg', 'gif']);

/**
 * A download of a stored file, streamed from storage: the media type of its checked type (never the sender's),
 * `nosniff`, a sandboxing CSP, `Content-Disposition` with the safe name (UTF-8), the sha256 as ETag (304 when the
 * browser has it), and byte ranges (206) so a large dataset or PDF can resume. Images and PDFs open in the browser
 * when `inline`; everything else downloads. Authorization is the route's, before calling this.
 * @example const opened = await openStoredFile(locals.app, id); return fileResponse(opened.file, opened.read, request)
 */
export async function fileResponse(
  file: StoredFileDto,
  read: (range?: ByteRange) => Promise<NodeReadable>,
  request: Request,
  options: { readonly inline?: boolean } = {},
): Promise<Response> {
  const etag = `"${file.sha256}"`;
  const disposition = options.inline && INLINE_TYPES.has(file.type) ? 'inline' : 'attachment';
  const headers = new Headers({
    'content-type': file.mediaType,
    'content-disposition': `${disposition}; filename="${asciiName(file.name)}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'private, no-cache',
    'accept-ranges': 'bytes',
    etag,
  });
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  const range = parseRange(request.headers.get('range'), file.size);
  if (range === 'invalid') {
    headers.set('content-range', `bytes */${file.size}`);
    return new Response(null, { status: 416, headers });
  }
  const stream = await read(range);
  const body = Readable.toWeb(stream) as ReadableStream<Uint8Array>;
  if (range) {
    headers.set('content-range', `bytes ${range.start}-${range.end}/${file.size}`);
    headers.set('content-length', String(range.end - range.start + 1));
    return new Response(body, { status: 206, headers });
  }
  headers.set('content-length', String(file.size));
  return new Response(body, { status: 200, headers });
}

/** One `bytes=a-b`, `bytes=a-` or `bytes=-n` range; undefined for none or several; 'invalid' when unsatisfiable. */
function parseRange(
  header: string | null,
  size: number,
): { start: number; end: number } | undefined | 'invalid' {
  const match = header?.match(/^bytes=(\d*)-(\d*)$/);
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const start = match[1] === '' ? Math.max(0, size - Number(match[2])) : Number(match[1]);
  const end = match[1] === '' || match[2] === '' ? size - 1 : Math.min(size - 1, Number(match[2]));
  return start > end || start >= size ? 'invalid' : { start, end };
}

function asciiName(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '') || 'file'
  );
}
