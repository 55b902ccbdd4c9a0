import { describe, expect, it } from 'vitest';
import { readPostedBody } from './posted-body.ts';

const post = (body: BodyInit | null, contentType?: string): Request =>
  new Request('http://campus.test/autosave', {
    method: 'POST',
    body,
    headers: contentType ? { 'content-type': contentType } : {},
  });

describe('readPostedBody', () => {
  it('reads a form body, urlencoded or multipart', async () => {
    const urlencoded = await readPostedBody(
      post('page=2&slot-1=a&slot-1=b', 'application/x-www-form-urlencoded'),
    );
    expect(urlencoded).toEqual({
      ok: true,
      fields: new Map([
        ['page', ['2']],
        ['slot-1', ['a', 'b']],
      ]),
    });
    const form = new FormData();
    form.append('slot-3', 'six');
    const multipart = await readPostedBody(
      new Request('http://campus.test/a', { method: 'POST', body: form }),
    );
    expect(multipart).toEqual({ ok: true, fields: new Map([['slot-3', ['six']]]) });
  });

  it('reads a JSON object, whatever the charset parameter', async () => {
    const result = await readPostedBody(
      post('{"slot-0":"12,5","page":"1"}', 'application/json; charset=utf-8'),
    );
    expect(result).toEqual({
      ok: true,
      fields: new Map([
        ['slot-0', ['12,5']],
        ['page', ['1']],
      ]),
    });
  });

  it.each([
    ['text/xml', '<answers/>', 'text/xml'],
    ['no content type', 'page=1', undefined],
    ['text/plain', 'page=1', 'text/plain'],
  ])('refuses %s with 415', async (_label, body, type) => {
    expect(await readPostedBody(post(body, type))).toEqual({ ok: false, status: 415, problem: 'type' });
  });

  it.each([
    ['malformed JSON', '{"slot-0": "12', 'application/json'],
    ['a JSON array', '["slot-0"]', 'application/json'],
    ['JSON null', 'null', 'application/json'],
    [
      'a multipart body without its boundary',
      '--x\r\nContent-Disposition: form-data; name="page"\r\n\r\n1',
      'multipart/form-data',
    ],
    [
      'a truncated multipart body',
      '--x\r\nContent-Disposition: form-data; name="page"\r\n\r\n1',
      'multipart/form-data; boundary=x',
    ],
  ])('refuses %s with 400', async (_label, body, type) => {
    expect(await readPostedBody(post(body, type))).toEqual({ ok: false, status: 400, problem: 'malformed' });
  });

  it.each([
    ['an empty JSON object', '{}', 'application/json'],
    ['JSON without a page or an answer', '{"go":"next"}', 'application/json'],
    ['an empty form', '', 'application/x-www-form-urlencoded'],
  ])('refuses %s with 400: nothing would be saved', async (_label, body, type) => {
    expect(await readPostedBody(post(body, type))).toEqual({ ok: false, status: 400, problem: 'empty' });
  });
});
