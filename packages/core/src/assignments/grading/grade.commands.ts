import {
  claimGradeVersion,
  findStoredFileById,
  findSubmissionById,
  insertFeedbackFiles,
  listFeedbackFiles,
  markFeedbackFilesRemoved,
  insertGradeVersion,
  listGradeVersions,
  listGroupMembersOfCohort,
  listSubmissionsOfCohort,
  newId,
  upsertExtension,
  type AssignmentSubmissionRow,
  type Database,
  type Kysely,
} from '@labmig/db';
import type { z } from 'zod';
import type { Actor } from '../../access/actor.ts';
import { assertCan } from '../../access/can.ts';
import type { App } from '../../app/app.ts';
import { ConflictError, DomainValidationError, NotFoundError } from '../../errors/domain-errors.ts';
import type { ErrorCode } from '../../errors/error-messages.ts';
import { zonedTimeToUtc } from '../../shared/time-zone.rules.ts';
import { parseInput } from '../../errors/parse-input.ts';
import { keepStoredFiles } from '../../files/upload.commands.ts';
import { UPLOAD_RULES, type UploadRule } from '../../files/upload-rules.ts';
import {
  loadAssignmentsContext,
  requireAssignment,
  type AssignmentsContext,
  type CohortAssignment,
} from '../assignment-context.ts';
import { submissionWindow } from '../submission/submission-window.rules.ts';
import { gradeVersionsOf, ownerKeyOf } from '../work/work-state.ts';
import { hasOneDecimalAtMost } from './grade-rounding.rules.ts';
import type { StoredMarks } from './grade-marks.ts';
import { gradeInputSchema, type GradeInput } from './grade.schema.ts';
import { adjustmentProblem } from './group-grade.rules.ts';
import { nextMarkingState, type MarkingRefusal, type MarkingState } from './marking-workflow.rules.ts';
import { scoreMarks, type Marks } from './rubric-scoring.rules.ts';

/** A submission of a cohort, as the grading commands take it. */
export interface SubmissionRef {
  readonly cohortId: string;
  readonly submissionId: string;
}

/** The outcome of a grading step. */
export interface SavedGrade {
  readonly version: number;
  readonly state: Exclude<MarkingState, 'not-started'>;
  readonly grade: number | null;
  readonly complete: boolean;
}

const REFUSALS: { readonly [R in MarkingRefusal]: ErrorCode } = {
  incomplete: 'grade.incomplete',
  'not-ready': 'grade.not_ready',
  'nothing-to-reopen': 'grade.nothing_to_reopen',
  'already-released': 'grade.already_released',
  'not-saved': 'grade.not_saved',
};

/** Loads a submission of the context's cohort with its assignment (NotFoundError `submission.not_found`). */
export async function requireSubmission(
  db: Kysely<Database>,
  ctx: AssignmentsContext,
  submissionId: string,
): Promise<{ readonly row: AssignmentSubmissionRow; readonly assignment: CohortAssignment }> {
  const row = await findSubmissionById(db, submissionId);
  const assignment = row && ctx.assignments.find((a) => a.id === row.assignment_id);
  if (!row || row.cohort_id !== ctx.cohort.id || !assignment) throw new NotFoundError('submission.not_found');
  return { row, assignment };
}

/** The tutor's marks checked against the assignment (levels that exist, points within range, adjustments). */
function marksOf(
  assignment: CohortAssignment,
  input: z.output<typeof gradeInputSchema>,
  members: readonly string[],
): StoredMarks {
  const def = assignment.definition;
  let marks: Marks;
  if (def.grading.kind === 'rubric') {
    const criteria = def.grading.criteria;
    for (const [id, level] of Object.entries(input.levels)) {
      const c = criteria.find((x) => x.id === id);
      if (!c || level >= c.levels.length)
        throw new DomainValidationError({ [`level-${id}`]: 'grade.level_invalid' }, 'grade.level_invalid');
    }
    marks = { kind: 'rubric', levels: input.levels };
  } else {
    const p = input.points;
    if (p !== null && (!(p >= 0 && p <= def.grading.maxGrade) || !hasOneDecimalAtMost(p)))
      throw new DomainValidationError({ points: 'grade.points_invalid' }, 'grade.points_invalid');
    marks = { kind: 'points', points: p };
  }
  const adjustments: Record<string, number> = {};
  for (const [userId, value] of Object.entries(input.adjustments)) {
    if (value === 0) continue;
    const problem = adjustmentProblem(value, def.group?.maxAdjustment ?? 0);
    if (problem || !members.includes(userId))
      throw new DomainValidationError(
        { [`adjust-${userId}`]: 'grade.adjustment_invalid' },
        'grade.adjustment_invalid',
      );
    adjustments[userId] = value;
  }
  const comments = Object.fromEntries(
    Object.entries(input.comments).filter(([, text]) => text.trim() !== ''),
  );
  return { marks, comments, adjustments };
}

/** The state after the tutor's action, through the workflow's steps (save, then ready, then release). */
function stateAfter(
  current: MarkingState,
  action: GradeInput['action'],
  complete: boolean,
): Exclude<MarkingState, 'not-started'> {
  const steps =
    action === 'reopen'
      ? (['reopen'] as const)
      : action === 'release'
        ? (['save', 'ready', 'release'] as const)
        : action === 'ready'
          ? (['save', 'ready'] as const)
          : (['save'] as const);
  let state = current;
  for (const event of steps) {
    const step = nextMarkingState(state, event, { complete });
    if (!step.ok) throw new ConflictError(REFUSALS[step.reason]);
    state = step.state;
  }
  return state as Exclude<MarkingState, 'not-started'>;
}

/**
 * Saves a tutor's grade of handed-in work as a new version: levels per rubric criterion (or points), comments,
 * feedback and, for group work, individual adjustments; then, as asked, marks it ready or releases it to the
 * learner (or group). The save names the version the tutor started from: when another tutor saved in between, it is
 * refused and nothing is overwritten. A released grade stays what the learner sees until a regrade is released.
 * @throws ConflictError (`grade.conflict`, `grade.incomplete`, `grade.not_ready`, `grade.not_submitted`, …),
 *   DomainValidationError (`grade.level_invalid`, `grade.points_invalid`, `grade.adjustment_invalid`), access errors
 */
export async function saveGrade(
  app: App,
  actor: Actor,
  ref: SubmissionRef,
  raw: GradeInput,
): Promise<SavedGrade> {
  const input = parseInput(gradeInputSchema, raw);
  const ctx = await loadAssignmentsContext(app.db, actor, ref.cohortId);
  assertCan(ctx.actor, 'assignment.grade', ctx.access);
  if (input.action === 'release') assertCan(ctx.actor, 'assignment.release', ctx.access);
  const { row, assignment } = await requireSubmission(app.db, ctx, ref.submissionId);
  if (row.status !== 'submitted') throw new ConflictError('grade.not_submitted');
  const members =
    row.group_id === null
      ? []
      : (await listGroupMembersOfCohort(app.db, ctx.cohort.id))
          .filter((m) => m.group_id === row.group_id)
          .map((m) => m.user_id);
  return app.db.transaction().execute(async (trx) => {
    const versions = gradeVersionsOf(await listGradeVersions(trx, [row.id]));
    const latest = versions[versions.length - 1];
    const current: MarkingState = latest?.state ?? 'not-started';
    const stored: StoredMarks =
      input.action === 'reopen' && latest ? latest.marks : marksOf(assignment, input, members);
    const scored = scoreMarks(assignment.definition.grading, stored.marks);
    const state = stateAfter(current, input.action, scored.complete);
    if (!(await claimGradeVersion(trx, row.id, input.startedFrom))) throw new ConflictError('grade.conflict');
    const version = input.startedFrom + 1;
    await insertGradeVersion(trx, {
      id: newId(),
      submission_id: row.id,
      version,
      state,
      marks: JSON.stringify(stored),
      grade: scored.grade,
      feedback: input.action === 'reopen' && latest ? latest.feedback : input.feedback,
      saved_by: ctx.actor.userId,
      saved_at: app.clock.now().toISOString(),
    });
    if (input.action !== 'reopen')
      await keepFeedbackFiles(trx, ctx.actor.userId, row.id, version, input, app.clock.now());
    return { version, state, grade: scored.grade, complete: scored.complete };
  });
}

/** Keeps the feedback files uploaded with a grading form, and withdraws those the tutor removed. */
async function keepFeedbackFiles(
  trx: Kysely<Database>,
  tutorId: string,
  submissionId: string,
  version: number,
  input: { readonly addFiles: readonly string[]; readonly removeFiles: readonly string[] },
  now: Date,
): Promise<void> {
  for (const id of input.addFiles) {
    const file = await findStoredFileById(trx, id);
    if (
      !file ||
      file.owner_id !== tutorId ||
      file.purpose !== 'assignment-submission' ||
      file.state !== 'pending'
    )
      throw new NotFoundError('submission.not_found');
  }
  await insertFeedbackFiles(
    trx,
    input.addFiles.map((id) => ({
      submission_id: submissionId,
      file_id: id,
      added_in_version: version,
      added_by: tutorId,
    })),
  );
  await keepStoredFiles(trx, input.addFiles, now);
  await markFeedbackFilesRemoved(trx, submissionId, input.removeFiles, version);
}

/**
 * Checks that the actor may grade this submission before a feedback upload is read, and returns the limits (the
 * platform's for submissions) with the feedback files already returned.
 */
export async function prepareFeedbackUpload(
  app: App,
  actor: Actor,
  ref: SubmissionRef,
): Promise<{
  readonly rule: UploadRule;
  readonly prior: { readonly files: number; readonly bytes: number };
  readonly ownerId: string;
}> {
  const ctx = await loadAssignmentsContext(app.db, actor, ref.cohortId);
  assertCan(ctx.actor, 'assignment.grade', ctx.access);
  const { row } = await requireSubmission(app.db, ctx, ref.submissionId);
  const held = (await listFeedbackFiles(app.db, [row.id])).filter((f) => f.removed_in_version === null);
  return {
    rule: UPLOAD_RULES['assignment-submission'],
    prior: { files: held.length, bytes: held.reduce((n, f) => n + f.size_bytes, 0) },
    ownerId: ctx.actor.userId,
  };
}

/**
 * Releases every grade of an assignment that is marked ready (the current attempt of each learner or group); grades
 * still in progress stay hidden. Returns how many were released and how many are still in progress.
 */
export async function releaseReadyGrades(
  app: App,
  actor: Actor,
  ref: { readonly cohortId: string; readonly key: string },
): Promise<{ readonly released: number; readonly inProgress: number }> {
  const ctx = await loadAssignmentsContext(app.db, actor, ref.cohortId);
  assertCan(ctx.actor, 'assignment.release', ctx.access);
  const assignment = requireAssignment(ctx, ref.key);
  return app.db.transaction().execute(async (trx) => {
    const submissions = await listSubmissionsOfCohort(trx, ctx.cohort.id, assignment.id);
    const latest = new Map<string, (typeof submissions)[number]>();
    for (const s of submissions)
      if ((latest.get(s.owner_key)?.attempt ?? 0) < s.attempt) latest.set(s.owner_key, s);
    const rows = [...latest.values()];
    const byId = await listGradeVersions(
      trx,
      rows.map((r) => r.id),
    );
    let released = 0;
    let inProgress = 0;
    const now = app.clock.now().toISOString();
    for (const r of rows) {
      const own = byId.filter((v) => v.submission_id === r.id);
      const last = own[own.length - 1];
      if (!last) continue;
      if (last.state === 'in-progress') inProgress++;
      if (last.state !== 'ready') continue;
      // A tutor saving this grade at the same moment wins; it stays for the next release.
      if (!(await claimGradeVersion(trx, r.id, last.version))) continue;
      await insertGradeVersion(trx, {
        ...last,
        id: newId(),
        version: last.version + 1,
        state: 'released',
        saved_by: ctx.actor.userId,
        saved_at: now,
      });
      released++;
    }
    return { released, inProgress };
  });
}

/**
 * Moves the due time of an assignment for one learner or group (`ownerKey` `user:<id>` / `group:<id>`) to a local
 * date and time of the cohort; the cut-off becomes the later of the two.
 * @throws DomainValidationError `assignment.extension_invalid` for a date not after the original due time
 */
export async function grantExtension(
  app: App,
  actor: Actor,
  ref: { readonly cohortId: string; readonly key: string },
  input: { readonly ownerKey: string; readonly date: string; readonly time: string },
): Promise<{ readonly dueAt: string }> {
  const ctx = await loadAssignmentsContext(app.db, actor, ref.cohortId);
  assertCan(ctx.actor, 'assignment.extend', ctx.access);
  const assignment = requireAssignment(ctx, ref.key);
  const invalid = () =>
    new DomainValidationError({ date: 'assignment.extension_invalid' }, 'assignment.extension_invalid');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(input.time))
    throw invalid();
  const dueAt = zonedTimeToUtc(input.date, input.time, ctx.cohort.time_zone);
  const original = submissionWindow(
    { startsOn: ctx.cohort.starts_on, timeZone: ctx.cohort.time_zone },
    assignment.definition.dates,
  );
  if (Number.isNaN(dueAt.getTime()) || dueAt.getTime() <= original.dueAt.getTime()) throw invalid();
  const owner = /^(user|group):(.+)$/.exec(input.ownerKey);
  if (!owner || (assignment.definition.kind === 'group') !== (owner[1] === 'group'))
    throw new NotFoundError('submission.not_found');
  await upsertExtension(app.db, {
    assignment_id: assignment.id,
    cohort_id: ctx.cohort.id,
    owner_key: ownerKeyOf(
      owner[1] === 'user' ? { kind: 'user', userId: owner[2]! } : { kind: 'group', groupId: owner[2]! },
    ),
    due_at: dueAt.toISOString(),
    granted_by: ctx.actor.userId,
    granted_at: app.clock.now().toISOString(),
  });
  return { dueAt: dueAt.toISOString() };
}
