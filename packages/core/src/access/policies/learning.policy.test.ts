import { checkPolicyTable, type Who } from '../testing/policy-table.ts';
import { learningPolicy } from './learning.policy.ts';

const ACTIVE_MEMBERS: Who[] = ['learner (active)', 'tutor (active)', 'manager (active)'];
const ADMINS: Who[] = ['site admin', 'site admin, learner (active)'];

// Everyone not named is refused: anonymous, outsiders, waitlisted and withdrawn members, members of other cohorts.
checkPolicyTable('learning', learningPolicy, {
  'learning.view': [...ACTIVE_MEMBERS, ...ADMINS],
  // An admin who takes the course as a learner sees the weeks open as a learner does.
  'learning.read-ahead': ['tutor (active)', 'manager (active)', 'site admin'],
  'learning.progress': ['learner (active)', 'site admin, learner (active)'],
  'learning.calendar': ['learner (active)', 'site admin, learner (active)'],
  'learning.preview': ['manager (active)', ...ADMINS],
  'learning.grid': ['tutor (active)', 'manager (active)', ...ADMINS],
});
