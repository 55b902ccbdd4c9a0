import { checkPolicyTable, type Who, type WhoGroup, type WhoOwned } from '../testing/policy-table.ts';
import { observatoryPolicy } from './observatory.policy.ts';

const STAFF: Who[] = ['tutor (active)', 'manager (active)', 'site admin', 'site admin, learner (active)'];
const onAny = (who: readonly Who[]): WhoOwned[] =>
  who.flatMap((w) => [`${w}, own`, `${w}, other's`] as const);
const onAnyGroup = (who: readonly Who[]): WhoGroup[] =>
  who.flatMap((w) => [`${w}, own group`, `${w}, other group`] as const);

// Everyone not named is refused: anonymous visitors, outsiders, pending, waitlisted and declined people, withdrawn
// staff, members of other cohorts (also on "their own" things there), learners on another learner's or group's
// table set or assessment.
checkPolicyTable(
  'observatory',
  observatoryPolicy,
  {
    'observatory.read': [...STAFF, 'learner (active)', 'learner (withdrawn)'],
    'observatory.publish': ['learner (active), own', 'site admin, learner (active), own'],
    'observatory.group-publish': ['learner (active), own group', 'site admin, learner (active), own group'],
    'observatory.withdraw': [...onAny(STAFF), 'learner (active), own'],
    'observatory.group-withdraw': [...onAnyGroup(STAFF), 'learner (active), own group'],
    'coherence.list': [...STAFF, 'learner (active)', 'learner (withdrawn)'],
    'coherence.read': [...onAny(STAFF), 'learner (active), own', 'learner (withdrawn), own'],
    'coherence.group-read': [
      ...onAnyGroup(STAFF),
      'learner (active), own group',
      'learner (withdrawn), own group',
    ],
    'coherence.write': ['learner (active), own', 'site admin, learner (active), own'],
    'coherence.group-write': ['learner (active), own group', 'site admin, learner (active), own group'],
  },
  {
    owned: ['observatory.publish', 'observatory.withdraw', 'coherence.read', 'coherence.write'],
    group: [
      'observatory.group-publish',
      'observatory.group-withdraw',
      'coherence.group-read',
      'coherence.group-write',
    ],
  },
);
