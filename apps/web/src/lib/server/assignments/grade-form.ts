import { fail, type ActionFailure } from '@sveltejs/kit';
import type { App } from '@labmig/core/app';
import type { UserActor } from '@labmig/core/access';
import {
  GRADE_ACTIONS,
  prepareFeedbackUpload,
  saveGrade,
  type GradeInput,
  type SavedGrade,
  type SubmissionRef,
} from '@labmig/core/assignments';
import { isDomainError } from '@labmig/core/errors';
import { deleteStoredFile } from '@labmig/core/files';
import { statusOf } from '../edge.ts';
import type { Locale } from '../locale.ts';
import { receiveUploads } from '../uploads.ts';

/** A refused grading form: the tutor's entries as typed, one message per field, the form message. */
export interface GradeFailure {
  readonly values: Record<string, string>;
  readonly errors: Record<string, string>;
  readonly message: string;
  readonly code?: string;
}

const first = (fields: Readonly<Record<string, string[]>>, name: string) => fields[name]?.[0] ?? '';

/** The grading form's fields as the command takes them (`level-<criterion>`, `comment-<criterion>`, `adjust-<user>`). */
export function gradeInputOf(fields: Readonly<Record<string, string[]>>, addFiles: string[]): GradeInput {
  const levels: Record<string, number> = {};
  const comments: Record<string, string> = {};
  const adjustments: Record<string, number> = {};
  for (const [name, values] of Object.entries(fields)) {
    const value = values[0] ?? '';
    if (name.startsWith('level-') && value !== '') levels[name.slice(6)] = Number(value);
    else if (name.startsWith('comment-') && value.trim() !== '') comments[name.slice(8)] = value;
    else if (name.startsWith('adjust-') && value.trim() !== '') adjustments[name.slice(7)] = Number(value);
  }
  const action = first(fields, 'action');
  const points = first(fields, 'points').trim();
  return {
    startedFrom: Number(first(fields, 'startedFrom')),
    action: (GRADE_ACTIONS as readonly string[]).includes(action) ? (action as GradeInput['action']) : 'save',
    levels,
    points: points === '' ? null : Number(points.replace(',', '.')),
    comments,
    feedback: first(fields, 'feedback'),
    adjustments,
    addFiles,
    removeFiles: fields['removeFile'] ?? [],
  };
}

/**
 * Saves a grade from the grading page's multipart form: feedback files are streamed through the content check into
 * storage first; the grade is then saved as a new version (a tutor who started from an older version is refused
 * with a conflict, nothing is overwritten). On any refusal the uploaded files are discarded and the entries kept.
 */
export async function saveGradeForm(
  app: App,
  actor: UserActor,
  request: Request,
  ref: SubmissionRef,
  locale: Locale,
): Promise<{ readonly saved: SavedGrade } | ActionFailure<GradeFailure>> {
  let fields: Readonly<Record<string, string[]>> = {};
  let fileIds: string[] = [];
  const values = () => Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v[0] ?? '']));
  try {
    const target = await prepareFeedbackUpload(app, actor, ref);
    const form = await receiveUploads(app, request, {
      purpose: 'assignment-submission',
      ownerId: target.ownerId,
      prior: target.prior,
    });
    fields = form.fields;
    if (form.error) {
      const message = form.error.localize(locale);
      return fail(400, { values: values(), errors: { files: message }, message, code: form.error.code });
    }
    fileIds = form.files.map((f) => f.id);
    const saved = await saveGrade(app, actor, ref, gradeInputOf(fields, fileIds));
    return { saved };
  } catch (caught) {
    for (const id of fileIds) await deleteStoredFile(app, id);
    if (!isDomainError(caught)) throw caught;
    const message = caught.localize(locale);
    const errors: Record<string, string> = {};
    for (const name of Object.keys(caught.fields ?? {})) errors[name] = message;
    return fail(statusOf(caught), { values: values(), errors, message, code: caught.code });
  }
}
