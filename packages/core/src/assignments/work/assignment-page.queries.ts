import {
  listExtensions,
  listGradeVersions,
  listGroupMembersOfCohort,
  listFeedbackFiles,
  listHistory,
  listRosterRows,
  listSubmissionFiles,
  listSubmissionsOfCohort,
  type Database,
  type Kysely,
} from '@labmig/db';
import type { Actor } from '../../access/actor.ts';
import { can } from '../../access/can.ts';
import { membershipIn } from '../../access/membership.rules.ts';
import type { App } from '../../app/app.ts';
import type { Locale } from '../../errors/error-messages.ts';
import {
  loadAssignmentsContext,
  requireAssignment,
  type AssignmentsContext,
  type CohortAssignment,
} from '../assignment-context.ts';
import { assignmentPaths } from '../assignment-paths.ts';
import type { AssignmentStatus } from '../submission/assignment-status.rules.ts';
import {
  assignmentInfoOf,
  instructionsHtmlOf,
  releasedGradeOf,
  windowDtoOf,
  type ActionsDto,
  type AssignmentInfoDto,
  type AssignmentListItemDto,
  attachedFilesOf,
  type AttachedFileDto,
  type ReleasedGradeDto,
  type WindowDto,
} from './assignment.present.ts';
import { isFeedbackFileVisible } from './submission-files.commands.ts';
import { assertMayRead, loadWorkState } from './work-owner.ts';
import { ownerKeyOf, personalGrade, workStateOf, type WorkOwner } from './work-state.ts';

/** A learner's assignments in a cohort, with where they stand in each. */
export interface LearnerAssignmentsDto {
  readonly cohortId: string;
  readonly cohortTitle: string;
  readonly timeZone: string;
  readonly assignments: readonly AssignmentListItemDto[];
  /** The assignments that still ask something of the learner (to do, draft, late, resubmit), soonest first. */
  readonly stillRequired: readonly {
    readonly key: string;
    readonly title: string;
    readonly status: AssignmentStatus;
    readonly dueAt: string;
    readonly href: string;
  }[];
  /** True when the final assignment is passed (with every weekly assessment, the certificate condition). */
  readonly finalPassed: boolean;
  /** The learner is in no group while the course has group assignments. */
  readonly missingGroup: boolean;
}

/** The actor has a learner's place in the cohort (active or withdrawn): they do the work, or did. */
function isPlacedLearner(ctx: AssignmentsContext): boolean {
  const own = membershipIn(ctx.actor, ctx.access);
  return own !== null && own.role === 'learner' && (own.status === 'active' || own.status === 'withdrawn');
}

function ownerOrNull(ctx: AssignmentsContext, a: CohortAssignment): WorkOwner | null {
  if (a.definition.kind === 'individual') return { kind: 'user', userId: ctx.actor.userId };
  return ctx.group ? { kind: 'group', groupId: ctx.group.id } : null;
}

/**
 * The actor's own assignments in a cohort: dates in the cohort's time zone, status, released grade, and what is
 * still required. Learners with a place (active or withdrawn); staff get the same list without work of their own.
 * @throws UnauthenticatedError, NotFoundError `cohort.not_found`, ForbiddenError
 */
export async function getLearnerAssignments(
  app: App,
  actor: Actor,
  cohortId: string,
  locale: Locale,
): Promise<LearnerAssignmentsDto> {
  const ctx = await loadAssignmentsContext(app.db, actor, cohortId);
  return learnerAssignmentsOf(app.db, ctx, locale, app.clock.now());
}

/** The list of a context (shared with the gradebook and the course home). */
export async function learnerAssignmentsOf(
  db: Kysely<Database>,
  ctx: AssignmentsContext,
  locale: Locale,
  now: Date,
): Promise<LearnerAssignmentsDto> {
  const paths = assignmentPaths(ctx.cohort.id);
  const userId = ctx.actor.userId;
  const all = await listSubmissionsOfCohort(db, ctx.cohort.id);
  const versions = await listGradeVersions(
    db,
    all.map((s) => s.id),
  );
  const extensions = await listExtensions(db, ctx.cohort.id);
  const items = ctx.assignments.map((a): AssignmentListItemDto => {
    const owner = ownerOrNull(ctx, a);
    const key = owner ? ownerKeyOf(owner) : '';
    const submissions = owner ? all.filter((s) => s.assignment_id === a.id && s.owner_key === key) : [];
    const extension = extensions.find((e) => e.assignment_id === a.id && e.owner_key === key);
    const state = workStateOf({
      definition: a.definition,
      cohort: ctx.cohort,
      submissions,
      versions: versions.filter((v) => submissions.some((s) => s.id === v.submission_id)),
      extension: extension ? new Date(extension.due_at) : null,
      now,
      ...(a.definition.kind === 'group' ? { forUser: userId } : {}),
    });
    const released = [...state.attempts].reverse().find((t) => t.released)?.released ?? null;
    const personal = personalGrade(a.definition, released, userId);
    return {
      ...assignmentInfoOf(a, locale),
      href: paths.assignment(a.key),
      window: windowDtoOf(state, extension !== undefined),
      status: state.status,
      grade: personal && { grade: personal.grade, passed: personal.passed },
      late: state.current?.row.late === 1,
    };
  });
  const required = items.filter((i) => ['to-do', 'draft', 'late', 'resubmit'].includes(i.status));
  return {
    cohortId: ctx.cohort.id,
    cohortTitle: ctx.cohort.title,
    timeZone: ctx.cohort.time_zone,
    assignments: items,
    stillRequired: required
      .map((i) => ({ key: i.key, title: i.title, status: i.status, dueAt: i.window.dueAt, href: i.href }))
      .sort((x, y) => Date.parse(x.dueAt) - Date.parse(y.dueAt)),
    finalPassed: items.some((i) => i.final && i.status === 'passed'),
    missingGroup:
      ctx.group === null &&
      isPlacedLearner(ctx) &&
      ctx.assignments.some((a) => a.definition.kind === 'group'),
  };
}

/** One entry of a submission's history, as members of a group read it. */
export interface HistoryEntryDto {
  readonly at: string;
  readonly who: string;
  readonly action: string;
  readonly attempt: number;
  readonly words: number | null;
  readonly late: boolean;
}

/** The learner's page of one assignment. */
export interface AssignmentPageDto {
  readonly cohort: { readonly id: string; readonly title: string; readonly timeZone: string };
  readonly assignment: AssignmentInfoDto;
  readonly instructionsHtml: string;
  /** `learner` for someone who does the work; `staff` sees the instructions and rubric only (grading is elsewhere). */
  readonly viewer: 'learner' | 'staff';
  readonly window: WindowDto | null;
  readonly status: AssignmentStatus | null;
  readonly group: { readonly name: string; readonly members: readonly string[] } | null;
  /** The learner is in no group and this is a group assignment. */
  readonly missingGroup: boolean;
  readonly work: {
    readonly files: readonly AttachedFileDto[];
    readonly submissionId: string;
    readonly attempt: number;
    readonly status: 'draft' | 'submitted';
    readonly body: string;
    readonly wordCount: number;
    readonly version: number;
    readonly late: boolean;
    readonly submittedAt: string | null;
    readonly submittedBy: string | null;
    readonly updatedAt: string;
    readonly updatedBy: string | null;
  } | null;
  readonly attempts: readonly {
    readonly attempt: number;
    readonly status: 'draft' | 'submitted';
    readonly grade: ReleasedGradeDto | null;
  }[];
  readonly released: ReleasedGradeDto | null;
  /** Until a grade is released, learners see that the work is submitted, never that marking is under way. */
  readonly history: readonly HistoryEntryDto[];
  readonly actions: ActionsDto | null;
  /** When a failing grade opened a further attempt: its due time. */
  readonly reopenDueAt: string | null;
  readonly links: { readonly list: string; readonly autosave: string; readonly submissions: string | null };
}

/**
 * One assignment for the actor: instructions, rubric, dates; for learners their own (or their group's) current
 * work, its history, the released grade and feedback, and what they may do now. Never another learner's or
 * group's work.
 * @throws UnauthenticatedError, NotFoundError (`cohort.not_found`, `assignment.not_found`), ForbiddenError
 */
export async function getAssignmentPage(
  app: App,
  actor: Actor,
  ref: { readonly cohortId: string; readonly key: string },
  locale: Locale,
): Promise<AssignmentPageDto> {
  const ctx = await loadAssignmentsContext(app.db, actor, ref.cohortId);
  const a = requireAssignment(ctx, ref.key);
  const paths = assignmentPaths(ctx.cohort.id);
  const base = {
    cohort: { id: ctx.cohort.id, title: ctx.cohort.title, timeZone: ctx.cohort.time_zone },
    assignment: assignmentInfoOf(a, locale),
    instructionsHtml: instructionsHtmlOf(ctx, a, locale),
  };
  const staff = can(actor, 'assignment.grade', ctx.access);
  const learner = isPlacedLearner(ctx);
  const owner = ownerOrNull(ctx, a);
  const links = {
    list: paths.list,
    autosave: paths.autosave(a.key),
    submissions: staff ? paths.submissions(a.key) : null,
  };
  if (!learner || owner === null)
    return {
      ...base,
      viewer: learner ? 'learner' : 'staff',
      window: null,
      status: null,
      group: null,
      missingGroup: learner && owner === null,
      work: null,
      attempts: [],
      released: null,
      history: [],
      actions: null,
      reopenDueAt: null,
      links,
    };
  assertMayRead(ctx, owner);
  const now = app.clock.now();
  const userId = ctx.actor.userId;
  const state = await loadWorkState(app.db, ctx, a, owner, now, userId);
  const extended = (await listExtensions(app.db, ctx.cohort.id, a.id)).some(
    (e) => e.owner_key === ownerKeyOf(owner),
  );
  const roster = await listRosterRows(app.db, ctx.cohort.id);
  const nameOf = (id: string | null) =>
    id === null ? null : (roster.find((r) => r.user_id === id)?.name ?? null);
  const members =
    owner.kind === 'group'
      ? (await listGroupMembersOfCohort(app.db, ctx.cohort.id))
          .filter((m) => m.group_id === owner.groupId)
          .map((m) => nameOf(m.user_id) ?? '')
          .sort()
      : [];
  const history = await listHistory(
    app.db,
    state.attempts.map((t) => t.row.id),
  );
  const fileHref = (id: string) => paths.file(a.key, id);
  const workFiles = state.current ? await listSubmissionFiles(app.db, [state.current.row.id]) : [];
  const feedback = await listFeedbackFiles(
    app.db,
    state.attempts.map((t) => t.row.id),
  );
  const releasedOf = (t: (typeof state.attempts)[number]) =>
    t.released
      ? releasedGradeOf(
          a.definition,
          t.released,
          userId,
          attachedFilesOf(
            feedback.filter(
              (f) => f.submission_id === t.row.id && isFeedbackFileVisible(f, t.released!.version),
            ),
            fileHref,
          ),
        )
      : null;
  const current = state.current;
  return {
    ...base,
    viewer: 'learner',
    window: windowDtoOf(state, extended),
    status: state.status,
    group: owner.kind === 'group' && ctx.group ? { name: ctx.group.name, members } : null,
    missingGroup: false,
    work: current && {
      files: attachedFilesOf(workFiles, fileHref),
      submissionId: current.row.id,
      attempt: current.row.attempt,
      status: current.row.status,
      body: current.row.body,
      wordCount: current.row.word_count,
      version: current.row.version,
      late: current.row.late === 1,
      submittedAt: current.row.submitted_at,
      submittedBy: nameOf(current.row.submitted_by),
      updatedAt: current.row.updated_at,
      updatedBy: nameOf(current.row.updated_by),
    },
    attempts: state.attempts.map((t) => ({
      attempt: t.row.attempt,
      status: t.row.status,
      grade: releasedOf(t),
    })),
    released: current ? releasedOf(current) : null,
    history: history
      .map((h) => {
        const detail = h.detail ? (JSON.parse(h.detail) as { words?: number; late?: boolean }) : {};
        return {
          at: h.at,
          who: nameOf(h.user_id) ?? '',
          action: h.action,
          attempt: state.attempts.find((t) => t.row.id === h.submission_id)?.row.attempt ?? 1,
          words: detail.words ?? null,
          late: detail.late === true,
        };
      })
      .sort((x, y) => x.attempt - y.attempt),
    actions: state.actions,
    reopenDueAt: state.reopenWindow ? state.reopenWindow.dueAt.toISOString() : null,
    links,
  };
}
