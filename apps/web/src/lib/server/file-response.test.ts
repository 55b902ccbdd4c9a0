import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ByteRange } from '@labmig/core/storage';
import type { StoredFileDto } from '@labmig/core/files';
import { fileResponse } from './file-response.ts';

const bytes = Buffer.from('0123456789');
const file: StoredFileDto = {
  id: 'f1',
  name: 'Note Sénégal.pdf',
  type: 'pdf',
  mediaType: 'application/pdf',
  size: bytes.length,
  sha256: 'abc123',
  purpose: 'assignment-submission',
  ownerId: 'u1',
  createdAt: '2026-03-10T09:00:00.000Z',
};
const read = async (range?: ByteRange) =>
  Readable.from([range ? bytes.subarray(range.start, (range.end ?? bytes.length - 1) + 1) : bytes]);
const get = (headers: Record<string, string> = {}) => new Request('http://campus.test/files/f1', { headers });

describe('fileResponse', () => {
  it('serves the checked type as an attachment with a safe UTF-8 name, nosniff and a sandbox', async () => {
    const response = await fileResponse(file, read, get());
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="Note Senegal.pdf"; filename*=UTF-8''Note%20S%C3%A9n%C3%A9gal.pdf`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'content-length': '10',
      etag: '"abc123"',
    });
    expect(await response.text()).toBe('0123456789');
    expect(
      (await fileResponse(file, read, get(), { inline: true })).headers.get('content-disposition'),
    ).toMatch(/^inline;/);
    const sheet = {
      ...file,
      type: 'xlsx' as const,
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };
    expect(
      (await fileResponse(sheet, read, get(), { inline: true })).headers.get('content-disposition'),
    ).toMatch(/^attachment;/);
  });

  it('answers ranges with 206, an unsatisfiable one with 416, and a known version with 304', async () => {
    const part = await fileResponse(file, read, get({ range: 'bytes=2-5' }));
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 2-5/10');
    expect(await part.text()).toBe('2345');
    expect(await (await fileResponse(file, read, get({ range: 'bytes=-3' }))).text()).toBe('789');
    expect((await fileResponse(file, read, get({ range: 'bytes=20-' }))).status).toBe(416);
    expect((await fileResponse(file, read, get({ 'if-none-match': '"abc123"' }))).status).toBe(304);
  });
});
