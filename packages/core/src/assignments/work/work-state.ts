import type { AssignmentGradeVersionRow, AssignmentSubmissionRow, CohortRow } from '@labmig/db';
import { parseStoredJson } from '../../shared/stored-json.ts';
import type { AssignmentDefinition } from '../definition/assignment-definition.ts';
import { storedMarksSchema, type StoredMarks } from '../grading/grade-marks.ts';
import { memberGrade } from '../grading/group-grade.rules.ts';
import { visibleGrade, type MarkingState } from '../grading/marking-workflow.rules.ts';
import { reachesPassMark } from '../grading/grade-rounding.rules.ts';
import {
  assignmentStatus,
  workloadCategory,
  type AssignmentStatus,
  type WorkloadCategory,
} from '../submission/assignment-status.rules.ts';
import { learnerActions, type LearnerActions } from '../submission/resubmission.rules.ts';
import {
  reopenedWindow,
  submissionWindow,
  windowStateAt,
  type SubmissionWindow,
  type WindowState,
} from '../submission/submission-window.rules.ts';

/** Who owns a piece of work: one learner, or a group. */
export type WorkOwner =
  { readonly kind: 'user'; readonly userId: string } | { readonly kind: 'group'; readonly groupId: string };

/**
 * The key a submission row stores for its owner.
 * @example ownerKeyOf({ kind: 'group', groupId: 'g1' }) // 'group:g1'
 */
export function ownerKeyOf(owner: WorkOwner): string {
  return owner.kind === 'user' ? `user:${owner.userId}` : `group:${owner.groupId}`;
}

/** A grade version as the domain reads it. */
export interface GradeVersion {
  readonly version: number;
  readonly state: Exclude<MarkingState, 'not-started'>;
  readonly marks: StoredMarks;
  readonly grade: number | null;
  readonly feedback: string;
  readonly savedBy: string | null;
  readonly savedAt: string;
  /** When this version became visible: its own save time for a `released` version, else null. */
  readonly releasedAt: string | null;
}

/** Reads stored grade versions. */
export function gradeVersionsOf(rows: readonly AssignmentGradeVersionRow[]): GradeVersion[] {
  return rows.map((r) => ({
    version: r.version,
    state: r.state,
    marks: parseStoredJson(storedMarksSchema, r.marks, `marks of grade version ${r.id}`),
    grade: r.grade,
    feedback: r.feedback,
    savedBy: r.saved_by,
    savedAt: r.saved_at,
    releasedAt: r.state === 'released' ? r.saved_at : null,
  }));
}

/** One attempt with its grade versions. */
export interface AttemptState {
  readonly row: AssignmentSubmissionRow;
  readonly versions: readonly GradeVersion[];
  /** The latest version's state, or `not-started`. */
  readonly marking: MarkingState;
  /** The version the owner sees (the latest released one), or null. */
  readonly released: GradeVersion | null;
  readonly window: SubmissionWindow;
}

/** Everything that decides what an owner may do with an assignment, and what they see, at `now`. */
export interface WorkState {
  readonly attempts: readonly AttemptState[];
  readonly current: AttemptState | null;
  /** The window of the current attempt (of attempt 1 before anything was saved). */
  readonly window: SubmissionWindow;
  readonly windowState: WindowState;
  /** The window a failing released grade opens for a further attempt, if one may still come. */
  readonly reopenWindow: SubmissionWindow | null;
  readonly actions: LearnerActions;
  readonly status: AssignmentStatus;
  readonly workload: WorkloadCategory;
}

/**
 * The state of one owner's work on one assignment: attempts with their windows (attempt 1 from the cohort's
 * dates and any extension; a further attempt from the release of the failing grade before it), grade visibility,
 * what the owner may do and where they stand.
 */
export function workStateOf(input: {
  readonly definition: AssignmentDefinition;
  readonly cohort: Pick<CohortRow, 'starts_on' | 'ends_on' | 'time_zone'>;
  readonly submissions: readonly AssignmentSubmissionRow[];
  readonly versions: readonly AssignmentGradeVersionRow[];
  readonly extension: Date | null;
  readonly now: Date;
  /** For a group's work seen by one member: pass or fail on the member's own grade (with their adjustment). */
  readonly forUser?: string;
}): WorkState {
  const { definition: def, now } = input;
  const tz = input.cohort.time_zone;
  const first = submissionWindow(
    { startsOn: input.cohort.starts_on, timeZone: tz },
    def.dates,
    input.extension,
  );
  const reopen = (releasedAt: string | null): SubmissionWindow | null =>
    releasedAt !== null && def.resubmission.reopenDays !== null
      ? reopenedWindow(
          new Date(releasedAt),
          def.resubmission.reopenDays,
          def.dates.due.time,
          tz,
          input.cohort.ends_on,
        )
      : null;
  const attempts: AttemptState[] = [];
  for (const row of [...input.submissions].sort((a, b) => a.attempt - b.attempt)) {
    const versions = gradeVersionsOf(input.versions.filter((v) => v.submission_id === row.id));
    const before = attempts[attempts.length - 1];
    const window = before ? (reopen(before.released?.releasedAt ?? null) ?? first) : first;
    attempts.push({
      row,
      versions,
      marking: versions[versions.length - 1]?.state ?? 'not-started',
      released: visibleGrade(versions),
      window,
    });
  }
  const current = attempts[attempts.length - 1] ?? null;
  const window = current?.window ?? first;
  const windowState = windowStateAt(window, now);
  const passed = (released: GradeVersion): boolean =>
    input.forUser !== undefined
      ? (personalGrade(def, released, input.forUser)?.passed ?? false)
      : reachesPassMark(released.grade, def.grading.passMark);
  const releasedPassed = current?.released ? passed(current.released) : null;
  const failedOpen =
    releasedPassed === false && current !== null && current.row.attempt < def.resubmission.attempts;
  const reopenWindow = failedOpen ? reopen(current.released!.releasedAt) : null;
  const reopenState = reopenWindow ? windowStateAt(reopenWindow, now) : null;
  const facts = {
    attempt: current?.row.attempt ?? 1,
    status: current?.row.status ?? null,
    marking: current?.marking ?? ('not-started' as const),
    releasedPassed,
    window: windowState,
    reopenWindow: reopenState,
  };
  const actions = learnerActions(facts, def.resubmission);
  const everPassed = attempts.some((a) => a.released !== null && passed(a.released));
  const lastReleased = [...attempts].reverse().find((a) => a.released !== null) ?? null;
  return {
    attempts,
    current,
    window,
    windowState,
    reopenWindow,
    actions,
    status: assignmentStatus({
      status: facts.status,
      window: windowState,
      releasedPassed: everPassed ? true : lastReleased ? false : null,
      releasedForCurrent: current?.released != null,
      canStartNewAttempt: actions.newAttempt.allowed,
    }),
    workload: workloadCategory({ status: facts.status, marking: facts.marking, window: windowState }),
  };
}

/**
 * The grade one person sees for their work: for a group assignment, the group grade with their own adjustment.
 * Null while nothing is released.
 */
export function personalGrade(
  definition: AssignmentDefinition,
  released: GradeVersion | null,
  userId: string,
): { readonly grade: number | null; readonly passed: boolean; readonly adjustment: number } | null {
  if (!released) return null;
  const { maxGrade, passMark } = definition.grading;
  if (definition.kind === 'individual')
    return { grade: released.grade, passed: reachesPassMark(released.grade, passMark), adjustment: 0 };
  const adjustment = released.marks.adjustments[userId] ?? 0;
  const member = memberGrade(released.grade, adjustment, {
    maxGrade,
    passMark,
    // A stored adjustment was checked when saved; the limit may have changed in content since.
    maxAdjustment: Math.max(definition.group?.maxAdjustment ?? 0, Math.abs(adjustment)),
  });
  return { grade: member.grade, passed: member.passed, adjustment: member.appliedAdjustment };
}
