import { checkPolicyTable, type Who, type WhoGroup, type WhoOwned } from '../testing/policy-table.ts';
import { assignmentsPolicy } from './assignments.policy.ts';

const STAFF: Who[] = ['tutor (active)', 'manager (active)', 'site admin', 'site admin, learner (active)'];
const onAny = (who: readonly Who[]): WhoOwned[] =>
  who.flatMap((w) => [`${w}, own`, `${w}, other's`] as const);
const onAnyGroup = (who: readonly Who[]): WhoGroup[] =>
  who.flatMap((w) => [`${w}, own group`, `${w}, other group`] as const);

// Everyone not named is refused: anonymous visitors, outsiders, waitlisted people, withdrawn staff, members of
// other cohorts (also on "their own" work there), learners on another learner's work and on another group's work.
checkPolicyTable(
  'assignments',
  assignmentsPolicy,
  {
    'assignment.list': [...STAFF, 'learner (active)', 'learner (withdrawn)'],
    // Staff never hand in for a learner; a withdrawn learner's work is read-only.
    'assignment.submit': ['learner (active), own', 'site admin, learner (active), own'],
    'assignment.read': [...onAny(STAFF), 'learner (active), own', 'learner (withdrawn), own'],
    'assignment.group-submit': ['learner (active), own group', 'site admin, learner (active), own group'],
    'assignment.group-read': [
      ...onAnyGroup(STAFF),
      'learner (active), own group',
      'learner (withdrawn), own group',
    ],
    'assignment.grade': STAFF,
    'assignment.release': STAFF,
    'assignment.extend': STAFF,
    'assignment.workload': STAFF,
  },
  {
    owned: ['assignment.submit', 'assignment.read'],
    group: ['assignment.group-submit', 'assignment.group-read'],
  },
);
