import { checkPolicyTable } from '../testing/policy-table.ts';
import { adminPolicy } from './admin.policy.ts';

// Managers and tutors of any cohort are not site admins.
checkPolicyTable(
  'admin',
  adminPolicy,
  {
    'admin.view': ['site admin', 'site admin, learner (active)'],
    'outbox.view': ['site admin', 'site admin, learner (active)'],
  },
  { site: ['admin.view', 'outbox.view'] },
);
