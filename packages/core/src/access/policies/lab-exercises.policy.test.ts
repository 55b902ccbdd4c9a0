import { checkPolicyTable, type Who, type WhoOwned } from '../testing/policy-table.ts';
import { labExercisesPolicy } from './lab-exercises.policy.ts';

const STAFF: Who[] = ['tutor (active)', 'manager (active)', 'site admin', 'site admin, learner (active)'];
const onAny = (who: readonly Who[]): WhoOwned[] =>
  who.flatMap((w) => [`${w}, own`, `${w}, other's`] as const);

// Everyone not named is refused: anonymous visitors, outsiders, waitlisted, pending and declined people, withdrawn
// staff, members of other cohorts (also on "their own" attempts there), learners on another learner's attempts.
checkPolicyTable(
  'lab exercises',
  labExercisesPolicy,
  {
    'lab-exercise.list': [...STAFF, 'learner (active)', 'learner (withdrawn)'],
    // Only enrolled (active) learners answer, only for themselves; staff never answer for a learner.
    'lab-exercise.answer': ['learner (active), own', 'site admin, learner (active), own'],
    'lab-exercise.read': [...onAny(STAFF), 'learner (active), own', 'learner (withdrawn), own'],
    // Staff see every learner's attempts and the expected values.
    'lab-exercise.results': STAFF,
  },
  { owned: ['lab-exercise.answer', 'lab-exercise.read'] },
);
