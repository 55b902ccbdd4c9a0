import { checkPolicyTable, type Who, type WhoOwned } from '../testing/policy-table.ts';
import { assessmentPolicy } from './assessment.policy.ts';

const STAFF: Who[] = ['tutor (active)', 'manager (active)', 'site admin', 'site admin, learner (active)'];
const onAny = (who: readonly Who[]): WhoOwned[] =>
  who.flatMap((w) => [`${w}, own`, `${w}, other's`] as const);

// Everyone not named is refused: anonymous, outsiders, waitlisted people, withdrawn staff, members of other
// cohorts (also on "their own" attempt there), and learners on someone else's attempt.
checkPolicyTable(
  'assessment',
  assessmentPolicy,
  {
    'quiz.view': [...STAFF, 'learner (active)'],
    'attempt.start': ['learner (active)', 'site admin, learner (active)'],
    // Staff never answer for a learner; a withdrawn learner's attempt is read-only.
    'attempt.answer': ['learner (active), own', 'site admin, learner (active), own'],
    'attempt.review': [...onAny(STAFF), 'learner (active), own', 'learner (withdrawn), own'],
    'gradebook.own': ['learner (active)', 'learner (withdrawn)', 'site admin, learner (active)'],
    'gradebook.cohort': STAFF,
    'grade.manual': STAFF,
    'grade.override': STAFF,
    'items.analyse': STAFF,
    'bank.export': STAFF,
  },
  { owned: ['attempt.answer', 'attempt.review'] },
);
