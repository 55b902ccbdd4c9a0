import { fail, type ActionFailure } from '@sveltejs/kit';
import type { App } from '@labmig/core/app';
import type { UserActor } from '@labmig/core/access';
import {
  attachSubmissionFiles,
  prepareSubmissionUpload,
  saveDraft,
  submitWork,
  type AssignmentRef,
  type SavedWork,
} from '@labmig/core/assignments';
import { isDomainError } from '@labmig/core/errors';
import { deleteStoredFile } from '@labmig/core/files';
import { statusOf } from '../edge.ts';
import type { Locale } from '../locale.ts';
import { receiveUploads } from '../uploads.ts';

/** What the learner's form failed with: the text as written (never lost), one message per field, the form message. */
export interface WorkFailure {
  readonly form: 'work';
  readonly values: { readonly body: string };
  readonly errors: Record<string, string>;
  readonly message: string;
  readonly code?: string;
}

const versionOf = (raw: string | undefined): number | null => {
  const n = Number(raw);
  return raw === undefined || raw === '' || !Number.isInteger(n) || n < 0 ? null : n;
};

const failWith = (status: number, body: string, message: string, field: string, code?: string) =>
  fail(status, {
    form: 'work' as const,
    values: { body },
    errors: { [field]: message },
    message,
    ...(code ? { code } : {}),
  } satisfies WorkFailure);

/**
 * Saves (or hands in) the learner's work from the assignment page's form. A multipart form (the assignment takes
 * files) is read as a stream: each file goes through the content check into storage, one after the other, never
 * whole in memory. When a file is refused, the text is still saved as a draft (nothing written is lost) and the
 * refusal states the limit; when saving fails, the files just uploaded are discarded and the text is shown again.
 */
export async function saveWorkForm(
  app: App,
  actor: UserActor,
  request: Request,
  ref: AssignmentRef,
  locale: Locale,
  intent: 'save' | 'submit',
): Promise<{ readonly saved: SavedWork; readonly intent: 'save' | 'submit' } | ActionFailure<WorkFailure>> {
  const multipart = (request.headers.get('content-type') ?? '').startsWith('multipart/form-data');
  let body = '';
  let version: number | null;
  let fileIds: string[] = [];
  try {
    if (multipart) {
      const target = await prepareSubmissionUpload(app, actor, ref);
      const form = await receiveUploads(app, request, {
        purpose: 'assignment-submission',
        ownerId: target.ownerId,
        rule: target.rule,
        prior: target.prior,
      });
      body = form.fields['body']?.[0] ?? '';
      version = versionOf(form.fields['version']?.[0]);
      if (form.error) {
        // Keep the text: save it as a draft, then say what was wrong with the file.
        await saveDraft(app, actor, ref, { body, version }).catch(() => undefined);
        return failWith(400, body, form.error.localize(locale), 'files', form.error.code);
      }
      fileIds = form.files.map((f) => f.id);
    } else {
      const form = await request.formData();
      body = String(form.get('body') ?? '');
      version = versionOf(form.get('version')?.toString());
    }
    let saved = fileIds.length
      ? await attachSubmissionFiles(app, actor, ref, { body, version, fileIds })
      : null;
    fileIds = [];
    if (intent === 'submit')
      saved = await submitWork(app, actor, ref, { body, version: saved ? saved.version : version });
    else saved ??= await saveDraft(app, actor, ref, { body, version });
    return { saved, intent };
  } catch (caught) {
    for (const id of fileIds) await deleteStoredFile(app, id);
    if (!isDomainError(caught)) throw caught;
    const message = caught.localize(locale);
    const field = Object.keys(caught.fields ?? {})[0] ?? 'body';
    return failWith(statusOf(caught), body, message, field, caught.code);
  }
}
