import type { Actor } from '../accounts/actor.ts';
import type { CohortResource } from '../cohorts/cohort.policy.ts';

/**
 * Things one may do with a cohort's learning space:
 * - `learning.view`: read the course home, modules, lessons, slides, glossary, calendar, offline packs;
 * - `learning.progress`: mark own lessons done and hold a calendar feed (learners only);
 * - `learning.preview`: see the course as a learner of any week;
 * - `learning.grid`: see and export the cohort progress grid.
 */
export type LearningAction = 'learning.view' | 'learning.progress' | 'learning.preview' | 'learning.grid';

/**
 * Whether `actor` may do `action` in a cohort, given the actor's own membership. Pure.
 * Active members of any role view; active learners record progress; active managers and site admins preview;
 * active tutors, managers and site admins see the progress grid. Waitlisted or withdrawn members and
 * outsiders get nothing; anonymous visitors get nothing.
 * @example canLearn(tutor, 'learning.grid', { kind: 'cohort', membership: { role: 'tutor', status: 'active' } }) // true
 */
export function canLearn(actor: Actor, action: LearningAction, cohort: CohortResource): boolean {
  if (actor.kind !== 'user') return false;
  const m = cohort.membership?.status === 'active' ? cohort.membership : null;
  switch (action) {
    case 'learning.view':
      return actor.isAdmin || m !== null;
    case 'learning.progress':
      return m?.role === 'learner';
    case 'learning.preview':
      return actor.isAdmin || m?.role === 'manager';
    case 'learning.grid':
      return actor.isAdmin || m?.role === 'manager' || m?.role === 'tutor';
  }
}
