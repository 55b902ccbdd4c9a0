import { ConflictError, type DomainError } from '../../errors/domain-errors.ts';
import type { ErrorCode } from '../../errors/error-messages.ts';
import { AssignmentClosedError } from '../assignment.errors.ts';
import type { RefusalReason } from '../submission/resubmission.rules.ts';
import type { WorkState } from './work-state.ts';

const CODES: { readonly [R in Exclude<RefusalReason, 'closed'>]: ErrorCode } = {
  'not-open': 'assignment.not_open',
  'already-submitted': 'assignment.already_submitted',
  'not-submitted': 'assignment.not_submitted',
  'after-due': 'assignment.after_due',
  'resubmission-off': 'assignment.resubmission_off',
  'marking-started': 'assignment.marking_started',
  'not-failed': 'assignment.not_failed',
  'no-attempts-left': 'assignment.no_attempts_left',
  'reopen-expired': 'assignment.reopen_expired',
};

/** The domain error of a refused learner action; a closed assignment says when it closed. */
export function refusalError(reason: RefusalReason, state: Pick<WorkState, 'window'>): DomainError {
  if (reason === 'closed') return new AssignmentClosedError(state.window.cutOffAt, state.window.timeZone);
  return new ConflictError(CODES[reason]);
}
