import { isActionFailure, isRedirect, fail, type ActionFailure } from '@sveltejs/kit';
import { discardUploadBatch, type StoredFileDto, type UploadPurpose } from '@labmig/core/files';
import { runAction, type ActionFailureData, type ActionOptions } from './edge.ts';
import { echoValues } from './forms.ts';
import { receiveUploads } from './uploads.ts';

/**
 * Runs a form action whose form may carry files (`enctype="multipart/form-data"`, files in the field `files`): the
 * body is streamed through `receiveUploads` (each file checked by content against `purpose`'s allow-list and
 * limits), then `work` gets the text fields as a FormData and the accepted files, pending until the feature keeps
 * them in its transaction. A refused file fails the form with its message on `files` and the text kept; when the
 * work fails (or throws) the uploads are discarded at once. A form without files (no JavaScript or not) runs as
 * `runAction`. The route must be listed in UPLOAD_ROUTES for bodies above the form limit.
 */
export async function runUploadAction<T>(
  event: { readonly locals: App.Locals; readonly request: Request },
  purpose: UploadPurpose,
  work: (form: FormData, files: readonly StoredFileDto[]) => Promise<T>,
  options: ActionOptions = {},
): Promise<T | ActionFailure<ActionFailureData>> {
  const { request, locals } = event;
  if (!(request.headers.get('content-type') ?? '').startsWith('multipart/form-data'))
    return runAction(event, (form) => work(form, []), options);
  const ownerId = locals.actor.kind === 'user' ? locals.actor.userId : null;
  const received = await receiveUploads(locals.app, request, { purpose, ownerId });
  const form = new FormData();
  for (const [name, values] of Object.entries(received.fields)) for (const v of values) form.append(name, v);
  if (received.error) {
    const message = received.error.localize(locals.locale);
    const extra = options.extra?.(form) ?? {};
    return fail(400, {
      ...extra,
      values: options.values?.(form) ?? echoValues(form),
      errors: { files: message },
      message,
      code: received.error.code,
    });
  }
  const batch = { purpose, files: received.files, bytes: received.files.reduce((n, f) => n + f.size, 0) };
  const asForm = new Request(request.url, { method: 'POST', body: form });
  try {
    const result = await runAction({ ...event, request: asForm }, (f) => work(f, received.files), options);
    if (isActionFailure(result)) await discardUploadBatch(locals.app, batch);
    return result;
  } catch (caught) {
    if (!isRedirect(caught)) await discardUploadBatch(locals.app, batch);
    throw caught;
  }
}
