import {
  findLastHistoryEntry,
  insertHistoryEntry,
  insertSubmission,
  listSubmissionFiles,
  newId,
  touchHistoryEntry,
  updateSubmissionAtVersion,
  type AssignmentSubmissionRow,
  type Database,
  type Kysely,
  type SubmissionHistoryAction,
} from '@labmig/db';
import type { Actor } from '../../access/actor.ts';
import type { App } from '../../app/app.ts';
import { ConflictError, DomainValidationError } from '../../errors/domain-errors.ts';
import type { ErrorCode } from '../../errors/error-messages.ts';
import { loadAssignmentsContext, requireAssignment, type CohortAssignment } from '../assignment-context.ts';
import { historyStep } from '../submission/submission-history.rules.ts';
import {
  MAX_SUBMISSION_TEXT_CHARS,
  submitProblems,
  wordCount,
  type SubmitProblem,
} from '../submission/submission-content.rules.ts';
import { isLateSubmission } from '../submission/submission-window.rules.ts';
import { assertMayWork, loadWorkState, ownWorkOwner } from './work-owner.ts';
import { refusalError } from './work-refusals.ts';
import { ownerKeyOf, type WorkOwner, type WorkState } from './work-state.ts';

/** An assignment of a cohort, as the commands take it. */
export interface AssignmentRef {
  readonly cohortId: string;
  readonly key: string;
}

/** The draft as written, and the version of the draft the writer started from (null: nothing saved yet). */
export interface DraftInput {
  readonly body: string;
  readonly version: number | null;
}

/** A saved draft or submission. */
export interface SavedWork {
  readonly submissionId: string;
  readonly attempt: number;
  readonly version: number;
  readonly status: 'draft' | 'submitted';
  readonly savedAt: string;
  readonly wordCount: number;
  readonly late: boolean;
}

/** The work a command acts on, resolved once (the actor may work on it). */
export interface WorkScope {
  readonly app: App;
  readonly actor: Actor;
  readonly assignment: CohortAssignment;
  readonly owner: WorkOwner;
  readonly cohortId: string;
  readonly userId: string;
}

async function scopeOf(app: App, actor: Actor, ref: AssignmentRef) {
  const ctx = await loadAssignmentsContext(app.db, actor, ref.cohortId);
  const assignment = requireAssignment(ctx, ref.key);
  const owner = ownWorkOwner(ctx, assignment);
  assertMayWork(ctx, owner);
  return { ctx, assignment, owner, userId: ctx.actor.userId };
}

/** Runs `work` in a transaction with the owner's state read inside it. */
export async function inWork<T>(
  app: App,
  actor: Actor,
  ref: AssignmentRef,
  work: (trx: Kysely<Database>, state: WorkState, scope: WorkScope) => Promise<T>,
): Promise<T> {
  const { ctx, assignment, owner, userId } = await scopeOf(app, actor, ref);
  return app.db.transaction().execute(async (trx) => {
    const now = app.clock.now();
    const state = await loadWorkState(trx, ctx, assignment, owner, now, userId);
    return work(trx, state, { app, actor, assignment, owner, cohortId: ctx.cohort.id, userId });
  });
}

/** Adds to (or brings up to date) the history of a submission. */
export async function record(
  trx: Kysely<Database>,
  submissionId: string,
  userId: string,
  action: SubmissionHistoryAction,
  now: Date,
  detail: Record<string, unknown> | null = null,
): Promise<void> {
  const last = await findLastHistoryEntry(trx, submissionId);
  const step = historyStep(
    last ? { action: last.action, userId: last.user_id ?? '', at: last.at } : null,
    action,
    userId,
    now,
  );
  const json = detail ? JSON.stringify(detail) : null;
  if (step === 'update-last' && last) await touchHistoryEntry(trx, last.id, now.toISOString(), json);
  else
    await insertHistoryEntry(trx, {
      id: newId(),
      submission_id: submissionId,
      user_id: userId,
      position: (last?.position ?? 0) + 1,
      action,
      detail: json,
      at: now.toISOString(),
    });
}

function checkLength(body: string): void {
  if (body.length > MAX_SUBMISSION_TEXT_CHARS)
    throw new DomainValidationError({ body: 'assignment.text_too_long' }, 'assignment.text_too_long');
}

/**
 * Writes the draft text of the current attempt (creating attempt 1 on the first save), only if nobody changed it
 * since the writer's version; unchanged text writes nothing. Returns the row as it now stands.
 */
export async function writeDraft(
  trx: Kysely<Database>,
  state: WorkState,
  scope: WorkScope,
  input: DraftInput,
  now: Date,
): Promise<AssignmentSubmissionRow> {
  const at = now.toISOString();
  const current = state.current?.row ?? null;
  if (current === null) {
    if (input.version !== null) throw new ConflictError('assignment.draft_conflict');
    const row: AssignmentSubmissionRow = {
      id: newId(),
      assignment_id: scope.assignment.id,
      cohort_id: scope.cohortId,
      owner_key: ownerKeyOf(scope.owner),
      user_id: scope.owner.kind === 'user' ? scope.owner.userId : null,
      group_id: scope.owner.kind === 'group' ? scope.owner.groupId : null,
      attempt: 1,
      status: 'draft',
      body: input.body,
      word_count: wordCount(input.body),
      version: 1,
      grade_version: 0,
      late: 0,
      submitted_at: null,
      submitted_by: null,
      created_at: at,
      updated_at: at,
      updated_by: scope.userId,
    };
    // Two members saving the first draft at once: the second finds the row there and gets a conflict.
    if (!(await insertSubmission(trx, row))) throw new ConflictError('assignment.draft_conflict');
    if (input.body !== '')
      await record(trx, row.id, scope.userId, 'text-saved', now, { words: row.word_count });
    return row;
  }
  if (input.version !== current.version) throw new ConflictError('assignment.draft_conflict');
  if (input.body === current.body) return current;
  const patch = {
    body: input.body,
    word_count: wordCount(input.body),
    updated_at: at,
    updated_by: scope.userId,
  };
  if (!(await updateSubmissionAtVersion(trx, current.id, current.version, patch)))
    throw new ConflictError('assignment.draft_conflict');
  await record(trx, current.id, scope.userId, 'text-saved', now, { words: patch.word_count });
  return { ...current, ...patch, version: current.version + 1 };
}

/** The saved state of a submission row. */
export const savedOf = (row: AssignmentSubmissionRow): SavedWork => ({
  submissionId: row.id,
  attempt: row.attempt,
  version: row.version,
  status: row.status,
  savedAt: row.updated_at,
  wordCount: row.word_count,
  late: row.late === 1,
});

/**
 * Saves the draft of the actor's own (or their group's) work — on every change with JavaScript, with the Save
 * draft button without. Refused after the cut-off (saying when it closed), before opening, once handed in, and when
 * someone else changed the draft since the writer's version (nothing is overwritten).
 * @throws ConflictError (`assignment.draft_conflict`, `assignment.already_submitted`, `assignment.not_open`,
 *   `assignment.no_group`), AssignmentClosedError, DomainValidationError (`assignment.text_too_long`), and the
 *   access errors
 */
export async function saveDraft(
  app: App,
  actor: Actor,
  ref: AssignmentRef,
  input: DraftInput,
): Promise<SavedWork> {
  checkLength(input.body);
  return inWork(app, actor, ref, async (trx, state, scope) => {
    const edit = state.actions.edit;
    if (!edit.allowed) throw refusalError(edit.reason, state);
    return savedOf(await writeDraft(trx, state, scope, input, app.clock.now()));
  });
}

const PROBLEM_CODES: { readonly [K in SubmitProblem['code']]: ErrorCode } = {
  'text-required': 'assignment.text_required',
  'files-required': 'assignment.files_required',
  'too-many-files': 'assignment.too_many_files',
  'text-not-accepted': 'assignment.text_not_accepted',
};

/**
 * Hands in the actor's (or their group's) work for grading: saves the text first, then checks that what the
 * assignment asks for is there, and marks it late when handed in after the due time (accepted until the cut-off).
 * @throws as saveDraft, and DomainValidationError (`assignment.text_required`, `assignment.files_required`, …)
 */
export async function submitWork(
  app: App,
  actor: Actor,
  ref: AssignmentRef,
  input: DraftInput,
): Promise<SavedWork> {
  checkLength(input.body);
  // The text is saved first, in its own transaction: a submission refused below keeps it as the draft.
  const saved = await inWork(app, actor, ref, async (trx, state, scope) => {
    const submit = state.actions.submit;
    if (!submit.allowed) throw refusalError(submit.reason, state);
    return writeDraft(trx, state, scope, input, app.clock.now());
  });
  return inWork(app, actor, ref, async (trx, state, scope) => {
    const submit = state.actions.submit;
    if (!submit.allowed) throw refusalError(submit.reason, state);
    const row = state.current!.row;
    if (row.id !== saved.id || row.version !== saved.version)
      throw new ConflictError('assignment.draft_conflict');
    const problems = submitProblems(scope.assignment.definition.submission, {
      text: row.body,
      files: (await listSubmissionFiles(trx, [row.id])).length,
    });
    if (problems.length > 0) {
      const problem = problems[0]!;
      const field =
        problem.code === 'text-required' || problem.code === 'text-not-accepted' ? 'body' : 'files';
      throw new DomainValidationError({ [field]: PROBLEM_CODES[problem.code] }, PROBLEM_CODES[problem.code]);
    }
    const now = app.clock.now();
    const late = isLateSubmission(state.window, now);
    const at = now.toISOString();
    const patch = {
      status: 'submitted' as const,
      submitted_at: at,
      submitted_by: scope.userId,
      late: late ? 1 : 0,
      updated_at: at,
      updated_by: scope.userId,
    };
    if (!(await updateSubmissionAtVersion(trx, row.id, row.version, patch)))
      throw new ConflictError('assignment.draft_conflict');
    await record(trx, row.id, scope.userId, 'submitted', now, late ? { late: true } : null);
    return savedOf({ ...row, ...patch, version: row.version + 1 });
  });
}

/**
 * Takes handed-in work back to a draft, to change it and hand it in again — before the due time, when the
 * assignment allows it and no tutor has started marking.
 * @throws ConflictError (`assignment.after_due`, `assignment.resubmission_off`, `assignment.marking_started`,
 *   `assignment.not_submitted`, `assignment.draft_conflict`), AssignmentClosedError
 */
export async function withdrawWork(
  app: App,
  actor: Actor,
  ref: AssignmentRef,
  input: { readonly version: number },
): Promise<SavedWork> {
  return inWork(app, actor, ref, async (trx, state, scope) => {
    const withdraw = state.actions.withdraw;
    if (!withdraw.allowed) throw refusalError(withdraw.reason, state);
    const row = state.current!.row;
    if (input.version !== row.version) throw new ConflictError('assignment.draft_conflict');
    const now = app.clock.now();
    const at = now.toISOString();
    const patch = {
      status: 'draft' as const,
      submitted_at: null,
      submitted_by: null,
      late: 0,
      updated_at: at,
      updated_by: scope.userId,
    };
    if (!(await updateSubmissionAtVersion(trx, row.id, row.version, patch)))
      throw new ConflictError('assignment.draft_conflict');
    await record(trx, row.id, scope.userId, 'withdrawn', now);
    return savedOf({ ...row, ...patch, version: row.version + 1 });
  });
}

/**
 * Starts a further attempt after a released grade below the pass mark: a new draft holding the text of the last
 * attempt, due `reopenDays` after the release. Starting it twice (two members at once) gives the same attempt.
 * @throws ConflictError (`assignment.not_failed`, `assignment.no_attempts_left`, `assignment.reopen_expired`)
 */
export async function startNewAttempt(app: App, actor: Actor, ref: AssignmentRef): Promise<SavedWork> {
  return inWork(app, actor, ref, async (trx, state, scope) => {
    const next = state.actions.newAttempt;
    if (!next.allowed) throw refusalError(next.reason, state);
    const last = state.current!.row;
    const now = app.clock.now();
    const at = now.toISOString();
    const row: AssignmentSubmissionRow = {
      ...last,
      id: newId(),
      attempt: last.attempt + 1,
      status: 'draft',
      version: 1,
      grade_version: 0,
      late: 0,
      submitted_at: null,
      submitted_by: null,
      created_at: at,
      updated_at: at,
      updated_by: scope.userId,
    };
    if (await insertSubmission(trx, row))
      await record(trx, row.id, scope.userId, 'attempt-started', now, { attempt: row.attempt });
    return savedOf(row);
  });
}
