import type { MarkingState } from '../grading/marking-workflow.rules.ts';
import type { WindowState } from './submission-window.rules.ts';

/**
 * Where a learner (or group) stands with one assignment, as the course home and the gradebook say it:
 * `not-open`; `to-do` (open, nothing handed in); `draft` (saved, not handed in); `late` (past the due time, still
 * accepted); `submitted` (handed in, no grade released yet — learners never learn that marking is under way);
 * `passed`; `resubmit` (a released grade below the pass mark and a further attempt open); `failed` (below the pass
 * mark, no attempt left); `missed` (closed with nothing handed in).
 */
export type AssignmentStatus =
  'not-open' | 'to-do' | 'draft' | 'late' | 'submitted' | 'passed' | 'resubmit' | 'failed' | 'missed';

/** The facts that decide a status. */
export interface StatusFacts {
  /** The current attempt: null when nothing was ever saved. */
  readonly status: 'draft' | 'submitted' | null;
  /** Where now falls in the current attempt's window. */
  readonly window: WindowState;
  /** Whether the last released grade reaches the pass mark; null when no grade was ever released. */
  readonly releasedPassed: boolean | null;
  /** The released grade belongs to the current attempt (not to an earlier one). */
  readonly releasedForCurrent: boolean;
  /** A further attempt may be started now. */
  readonly canStartNewAttempt: boolean;
}

/**
 * The status of one assignment for one learner or group.
 * @example assignmentStatus({ status: null, window: 'late', releasedPassed: null, releasedForCurrent: false, canStartNewAttempt: false }) // 'late'
 */
export function assignmentStatus(facts: StatusFacts): AssignmentStatus {
  if (facts.releasedPassed === true) return 'passed';
  if (facts.releasedPassed === false && facts.releasedForCurrent)
    return facts.canStartNewAttempt ? 'resubmit' : 'failed';
  if (facts.status === 'submitted') return 'submitted';
  switch (facts.window) {
    case 'not-open':
      return 'not-open';
    case 'closed':
      return facts.releasedPassed === false ? 'failed' : 'missed';
    case 'late':
      return 'late';
    case 'open':
      return facts.status === 'draft' ? 'draft' : 'to-do';
  }
}

/** Whether a status still asks something of the learner (the course home's "what is still required"). */
export const stillRequired = (status: AssignmentStatus): boolean =>
  status === 'to-do' || status === 'draft' || status === 'late' || status === 'resubmit';

/** A tutor's workload: work to grade, work graded (released), and learners or groups overdue. */
export type WorkloadCategory = 'to-grade' | 'graded' | 'overdue' | 'none';

/**
 * Where one learner's or group's work falls in a tutor's workload. Handed-in work is `to-grade` until its grade
 * is released (a regrade in progress puts it back); `overdue` is nothing handed in after the due time (late or
 * closed); anything else (not yet due, a draft before the due time) is `none`.
 * @example workloadCategory({ status: 'submitted', marking: 'ready', window: 'open' }) // 'to-grade'
 */
export function workloadCategory(facts: {
  readonly status: 'draft' | 'submitted' | null;
  readonly marking: MarkingState;
  readonly window: WindowState;
}): WorkloadCategory {
  if (facts.status === 'submitted') return facts.marking === 'released' ? 'graded' : 'to-grade';
  return facts.window === 'late' || facts.window === 'closed' ? 'overdue' : 'none';
}
