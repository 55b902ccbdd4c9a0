import { describe, expect, it } from 'vitest';
import { UPLOAD_RULES } from '@labmig/core/files';
import { bodyLimitFor, FORM_BODY_LIMIT, limitRequestBody } from './request-limits.ts';

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://campus.test/x', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

function streamOf(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const n = Math.min(65_536, bytes - sent);
      sent += n;
      controller.enqueue(new Uint8Array(n));
    },
  });
}

describe('limitRequestBody', () => {
  it('answers 413 at once when the declared length is over the limit', async () => {
    const result = limitRequestBody(post('x'.repeat(11), { 'content-length': '11' }), 10);
    expect(result).toBeInstanceOf(Response);
    expect((result as Response).status).toBe(413);
  });

  it('lets a body within the limit through untouched', async () => {
    const request = post('name=Ana', { 'content-length': '8' });
    expect(limitRequestBody(request, 10)).toBe(request);
    const streamed = limitRequestBody(post(streamOf(1000)), 1000) as Request;
    expect((await streamed.arrayBuffer()).byteLength).toBe(1000);
  });

  it('cuts a body without a declared length once it passes the limit', async () => {
    const limited = limitRequestBody(post(streamOf(FORM_BODY_LIMIT + 1)), FORM_BODY_LIMIT) as Request;
    await expect(limited.arrayBuffer()).rejects.toThrow();
  });
});

describe('bodyLimitFor', () => {
  it('gives upload routes their use’s total and every other route the form limit', () => {
    const uploads = { '/lab/datasets/new': 'lab-dataset' } as const;
    expect(bodyLimitFor('/lab/datasets/new', uploads)).toBe(
      UPLOAD_RULES['lab-dataset'].maxTotalBytes + FORM_BODY_LIMIT,
    );
    expect(bodyLimitFor('/sign-in', uploads)).toBe(FORM_BODY_LIMIT);
    expect(bodyLimitFor(null, uploads)).toBe(FORM_BODY_LIMIT);
  });
});
