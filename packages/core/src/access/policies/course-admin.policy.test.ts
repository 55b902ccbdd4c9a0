import { checkPolicyTable, type Who } from '../testing/policy-table.ts';
import { courseAdminPolicy } from './course-admin.policy.ts';

// Who may act on cohort C: site admins and C's active managers. Not C's tutors or learners, not a manager whose place
// is waiting, withdrawn, pending or declined, not the manager of another cohort, not anonymous visitors.
const ADMIN_OR_MANAGER: readonly Who[] = ['site admin', 'site admin, learner (active)', 'manager (active)'];
const SITE_ADMINS: readonly Who[] = ['site admin', 'site admin, learner (active)'];

checkPolicyTable(
  'course-admin',
  courseAdminPolicy,
  {
    'people.view': SITE_ADMINS,
    'people.manage': SITE_ADMINS,
    'people.set-admin': SITE_ADMINS,
    'cohort.create': SITE_ADMINS,
    'audit.view': SITE_ADMINS,
    'cohort.administer': ADMIN_OR_MANAGER,
    'cohort.edit': ADMIN_OR_MANAGER,
    'cohort.close': ADMIN_OR_MANAGER,
    'cohort.archive': SITE_ADMINS,
    'enrolment.add': ADMIN_OR_MANAGER,
    'enrolment.decide': ADMIN_OR_MANAGER,
    'enrolment.change-role': ADMIN_OR_MANAGER,
    'enrolment.promote': ADMIN_OR_MANAGER,
    'enrolment.remove': ADMIN_OR_MANAGER,
    'audit.view-cohort': ADMIN_OR_MANAGER,
  },
  { site: ['people.view', 'people.manage', 'people.set-admin', 'cohort.create', 'audit.view'] },
);
