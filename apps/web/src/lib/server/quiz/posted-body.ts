import { fieldsOfForm, fieldsOfJson, postedSlots, type PostedFields } from './answer-fields.ts';

/**
 * The fields of a posted body, or why it cannot be read: `type` (415: not a form or JSON), `malformed` (400: the body
 * does not parse as its type says) or `empty` (400: it names no page and no answer, so nothing would be saved).
 */
export type PostedBody =
  | { readonly ok: true; readonly fields: PostedFields }
  | { readonly ok: false; readonly status: 415; readonly problem: 'type' }
  | { readonly ok: false; readonly status: 400; readonly problem: 'malformed' | 'empty' };

const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);

/** Reads a form (urlencoded or multipart) or JSON-object body; never throws for what a client sent. */
export async function readPostedBody(request: Request): Promise<PostedBody> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  let fields: PostedFields;
  if (type === 'application/json') {
    let body: unknown;
    try {
      body = JSON.parse(await request.text());
    } catch {
      return { ok: false, status: 400, problem: 'malformed' };
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body))
      return { ok: false, status: 400, problem: 'malformed' };
    fields = fieldsOfJson(body);
  } else if (FORM_TYPES.has(type)) {
    try {
      fields = fieldsOfForm(await request.formData());
    } catch {
      return { ok: false, status: 400, problem: 'malformed' };
    }
  } else return { ok: false, status: 415, problem: 'type' };
  if (!fields.has('page') && postedSlots(fields).length === 0)
    return { ok: false, status: 400, problem: 'empty' };
  return { ok: true, fields };
}
