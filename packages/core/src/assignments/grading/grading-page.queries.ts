import { listFeedbackFiles, listHistory, listRosterRows, listSubmissionFiles } from '@labmig/db';
import type { Actor } from '../../access/actor.ts';
import { assertCan } from '../../access/can.ts';
import type { App } from '../../app/app.ts';
import type { Locale } from '../../errors/error-messages.ts';
import { loadAssignmentsContext } from '../assignment-context.ts';
import { assignmentPaths } from '../assignment-paths.ts';
import { renderAssignmentMarkdown, renderWrittenMarkdown } from '../assignment-markdown.ts';
import type { HistoryEntryDto } from '../work/assignment-page.queries.ts';
import {
  assignmentInfoOf,
  attachedFilesOf,
  type AssignmentInfoDto,
  type AttachedFileDto,
} from '../work/assignment.present.ts';
import { personalGrade } from '../work/work-state.ts';
import type { StoredMarks } from './grade-marks.ts';
import { requireSubmission, type SubmissionRef } from './grade.commands.ts';
import type { MarkingState } from './marking-workflow.rules.ts';
import { scoreMarks } from './rubric-scoring.rules.ts';
import { loadCohortWork, ownerState } from './workload.queries.ts';

/** One saved grade version, as the regrade history shows it. */
export interface GradeVersionDto {
  readonly version: number;
  readonly state: Exclude<MarkingState, 'not-started'>;
  readonly grade: number | null;
  readonly savedBy: string;
  readonly savedAt: string;
}

/** The grading page of one submission: the work beside the rubric, the marks so far, the history. */
export interface GradingPageDto {
  readonly cohort: { readonly id: string; readonly title: string; readonly timeZone: string };
  readonly assignment: AssignmentInfoDto;
  readonly instructionsHtml: string;
  readonly tutorNotesHtml: string | null;
  readonly submission: {
    readonly id: string;
    readonly ownerKey: string;
    readonly name: string;
    readonly attempt: number;
    readonly attempts: number;
    readonly status: 'draft' | 'submitted';
    readonly bodyHtml: string;
    readonly wordCount: number;
    readonly late: boolean;
    readonly submittedAt: string | null;
    readonly submittedBy: string | null;
    readonly dueAt: string;
    readonly extendedTo: string | null;
    readonly files: readonly AttachedFileDto[];
  };
  /** Files returned with the grade (not withdrawn), and from which version on the learner gets them. */
  readonly feedbackFiles: readonly (AttachedFileDto & { readonly fromVersion: number })[];
  /** Group work: the members, with the grade each would get (their adjustment applied). */
  readonly members: readonly {
    readonly userId: string;
    readonly name: string;
    readonly adjustment: number;
    readonly grade: number | null;
  }[];
  /** The marks of the latest version (to continue from), and the version a save starts from. */
  readonly current: {
    readonly startedFrom: number;
    readonly state: MarkingState;
    readonly marks: StoredMarks | null;
    readonly feedback: string;
    readonly grade: number | null;
    readonly partial: number;
    readonly complete: boolean;
    readonly missing: readonly string[];
  };
  /** What the learner sees now (the latest released version), or null. */
  readonly released: { readonly grade: number | null; readonly version: number; readonly at: string } | null;
  readonly versions: readonly GradeVersionDto[];
  readonly history: readonly HistoryEntryDto[];
  readonly previousAttempts: readonly {
    readonly attempt: number;
    readonly grade: number | null;
    readonly href: string;
  }[];
  readonly links: { readonly submissions: string; readonly next: string | null };
}

/**
 * The grading page of one submission for staff: instructions, tutor notes, the learner's (or group's) text,
 * the rubric with the marks so far, the version to save from, the grade history and the submission history.
 * @throws access errors (staff only), NotFoundError `submission.not_found`
 */
export async function getGradingPage(
  app: App,
  actor: Actor,
  ref: SubmissionRef,
  locale: Locale,
): Promise<GradingPageDto> {
  const ctx = await loadAssignmentsContext(app.db, actor, ref.cohortId);
  assertCan(ctx.actor, 'assignment.grade', ctx.access);
  const { row, assignment: a } = await requireSubmission(app.db, ctx, ref.submissionId);
  const work = await loadCohortWork(app.db, ctx);
  const roster = await listRosterRows(app.db, ctx.cohort.id);
  const nameOf = (id: string | null) =>
    id === null ? '' : (roster.find((r) => r.user_id === id)?.name ?? '');
  const owner =
    row.group_id !== null
      ? ({ kind: 'group', groupId: row.group_id } as const)
      : ({ kind: 'user', userId: row.user_id! } as const);
  const state = ownerState(work, ctx, a, owner, app.clock.now());
  const attempt = state.attempts.find((t) => t.row.id === row.id)!;
  const latest = attempt.versions[attempt.versions.length - 1] ?? null;
  const scored = latest ? scoreMarks(a.definition.grading, latest.marks.marks) : null;
  const group = row.group_id ? work.groups.find((g) => g.id === row.group_id) : undefined;
  const paths = assignmentPaths(ctx.cohort.id);
  const history = await listHistory(app.db, [row.id]);
  const fileHref = (id: string) => paths.file(a.key, id);
  const feedback = (await listFeedbackFiles(app.db, [row.id])).filter((f) => f.removed_in_version === null);
  const toGrade = work.submissions.filter(
    (s) => s.assignment_id === a.id && s.status === 'submitted' && s.id !== row.id && s.grade_version === 0,
  );
  return {
    cohort: { id: ctx.cohort.id, title: ctx.cohort.title, timeZone: ctx.cohort.time_zone },
    assignment: assignmentInfoOf(a, locale),
    instructionsHtml: renderAssignmentMarkdown(ctx, a.definition.instructions, locale, 'gi'),
    tutorNotesHtml: a.definition.tutorNotes
      ? renderAssignmentMarkdown(ctx, a.definition.tutorNotes, locale, 'gt')
      : null,
    submission: {
      id: row.id,
      ownerKey: row.owner_key,
      name: group ? group.name : nameOf(row.user_id),
      attempt: row.attempt,
      attempts: state.attempts.length,
      status: row.status,
      bodyHtml: renderWrittenMarkdown(row.body),
      wordCount: row.word_count,
      late: row.late === 1,
      submittedAt: row.submitted_at,
      submittedBy: row.submitted_by ? nameOf(row.submitted_by) : null,
      dueAt: attempt.window.dueAt.toISOString(),
      extendedTo: state.extension?.due_at ?? null,
      files: attachedFilesOf(await listSubmissionFiles(app.db, [row.id]), fileHref),
    },
    feedbackFiles: attachedFilesOf(feedback, fileHref).map((f, i) => ({
      ...f,
      fromVersion: feedback[i]!.added_in_version,
    })),
    members: (group?.members ?? [])
      .map((userId) => {
        const adjustment = latest?.marks.adjustments[userId] ?? 0;
        const grade = latest
          ? (personalGrade(a.definition, { ...latest, releasedAt: latest.savedAt }, userId)?.grade ?? null)
          : null;
        return { userId, name: nameOf(userId), adjustment, grade };
      })
      .sort((x, y) => x.name.localeCompare(y.name)),
    current: {
      startedFrom: row.grade_version,
      state: attempt.marking,
      marks: latest?.marks ?? null,
      feedback: latest?.feedback ?? '',
      grade: scored?.grade ?? null,
      partial: scored?.partial ?? 0,
      complete: scored?.complete ?? false,
      missing: scored?.missing ?? [],
    },
    released: attempt.released
      ? { grade: attempt.released.grade, version: attempt.released.version, at: attempt.released.savedAt }
      : null,
    versions: attempt.versions.map((v) => ({
      version: v.version,
      state: v.state,
      grade: v.grade,
      savedBy: nameOf(v.savedBy),
      savedAt: v.savedAt,
    })),
    history: history.map((h) => {
      const detail = h.detail ? (JSON.parse(h.detail) as { words?: number; late?: boolean }) : {};
      return {
        at: h.at,
        who: nameOf(h.user_id),
        action: h.action,
        attempt: row.attempt,
        words: detail.words ?? null,
        late: detail.late === true,
      };
    }),
    previousAttempts: state.attempts
      .filter((t) => t.row.id !== row.id && t.row.status === 'submitted')
      .map((t) => ({
        attempt: t.row.attempt,
        grade: t.released?.grade ?? null,
        href: paths.grade(a.key, t.row.id),
      })),
    links: {
      submissions: paths.submissions(a.key),
      next: toGrade[0] ? paths.grade(a.key, toGrade[0].id) : null,
    },
  };
}
