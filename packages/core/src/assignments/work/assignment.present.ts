import type { Locale } from '../../errors/error-messages.ts';
import type { AssignmentsContext, CohortAssignment } from '../assignment-context.ts';
import { renderAssignmentMarkdown, renderWrittenMarkdown } from '../assignment-markdown.ts';
import type { AssignmentDefinition, SubmissionFileType } from '../definition/assignment-definition.ts';
import type { AssignmentStatus, WorkloadCategory } from '../submission/assignment-status.rules.ts';
import type { Permission } from '../submission/resubmission.rules.ts';
import type { WindowState } from '../submission/submission-window.rules.ts';
import { personalGrade, type GradeVersion, type WorkState } from './work-state.ts';

/** An assignment's settings as pages show them (the rubric included, so learners know how they are graded). */
export interface AssignmentInfoDto {
  readonly key: string;
  readonly title: string;
  readonly summary: string;
  readonly week: number;
  readonly moduleId: string | null;
  readonly kind: 'individual' | 'group';
  readonly final: boolean;
  readonly hours: number | null;
  readonly grading: {
    readonly kind: 'rubric' | 'points';
    readonly maxGrade: number;
    readonly passMark: number;
    readonly criteria: readonly {
      readonly id: string;
      readonly title: string;
      readonly weight: number;
      readonly levels: readonly {
        readonly points: number;
        readonly title: string;
        readonly descriptor: string;
      }[];
    }[];
  };
  readonly submission: {
    readonly text: 'required' | 'optional' | 'none';
    readonly wordLimit: number | null;
    readonly files: {
      readonly min: number;
      readonly max: number;
      readonly maxFileBytes: number;
      readonly maxTotalBytes: number;
      readonly types: readonly SubmissionFileType[];
    } | null;
  };
  readonly resubmission: {
    readonly untilDue: boolean;
    readonly attempts: number;
    readonly reopenDays: number | null;
  };
  readonly maxAdjustment: number | null;
  readonly lateDays: number;
}

/** The dates of an owner's current attempt, as UTC instants (pages format them in the cohort's time zone). */
export interface WindowDto {
  readonly opensAt: string;
  readonly dueAt: string;
  readonly cutOffAt: string;
  readonly state: WindowState;
  /** True when the due time is an extension granted to this learner or group. */
  readonly extended: boolean;
}

/** A released grade as its owner sees it. */
export interface ReleasedGradeDto {
  readonly grade: number | null;
  readonly maxGrade: number;
  readonly passed: boolean;
  /** Group assignments: the member's own adjustment (0 when none). */
  readonly adjustment: number;
  readonly releasedAt: string;
  readonly feedbackHtml: string;
  /** Files the tutor returned with this grade. */
  readonly feedbackFiles: readonly AttachedFileDto[];
  /** Rubric criteria with the level reached and the tutor's comment. */
  readonly criteria: readonly {
    readonly id: string;
    readonly title: string;
    readonly level: string | null;
    readonly points: number | null;
    readonly maxPoints: number;
    readonly comment: string;
  }[];
}

/** A file attached to work or returned with a grade. */
export interface AttachedFileDto {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly size: number;
  readonly href: string;
}

/** Presents attached files with their download links. */
export function attachedFilesOf(
  rows: readonly {
    readonly file_id: string;
    readonly original_name: string;
    readonly file_type: string;
    readonly size_bytes: number;
  }[],
  href: (fileId: string) => string,
): AttachedFileDto[] {
  return rows.map((r) => ({
    id: r.file_id,
    name: r.original_name,
    type: r.file_type,
    size: r.size_bytes,
    href: href(r.file_id),
  }));
}

/** Presents an assignment's settings in `locale` (French title and summary where the content gives them). */
export function assignmentInfoOf(a: CohortAssignment, locale: Locale): AssignmentInfoDto {
  const d = a.definition;
  return {
    key: a.key,
    title: locale === 'fr' && d.fr ? d.fr.title : d.title,
    summary: locale === 'fr' && d.fr?.summary ? d.fr.summary : d.summary,
    week: d.week,
    moduleId: d.moduleId,
    kind: d.kind,
    final: d.final,
    hours: d.hours,
    grading: {
      kind: d.grading.kind,
      maxGrade: d.grading.maxGrade,
      passMark: d.grading.passMark,
      criteria: d.grading.kind === 'rubric' ? d.grading.criteria : [],
    },
    submission: d.submission,
    resubmission: d.resubmission,
    maxAdjustment: d.group?.maxAdjustment ?? null,
    lateDays: d.dates.lateDays,
  };
}

/** Presents the window of an owner's current attempt. */
export function windowDtoOf(state: WorkState, extended: boolean): WindowDto {
  return {
    opensAt: state.window.opensAt.toISOString(),
    dueAt: state.window.dueAt.toISOString(),
    cutOffAt: state.window.cutOffAt.toISOString(),
    state: state.windowState,
    extended,
  };
}

/** Presents a released grade version for one person (their adjustment applied for group work). */
export function releasedGradeOf(
  definition: AssignmentDefinition,
  released: GradeVersion,
  userId: string,
  feedbackFiles: readonly AttachedFileDto[] = [],
): ReleasedGradeDto {
  const personal = personalGrade(definition, released, userId)!;
  const marks = released.marks.marks;
  const criteria =
    definition.grading.kind === 'rubric' && marks.kind === 'rubric'
      ? definition.grading.criteria.map((c) => {
          const index = marks.levels[c.id];
          const level = index === undefined ? undefined : c.levels[index];
          return {
            id: c.id,
            title: c.title,
            level: level?.title ?? null,
            points: level?.points ?? null,
            maxPoints: c.levels[c.levels.length - 1]?.points ?? 0,
            comment: released.marks.comments[c.id] ?? '',
          };
        })
      : [];
  return {
    grade: personal.grade,
    maxGrade: definition.grading.maxGrade,
    passed: personal.passed,
    adjustment: personal.adjustment,
    releasedAt: released.releasedAt!,
    feedbackHtml: renderWrittenMarkdown(released.feedback),
    feedbackFiles,
    criteria,
  };
}

/** The instructions of an assignment rendered for the cohort. */
export function instructionsHtmlOf(ctx: AssignmentsContext, a: CohortAssignment, locale: Locale): string {
  return renderAssignmentMarkdown(ctx, a.definition.instructions, locale, `as-${a.key}`);
}

/** One line of a learner's list of assignments. */
export interface AssignmentListItemDto extends AssignmentInfoDto {
  readonly href: string;
  readonly window: WindowDto;
  readonly status: AssignmentStatus;
  /** The learner's released grade (their own, for group work), or null. */
  readonly grade: { readonly grade: number | null; readonly passed: boolean } | null;
  readonly late: boolean;
}

/** One line of the staff list: the assignment with its workload counts. */
export interface AssignmentStaffItemDto extends AssignmentInfoDto {
  readonly href: string;
  readonly submissionsHref: string;
  readonly counts: { readonly [K in Exclude<WorkloadCategory, 'none'>]: number };
}

/** What the learner may do, as permissions the page turns into buttons and explanations. */
export interface ActionsDto {
  readonly edit: Permission;
  readonly submit: Permission;
  readonly withdraw: Permission;
  readonly newAttempt: Permission;
}
