import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type {
  AssignmentDefinitionTable,
  AssignmentExtensionTable,
  AssignmentGradeVersionTable,
  AssignmentHistoryTable,
  AssignmentSubmissionTable,
  Database,
} from '../database.types.ts';
import { listCourseDefinitions } from './course-definition.repository.ts';

/** An assignment as defined for a course. */
export type AssignmentDefinitionRow = Selectable<AssignmentDefinitionTable>;
/** One attempt of a learner or group at an assignment. */
export type AssignmentSubmissionRow = Selectable<AssignmentSubmissionTable>;
/** One entry of a submission's history. */
export type AssignmentHistoryRow = Selectable<AssignmentHistoryTable>;
/** One saved version of a grade. */
export type AssignmentGradeVersionRow = Selectable<AssignmentGradeVersionTable>;
/** A due time moved for one learner or group. */
export type AssignmentExtensionRow = Selectable<AssignmentExtensionTable>;

/** The assignments of a course in course order (retired ones left out unless asked for). */
export function listAssignmentDefinitions(
  db: Kysely<Database>,
  courseId: string,
  options: { includeRetired?: boolean } = {},
): Promise<AssignmentDefinitionRow[]> {
  return listCourseDefinitions(db, 'assignment_definitions', courseId, options);
}

/** An assignment of a course by its key (the file name), retired or not. */
export async function findAssignmentDefinition(
  db: Kysely<Database>,
  courseId: string,
  key: string,
): Promise<AssignmentDefinitionRow | undefined> {
  return db
    .selectFrom('assignment_definitions')
    .selectAll()
    .where('course_id', '=', courseId)
    .where('assignment_key', '=', key)
    .executeTakeFirst();
}

/** Finds a submission by id. */
export async function findSubmissionById(
  db: Kysely<Database>,
  id: string,
): Promise<AssignmentSubmissionRow | undefined> {
  return db.selectFrom('assignment_submissions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every attempt of one learner or group at an assignment, first attempt first. */
export async function listSubmissionsOfOwner(
  db: Kysely<Database>,
  assignmentId: string,
  cohortId: string,
  ownerKey: string,
): Promise<AssignmentSubmissionRow[]> {
  return db
    .selectFrom('assignment_submissions')
    .selectAll()
    .where('assignment_id', '=', assignmentId)
    .where('cohort_id', '=', cohortId)
    .where('owner_key', '=', ownerKey)
    .orderBy('attempt')
    .execute();
}

/** Every submission of a cohort (all assignments, all attempts), or of one assignment. */
export async function listSubmissionsOfCohort(
  db: Kysely<Database>,
  cohortId: string,
  assignmentId?: string,
): Promise<AssignmentSubmissionRow[]> {
  let query = db.selectFrom('assignment_submissions').selectAll().where('cohort_id', '=', cohortId);
  if (assignmentId) query = query.where('assignment_id', '=', assignmentId);
  return query.orderBy('owner_key').orderBy('attempt').execute();
}

/**
 * Inserts a submission unless the owner already has this attempt (two members saving the first draft at once, or
 * two tabs starting a new attempt). Returns whether this call inserted it.
 */
export async function insertSubmission(
  db: Kysely<Database>,
  row: Insertable<AssignmentSubmissionTable>,
): Promise<boolean> {
  const inserted = await db
    .insertInto('assignment_submissions')
    .values(row)
    .onConflict((oc) => oc.columns(['assignment_id', 'cohort_id', 'owner_key', 'attempt']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/**
 * Changes a submission only if its `version` is still `expectedVersion`, and bumps the version. Returns false when
 * someone else changed it first (nothing is written).
 */
export async function updateSubmissionAtVersion(
  db: Kysely<Database>,
  id: string,
  expectedVersion: number,
  patch: Omit<Updateable<AssignmentSubmissionTable>, 'id' | 'version'>,
): Promise<boolean> {
  const result = await db
    .updateTable('assignment_submissions')
    .set({ ...patch, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Moves a submission's grade version from `expected` to `expected + 1`; false when another save came first.
 */
export async function claimGradeVersion(
  db: Kysely<Database>,
  submissionId: string,
  expected: number,
): Promise<boolean> {
  const result = await db
    .updateTable('assignment_submissions')
    .set({ grade_version: expected + 1 })
    .where('id', '=', submissionId)
    .where('grade_version', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The last history entry of a submission. */
export async function findLastHistoryEntry(
  db: Kysely<Database>,
  submissionId: string,
): Promise<AssignmentHistoryRow | undefined> {
  return db
    .selectFrom('assignment_history')
    .selectAll()
    .where('submission_id', '=', submissionId)
    .orderBy('position', 'desc')
    .executeTakeFirst();
}

/** Adds a history entry. */
export async function insertHistoryEntry(
  db: Kysely<Database>,
  row: Insertable<AssignmentHistoryTable>,
): Promise<void> {
  await db.insertInto('assignment_history').values(row).execute();
}

/** Brings a history entry up to date (a stretch of typing by the same person). */
export async function touchHistoryEntry(
  db: Kysely<Database>,
  id: string,
  at: string,
  detail: string | null,
): Promise<void> {
  await db.updateTable('assignment_history').set({ at, detail }).where('id', '=', id).execute();
}

/** The history of submissions, oldest first within each submission. */
export async function listHistory(
  db: Kysely<Database>,
  submissionIds: readonly string[],
): Promise<AssignmentHistoryRow[]> {
  if (submissionIds.length === 0) return [];
  return db
    .selectFrom('assignment_history')
    .selectAll()
    .where('submission_id', 'in', submissionIds)
    .orderBy('submission_id')
    .orderBy('position')
    .execute();
}

/** Inserts a grade version. */
export async function insertGradeVersion(
  db: Kysely<Database>,
  row: Insertable<AssignmentGradeVersionTable>,
): Promise<void> {
  await db.insertInto('assignment_grade_versions').values(row).execute();
}

/** The grade versions of submissions, oldest first. */
export async function listGradeVersions(
  db: Kysely<Database>,
  submissionIds: readonly string[],
): Promise<AssignmentGradeVersionRow[]> {
  if (submissionIds.length === 0) return [];
  return db
    .selectFrom('assignment_grade_versions')
    .selectAll()
    .where('submission_id', 'in', submissionIds)
    .orderBy('submission_id')
    .orderBy('version')
    .execute();
}

/** The extensions granted in a cohort (for one assignment, or all). */
export async function listExtensions(
  db: Kysely<Database>,
  cohortId: string,
  assignmentId?: string,
): Promise<AssignmentExtensionRow[]> {
  let query = db.selectFrom('assignment_extensions').selectAll().where('cohort_id', '=', cohortId);
  if (assignmentId) query = query.where('assignment_id', '=', assignmentId);
  return query.execute();
}

/** Grants or moves an extension. */
export async function upsertExtension(
  db: Kysely<Database>,
  row: Insertable<AssignmentExtensionTable>,
): Promise<void> {
  await db
    .insertInto('assignment_extensions')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['assignment_id', 'cohort_id', 'owner_key']).doUpdateSet({
        due_at: row.due_at,
        granted_by: row.granted_by,
        granted_at: row.granted_at,
      }),
    )
    .execute();
}

/** A stored file attached to a submission (or returned with a grade), with what pages show of it. */
export interface AttachedFileRow {
  readonly submission_id: string;
  readonly file_id: string;
  readonly original_name: string;
  readonly file_type: string;
  readonly size_bytes: number;
  readonly added_by: string | null;
}

/** The files of submissions, in the order they were added. */
export async function listSubmissionFiles(
  db: Kysely<Database>,
  submissionIds: readonly string[],
): Promise<(AttachedFileRow & { added_at: string })[]> {
  if (submissionIds.length === 0) return [];
  const rows = await db
    .selectFrom('assignment_submission_files')
    .innerJoin('stored_files', 'stored_files.id', 'assignment_submission_files.file_id')
    .select([
      'assignment_submission_files.submission_id',
      'assignment_submission_files.file_id',
      'assignment_submission_files.added_by',
      'assignment_submission_files.added_at',
      'stored_files.original_name',
      'stored_files.file_type',
      'stored_files.size_bytes',
    ])
    .where('assignment_submission_files.submission_id', 'in', submissionIds)
    .orderBy('assignment_submission_files.added_at')
    .orderBy('stored_files.original_name')
    .execute();
  return rows.map((r) => ({ ...r, size_bytes: Number(r.size_bytes) }));
}

/** Attaches stored files to a submission. */
export async function insertSubmissionFiles(
  db: Kysely<Database>,
  rows: readonly { submission_id: string; file_id: string; added_by: string; added_at: string }[],
): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('assignment_submission_files')
      .values([...rows])
      .execute();
}

/** Detaches a file from a submission; false when it was not attached. */
export async function deleteSubmissionFile(
  db: Kysely<Database>,
  submissionId: string,
  fileId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('assignment_submission_files')
    .where('submission_id', '=', submissionId)
    .where('file_id', '=', fileId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** The submission a file is attached to (as work, or as feedback), if any. */
export async function findSubmissionOfFile(
  db: Kysely<Database>,
  fileId: string,
): Promise<{ submission_id: string; as: 'work' | 'feedback' } | undefined> {
  const work = await db
    .selectFrom('assignment_submission_files')
    .select('submission_id')
    .where('file_id', '=', fileId)
    .executeTakeFirst();
  if (work) return { submission_id: work.submission_id, as: 'work' };
  const feedback = await db
    .selectFrom('assignment_feedback_files')
    .select('submission_id')
    .where('file_id', '=', fileId)
    .executeTakeFirst();
  return feedback && { submission_id: feedback.submission_id, as: 'feedback' };
}

/** The feedback files of submissions, with the versions that added (and removed) them. */
export async function listFeedbackFiles(
  db: Kysely<Database>,
  submissionIds: readonly string[],
): Promise<(AttachedFileRow & { added_in_version: number; removed_in_version: number | null })[]> {
  if (submissionIds.length === 0) return [];
  const rows = await db
    .selectFrom('assignment_feedback_files')
    .innerJoin('stored_files', 'stored_files.id', 'assignment_feedback_files.file_id')
    .select([
      'assignment_feedback_files.submission_id',
      'assignment_feedback_files.file_id',
      'assignment_feedback_files.added_by',
      'assignment_feedback_files.added_in_version',
      'assignment_feedback_files.removed_in_version',
      'stored_files.original_name',
      'stored_files.file_type',
      'stored_files.size_bytes',
    ])
    .where('assignment_feedback_files.submission_id', 'in', submissionIds)
    .orderBy('assignment_feedback_files.added_in_version')
    .orderBy('stored_files.original_name')
    .execute();
  return rows.map((r) => ({ ...r, size_bytes: Number(r.size_bytes) }));
}

/** Returns files with a grade version. */
export async function insertFeedbackFiles(
  db: Kysely<Database>,
  rows: readonly { submission_id: string; file_id: string; added_in_version: number; added_by: string }[],
): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('assignment_feedback_files')
      .values(rows.map((r) => ({ ...r, removed_in_version: null })))
      .execute();
}

/** Withdraws feedback files from a grade version on (the learner keeps them while an earlier release shows them). */
export async function markFeedbackFilesRemoved(
  db: Kysely<Database>,
  submissionId: string,
  fileIds: readonly string[],
  version: number,
): Promise<void> {
  if (fileIds.length === 0) return;
  await db
    .updateTable('assignment_feedback_files')
    .set({ removed_in_version: version })
    .where('submission_id', '=', submissionId)
    .where('file_id', 'in', fileIds)
    .where('removed_in_version', 'is', null)
    .execute();
}
