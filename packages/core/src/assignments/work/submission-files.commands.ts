import {
  deleteSubmissionFile,
  listGradeVersions,
  findStoredFileById,
  findSubmissionById,
  findSubmissionOfFile,
  insertSubmissionFiles,
  listFeedbackFiles,
  listSubmissionFiles,
  updateSubmissionAtVersion,
} from '@labmig/db';
import type { Readable } from 'node:stream';
import type { Actor } from '../../access/actor.ts';
import { can } from '../../access/can.ts';
import type { App } from '../../app/app.ts';
import { ConflictError, DomainValidationError, NotFoundError } from '../../errors/domain-errors.ts';
import type { ByteRange } from '../../storage/file-storage.ts';
import { deleteStoredFile, keepStoredFiles, openStoredFile } from '../../files/upload.commands.ts';
import type { StoredFileDto } from '../../files/stored-file.ts';
import type { UploadRule } from '../../files/upload-rules.ts';
import { loadAssignmentsContext } from '../assignment-context.ts';
import { visibleGrade } from '../grading/marking-workflow.rules.ts';
import { assertMayRead } from './work-owner.ts';
import { refusalError } from './work-refusals.ts';
import { gradeVersionsOf, type WorkOwner } from './work-state.ts';
import {
  inWork,
  record,
  savedOf,
  writeDraft,
  type AssignmentRef,
  type DraftInput,
  type SavedWork,
} from './submission.commands.ts';

/** What an upload into a draft may bring: the assignment's limits and what the draft already holds. */
export interface UploadTarget {
  readonly rule: UploadRule;
  readonly prior: { readonly files: number; readonly bytes: number };
  readonly ownerId: string;
}

/**
 * Checks, before a single byte is read, that the actor may add files to their (or their group's) draft now, and
 * returns the assignment's limits with the files the draft already holds (the upload counts them).
 * @throws AssignmentClosedError, ConflictError (`assignment.already_submitted`, `assignment.not_open`, …),
 *   DomainValidationError `assignment.files_not_accepted`, access errors
 */
export async function prepareSubmissionUpload(
  app: App,
  actor: Actor,
  ref: AssignmentRef,
): Promise<UploadTarget> {
  return inWork(app, actor, ref, async (trx, state, scope) => {
    const edit = state.actions.edit;
    if (!edit.allowed) throw refusalError(edit.reason, state);
    const spec = scope.assignment.definition.submission.files;
    if (!spec)
      throw new DomainValidationError(
        { files: 'assignment.files_not_accepted' },
        'assignment.files_not_accepted',
      );
    const held = state.current ? await listSubmissionFiles(trx, [state.current.row.id]) : [];
    return {
      rule: {
        types: spec.types,
        maxFileBytes: spec.maxFileBytes,
        maxTotalBytes: spec.maxTotalBytes,
        maxFiles: spec.max,
      },
      prior: { files: held.length, bytes: held.reduce((n, f) => n + f.size_bytes, 0) },
      ownerId: scope.userId,
    };
  });
}

/**
 * Keeps files the actor just uploaded (pending, their own, for submissions) in the draft, with the text posted
 * beside them, in one transaction; refused when the draft changed meanwhile or would hold more files than the
 * assignment allows. On refusal the caller discards the uploaded files.
 * @throws as saveDraft, ConflictError `assignment.too_many_files`, NotFoundError for files that are not the actor's
 */
export async function attachSubmissionFiles(
  app: App,
  actor: Actor,
  ref: AssignmentRef,
  input: DraftInput & { readonly fileIds: readonly string[] },
): Promise<SavedWork> {
  return inWork(app, actor, ref, async (trx, state, scope) => {
    const edit = state.actions.edit;
    if (!edit.allowed) throw refusalError(edit.reason, state);
    const spec = scope.assignment.definition.submission.files;
    if (!spec)
      throw new DomainValidationError(
        { files: 'assignment.files_not_accepted' },
        'assignment.files_not_accepted',
      );
    const now = app.clock.now();
    const row = await writeDraft(trx, state, scope, input, now);
    if (input.fileIds.length === 0) return savedOf(row);
    const files = [];
    for (const id of input.fileIds) {
      const file = await findStoredFileById(trx, id);
      if (
        !file ||
        file.owner_id !== scope.userId ||
        file.purpose !== 'assignment-submission' ||
        file.state !== 'pending'
      )
        throw new NotFoundError('submission.not_found');
      files.push(file);
    }
    const held = await listSubmissionFiles(trx, [row.id]);
    if (held.length + files.length > spec.max) throw new ConflictError('assignment.too_many_files');
    const at = now.toISOString();
    await insertSubmissionFiles(
      trx,
      files.map((f) => ({ submission_id: row.id, file_id: f.id, added_by: scope.userId, added_at: at })),
    );
    await keepStoredFiles(
      trx,
      files.map((f) => f.id),
      now,
    );
    const patch = { updated_at: at, updated_by: scope.userId };
    if (!(await updateSubmissionAtVersion(trx, row.id, row.version, patch)))
      throw new ConflictError('assignment.draft_conflict');
    for (const f of files)
      await record(trx, row.id, scope.userId, 'file-added', now, { name: f.original_name });
    return savedOf({ ...row, ...patch, version: row.version + 1 });
  });
}

/**
 * Removes a file from the actor's (or their group's) draft, then deletes it from storage.
 * @throws as saveDraft, NotFoundError `submission.not_found` for a file that is not in the draft
 */
export async function removeSubmissionFile(
  app: App,
  actor: Actor,
  ref: AssignmentRef,
  input: { readonly fileId: string; readonly version: number },
): Promise<SavedWork> {
  const saved = await inWork(app, actor, ref, async (trx, state, scope) => {
    const edit = state.actions.edit;
    if (!edit.allowed) throw refusalError(edit.reason, state);
    const row = state.current?.row;
    if (!row) throw new NotFoundError('submission.not_found');
    if (row.version !== input.version) throw new ConflictError('assignment.draft_conflict');
    const file = (await listSubmissionFiles(trx, [row.id])).find((f) => f.file_id === input.fileId);
    if (!file || !(await deleteSubmissionFile(trx, row.id, input.fileId)))
      throw new NotFoundError('submission.not_found');
    const now = app.clock.now();
    const patch = { updated_at: now.toISOString(), updated_by: scope.userId };
    if (!(await updateSubmissionAtVersion(trx, row.id, row.version, patch)))
      throw new ConflictError('assignment.draft_conflict');
    await record(trx, row.id, scope.userId, 'file-removed', now, { name: file.original_name });
    return savedOf({ ...row, ...patch, version: row.version + 1 });
  });
  await deleteStoredFile(app, input.fileId);
  return saved;
}

/**
 * Opens a file of a submission for download: work files for whoever may read the work (its learner or group,
 * staff); feedback files for staff, and for the learner or group once a released grade shows them.
 * @throws NotFoundError `submission.not_found` for anyone else (no probing of ids), access errors
 */
export async function openSubmissionFile(
  app: App,
  actor: Actor,
  ref: { readonly cohortId: string; readonly fileId: string },
): Promise<{ readonly file: StoredFileDto; read(range?: ByteRange): Promise<Readable> }> {
  const ctx = await loadAssignmentsContext(app.db, actor, ref.cohortId);
  const link = await findSubmissionOfFile(app.db, ref.fileId);
  const row = link && (await findSubmissionById(app.db, link.submission_id));
  if (
    !link ||
    !row ||
    row.cohort_id !== ctx.cohort.id ||
    !ctx.assignments.some((a) => a.id === row.assignment_id)
  )
    throw new NotFoundError('submission.not_found');
  const owner: WorkOwner =
    row.group_id !== null ? { kind: 'group', groupId: row.group_id } : { kind: 'user', userId: row.user_id! };
  assertMayRead(ctx, owner);
  if (link.as === 'feedback' && !(await feedbackVisibleTo(app, ctx, row.id, ref.fileId)))
    throw new NotFoundError('submission.not_found');
  const opened = await openStoredFile(app, ref.fileId);
  if (!opened) throw new NotFoundError('submission.not_found');
  return opened;
}

async function feedbackVisibleTo(
  app: App,
  ctx: Awaited<ReturnType<typeof loadAssignmentsContext>>,
  submissionId: string,
  fileId: string,
): Promise<boolean> {
  if (can(ctx.actor, 'assignment.grade', ctx.access)) return true;
  const released = visibleGrade(gradeVersionsOf(await listGradeVersions(app.db, [submissionId])));
  if (!released) return false;
  const file = (await listFeedbackFiles(app.db, [submissionId])).find((f) => f.file_id === fileId);
  return file !== undefined && isFeedbackFileVisible(file, released.version);
}

/** Whether a feedback file belongs to the released version the learner sees. */
export function isFeedbackFileVisible(
  file: { readonly added_in_version: number; readonly removed_in_version: number | null },
  releasedVersion: number,
): boolean {
  return (
    file.added_in_version <= releasedVersion &&
    (file.removed_in_version === null || file.removed_in_version > releasedVersion)
  );
}
