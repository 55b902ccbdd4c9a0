import type { MarkingState } from '../grading/marking-workflow.rules.ts';
import type { WindowState } from './submission-window.rules.ts';

/** The resubmission settings of an assignment. */
export interface ResubmissionSettings {
  /** Whether submitted work may be taken back and handed in again until the due time. */
  readonly untilDue: boolean;
  /** Attempts a learner (or group) may make; more than 1 reopens the work after a failing released grade. */
  readonly attempts: number;
}

/** The facts about a learner's (or group's) current attempt that decide what they may do. */
export interface AttemptFacts {
  /** 1-based number of the current attempt. */
  readonly attempt: number;
  /** null: nothing saved yet in this attempt. */
  readonly status: 'draft' | 'submitted' | null;
  /** Where the marking of this attempt stands. */
  readonly marking: MarkingState;
  /** Whether the released grade of this attempt reaches the pass mark (null: no released grade). */
  readonly releasedPassed: boolean | null;
  /** Where now falls in the window of this attempt, and of the attempt a failing grade would open. */
  readonly window: WindowState;
  readonly reopenWindow: WindowState | null;
}

/** Why an action is refused; the page and the error message say it in the learner's language. */
export type RefusalReason =
  | 'not-open'
  | 'closed'
  | 'already-submitted'
  | 'not-submitted'
  | 'after-due'
  | 'resubmission-off'
  | 'marking-started'
  | 'not-failed'
  | 'no-attempts-left'
  | 'reopen-expired';

/** Allowed (and whether it would count as late), or refused with a reason. */
export type Permission =
  | { readonly allowed: true; readonly late: boolean }
  | { readonly allowed: false; readonly reason: RefusalReason };

/** What a learner may do with an assignment right now. */
export interface LearnerActions {
  /** Write or change the draft (text and files). */
  readonly edit: Permission;
  /** Hand the draft in for grading. */
  readonly submit: Permission;
  /** Take submitted work back to a draft, to hand it in again before the due time. */
  readonly withdraw: Permission;
  /** Start a further attempt after a failing released grade. */
  readonly newAttempt: Permission;
}

const allow = (late = false): Permission => ({ allowed: true, late });
const refuse = (reason: RefusalReason): Permission => ({ allowed: false, reason });

function draftPermission(facts: AttemptFacts): Permission {
  if (facts.status === 'submitted') return refuse('already-submitted');
  if (facts.window === 'not-open') return refuse('not-open');
  if (facts.window === 'closed') return refuse('closed');
  return allow(facts.window === 'late');
}

function withdrawPermission(facts: AttemptFacts, settings: ResubmissionSettings): Permission {
  if (facts.status !== 'submitted') return refuse('not-submitted');
  if (!settings.untilDue) return refuse('resubmission-off');
  if (facts.marking !== 'not-started') return refuse('marking-started');
  if (facts.window === 'late') return refuse('after-due');
  if (facts.window !== 'open') return refuse(facts.window === 'closed' ? 'closed' : 'not-open');
  return allow();
}

function newAttemptPermission(facts: AttemptFacts, settings: ResubmissionSettings): Permission {
  if (facts.releasedPassed !== false) return refuse('not-failed');
  if (facts.attempt >= settings.attempts) return refuse('no-attempts-left');
  if (facts.reopenWindow !== 'open') return refuse('reopen-expired');
  return allow();
}

/**
 * What a learner may do now. A draft can be edited and handed in while the window is open, and in the late
 * period (flagged late) until the cut-off; after that it is closed. Submitted work can be taken back and handed in
 * again only before the due time, when the assignment allows it and no tutor has started marking it. A further
 * attempt opens only after a released grade below the pass mark, while attempts remain, until the reopened due
 * time.
 * @example learnerActions({ attempt: 1, status: 'submitted', marking: 'not-started', releasedPassed: null, window: 'late', reopenWindow: null }, { untilDue: true, attempts: 1 }).withdraw // { allowed: false, reason: 'after-due' }
 */
export function learnerActions(facts: AttemptFacts, settings: ResubmissionSettings): LearnerActions {
  const draft = draftPermission(facts);
  return {
    edit: draft,
    submit: draft,
    withdraw: withdrawPermission(facts, settings),
    newAttempt: newAttemptPermission(facts, settings),
  };
}
