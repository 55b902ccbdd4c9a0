import { UPLOAD_RULES, type UploadPurpose } from '@labmig/core/files';

/** The largest body of any request that is not an upload (forms, JSON autosave): 1 MiB. */
export const FORM_BODY_LIMIT = 1024 ** 2;

/**
 * Routes that receive uploads (SvelteKit route ids) and their use: such a route may receive the use's total size
 * (plus 1 MiB of form fields); every other request at most FORM_BODY_LIMIT. A feature adds its upload route here,
 * e.g. `'/[[lang=lang]]/courses/[slug]/assignments/[id]': 'assignment-submission'`.
 */
export const UPLOAD_ROUTES: Readonly<Record<string, UploadPurpose>> = {
  '/cohorts/[id]/forums/[forumId]': 'forum-attachment',
  '/cohorts/[id]/threads/[threadId]': 'forum-attachment',
  '/cohorts/[id]/assignments/[key]': 'assignment-submission',
  '/cohorts/[id]/assignments/[key]/submissions/[submissionId]': 'assignment-submission',
  '/lab/datasets': 'lab-dataset',
};

/** The body limit of a route. */
export function bodyLimitFor(
  routeId: string | null,
  uploads: Readonly<Record<string, UploadPurpose>> = UPLOAD_ROUTES,
): number {
  const purpose = routeId ? uploads[routeId] : undefined;
  return purpose ? UPLOAD_RULES[purpose].maxTotalBytes + FORM_BODY_LIMIT : FORM_BODY_LIMIT;
}

/**
 * Holds a request to a body limit (the web server itself accepts any size, so that upload routes can stream large
 * files): a declared length over the limit gets 413 at once; a body without a declared length is cut off with an
 * error when it passes the limit. SvelteKit's `request.formData()` reads a whole body into memory, so this is what
 * keeps an ordinary form route from being fed a gigabyte.
 */
export function limitRequestBody(request: Request, maxBytes: number): Request | Response {
  if (!request.body) return request;
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes)
    return new Response(`The request is too large (at most ${maxBytes} bytes here).\n`, {
      status: 413,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  if (declared !== null) return request;
  let seen = 0;
  const counted = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) controller.error(new RangeError(`request body over ${maxBytes} bytes`));
        else controller.enqueue(chunk);
      },
    }),
  );
  return new Request(request, { body: counted, duplex: 'half' } as RequestInit);
}
