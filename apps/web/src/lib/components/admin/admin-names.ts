import { m } from '$lib/paraglide/messages';

// The words for roles, statuses and cohort states, in the page's language (one place, so every admin page agrees).

/** A role in a cohort. */
export function roleName(role: 'learner' | 'tutor' | 'manager'): string {
  return { learner: m.role_learner, tutor: m.role_tutor, manager: m.role_manager }[role]();
}

/** Where someone's place stands. */
export function statusName(status: 'active' | 'pending' | 'waitlisted' | 'withdrawn' | 'declined'): string {
  return {
    active: m.status_active,
    pending: m.status_pending,
    waitlisted: m.status_waitlisted,
    withdrawn: m.status_withdrawn,
    declined: m.status_declined,
  }[status]();
}

/** A cohort's life-cycle state. */
export function cohortStateName(state: 'open' | 'closed' | 'archived'): string {
  return { open: m.admin_state_open, closed: m.admin_state_closed, archived: m.admin_state_archived }[
    state
  ]();
}
