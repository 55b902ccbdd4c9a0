import type { AssignmentStanding, MissingItem, QuizStanding } from '@labmig/core/certificates';
import { m } from '$lib/paraglide/messages';

/** Where a learner stands with a weekly assessment, in words. */
export function requirementText(requirement: QuizStanding['requirement']): string {
  const texts: Record<QuizStanding['requirement'], () => string> = {
    passed: m.cert_asg_passed,
    'to-do': m.cert_req_to_do,
    retry: m.cert_req_retry,
    failed: m.cert_req_failed,
    'not-open': m.cert_req_not_open,
    'awaiting-grading': m.cert_req_awaiting_grading,
    'awaiting-release': m.cert_req_awaiting_release,
  };
  return texts[requirement]();
}

/** Where a learner stands with the final assignment, in words. */
export function assignmentStatusText(status: AssignmentStanding['status']): string {
  const texts: Record<AssignmentStanding['status'], () => string> = {
    'not-open': m.cert_asg_not_open,
    'to-do': m.cert_asg_to_do,
    draft: m.cert_asg_draft,
    late: m.cert_asg_late,
    submitted: m.cert_asg_submitted,
    passed: m.cert_asg_passed,
    resubmit: m.cert_asg_resubmit,
    failed: m.cert_asg_failed,
    missed: m.cert_asg_missed,
  };
  return texts[status]();
}

/** One missing item of the completion rule, in words. */
export function missingText(item: MissingItem): string {
  switch (item.kind) {
    case 'quiz':
      return m.cert_missing_quiz({
        title: item.title,
        week: String(item.week),
        status: requirementText(item.requirement),
      });
    case 'final-assignment':
      return m.cert_missing_final({ title: item.title, status: assignmentStatusText(item.status) });
    case 'no-assessments':
      return m.cert_missing_no_assessments();
    case 'no-final-assignment':
      return m.cert_missing_no_final();
  }
}
