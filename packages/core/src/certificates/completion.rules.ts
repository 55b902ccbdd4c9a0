import type { Requirement } from '../assessment/gradebook/gradebook.rules.ts';

/**
 * What a course asks before its Certificate of Achievement (`assessment.certificate.requires` in course.yaml).
 * The default, the course page's promise: every weekly knowledge assessment passed and the final assignment passed.
 */
export interface CompletionRule {
  /** `all`: every weekly assessment of the cohort passed; `none`: they do not count. */
  readonly weeklyAssessments: 'all' | 'none';
  /** True: the assignment marked `final` must be passed (its released grade). */
  readonly finalAssignment: boolean;
}

/** The rule when course.yaml says nothing. */
export const DEFAULT_COMPLETION_RULE: CompletionRule = { weeklyAssessments: 'all', finalAssignment: true };

/** Where a learner stands with one weekly assessment (from the gradebook). */
export interface QuizStanding {
  readonly quizId: string;
  readonly title: string;
  readonly week: number;
  readonly requirement: Requirement;
}

/** An assignment's status for a learner, as the assignments feature reports it. */
export type AssignmentProgress =
  'not-open' | 'to-do' | 'draft' | 'late' | 'submitted' | 'passed' | 'resubmit' | 'failed' | 'missed';

/** Where a learner stands with one assignment: only a released passing grade counts as passed. */
export interface AssignmentStanding {
  readonly key: string;
  readonly title: string;
  readonly final: boolean;
  readonly passed: boolean;
  readonly status: AssignmentProgress;
}

/** One thing still missing before the certificate. */
export type MissingItem =
  | {
      readonly kind: 'quiz';
      readonly quizId: string;
      readonly title: string;
      readonly week: number;
      readonly requirement: Requirement;
    }
  | {
      readonly kind: 'final-assignment';
      readonly key: string;
      readonly title: string;
      readonly status: AssignmentProgress;
    }
  /** The rule asks for weekly assessments but the cohort has none: nobody can complete (a set-up problem). */
  | { readonly kind: 'no-assessments' }
  /** The rule asks for a final assignment but the course defines none: nobody can complete (a set-up problem). */
  | { readonly kind: 'no-final-assignment' };

/** `completed`: nothing missing. `at-risk`: something missing can no longer be done on time. Else `on-track`. */
export type CompletionState = 'completed' | 'on-track' | 'at-risk';

/** The outcome of the rule for one learner. */
export interface Completion {
  readonly state: CompletionState;
  readonly complete: boolean;
  /** In order: weekly assessments by week, then the final assignment. Empty when complete. */
  readonly missing: readonly MissingItem[];
}

const LOST_QUIZ: ReadonlySet<Requirement> = new Set(['failed']);
const LOST_ASSIGNMENT: ReadonlySet<AssignmentProgress> = new Set(['failed', 'missed']);

/**
 * Applies a course's completion rule to one learner's standings. Pure. A rule that asks for something the cohort
 * does not have (no weekly assessments, no final assignment) is never met by default.
 * @example evaluateCompletion(DEFAULT_COMPLETION_RULE, { quizzes: [{ quizId: 'q1', title: 'Week 1', week: 1, requirement: 'passed' }], assignments: [{ key: 'final', title: 'Final note', final: true, passed: true, status: 'passed' }] }) // → { state: 'completed', complete: true, missing: [] }
 */
export function evaluateCompletion(
  rule: CompletionRule,
  standings: {
    readonly quizzes: readonly QuizStanding[];
    readonly assignments: readonly AssignmentStanding[];
  },
): Completion {
  const missing: MissingItem[] = [];
  let lost = false;
  if (rule.weeklyAssessments === 'all') {
    if (standings.quizzes.length === 0) missing.push({ kind: 'no-assessments' });
    const byWeek = [...standings.quizzes].sort((a, b) => a.week - b.week);
    for (const q of byWeek) {
      if (q.requirement === 'passed') continue;
      missing.push({
        kind: 'quiz',
        quizId: q.quizId,
        title: q.title,
        week: q.week,
        requirement: q.requirement,
      });
      lost ||= LOST_QUIZ.has(q.requirement);
    }
  }
  if (rule.finalAssignment) {
    const finals = standings.assignments.filter((a) => a.final);
    if (finals.length === 0) missing.push({ kind: 'no-final-assignment' });
    for (const a of finals) {
      if (a.passed) continue;
      missing.push({ kind: 'final-assignment', key: a.key, title: a.title, status: a.status });
      lost ||= LOST_ASSIGNMENT.has(a.status);
    }
  }
  if (missing.length === 0) return { state: 'completed', complete: true, missing };
  const setUpProblem = missing.some((m) => m.kind === 'no-assessments' || m.kind === 'no-final-assignment');
  return { state: lost || setUpProblem ? 'at-risk' : 'on-track', complete: false, missing };
}
